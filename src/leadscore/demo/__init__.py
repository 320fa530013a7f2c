"""The demo world: a deterministic synthetic product-led B2B SaaS dataset.

See :mod:`leadscore.demo.world` and the "demo world" section of ``docs/data-model.md``.
"""
