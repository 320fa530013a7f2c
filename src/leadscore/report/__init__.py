"""Reports: a backtest rendered as one self-contained HTML page.

>>> from leadscore.report import write_report                        # doctest: +SKIP
>>> write_report(result, "out/report.html")                         # doctest: +SKIP

The page only renders a :class:`~leadscore.backtest.result.BacktestResult`; it never queries.
"""

from leadscore.report.html import SECTIONS, render_report, write_report

__all__ = ["SECTIONS", "render_report", "write_report"]
