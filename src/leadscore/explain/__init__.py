"""Explanations of scores, read from the scoring query's own per-rule columns."""
