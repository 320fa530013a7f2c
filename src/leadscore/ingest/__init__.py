"""Bring data in: vendor event exports and CRM files into the canonical tables.

``leadscore ingest`` reads the ``ingest:`` sources of ``leadscore.yaml`` — Segment Spec
messages, Amplitude / Mixpanel / PostHog exports, CSV / Parquet files and DuckDB / PostgreSQL
tables with a column mapping — into ``ls_*`` tables of the project's DuckDB database, in bulk
SQL (no per-row Python). Bad rows go to ``ls_quarantine`` with a reason; nothing is dropped
silently. The guide is ``docs/ingest.md``.

>>> from leadscore.ingest.run import ingest                            # doctest: +SKIP
>>> report = ingest(project.config, project.root)                      # doctest: +SKIP
>>> report.total.loaded, report.total.quarantined                      # doctest: +SKIP
"""
