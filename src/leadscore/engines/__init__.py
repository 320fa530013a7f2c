"""Engines: connections that read sources and run compiled expressions."""
