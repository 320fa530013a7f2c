"""leadscore: lead scoring as code.

Declare a scoring model in YAML, compile it to SQL, score every lead as of any instant and
explain every point. See the README and ``docs/``.
"""
