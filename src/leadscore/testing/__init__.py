"""Testing helpers: the reference scorer used as the test oracle of the engine.

:mod:`leadscore.testing.reference` re-implements ``docs/semantics.md`` in plain Python, without
Ibis or SQL, so that property tests can compare the compiled engine against an independent,
deliberately naive implementation.
"""

from leadscore.testing.reference import ReferenceScore, reference_score

__all__ = ["ReferenceScore", "reference_score"]
