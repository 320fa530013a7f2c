"""Render an :class:`Explanation` for the terminal: a ledger whose lines add up to the score."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from leadscore.explain.explanation import Adjustment, Explanation, RuleLine


def _points(value: float) -> Text:
    value = value + 0.0
    style = "green" if value > 0 else ("red" if value < 0 else "dim")
    return Text(f"{value:+.4g}" if value else "0", style=style)


def _ledger(title: str, rules: list[RuleLine], adjustments: list[Adjustment],
            result: float) -> Table:
    table = Table(title=title, title_justify="left", show_edge=False, expand=True)
    table.add_column("points", justify="right", width=8)
    table.add_column("rule", ratio=1)
    table.add_column("evidence", ratio=3)
    for line in sorted(rules, key=lambda r: (not r.fired, -abs(r.points))):
        name = Text(line.label, style="bold" if line.fired else "dim")
        table.add_row(_points(line.points), name, Text(line.detail, style="" if line.fired
                                                       else "dim"))
    for adjustment in adjustments:
        table.add_row(_points(adjustment.points), Text(adjustment.name, style="italic"),
                      adjustment.detail)
    table.add_row(Text(f"{result:.4g}", style="bold"), Text("= score", style="bold"), "")
    return table


def render_explanation(exp: Explanation) -> Group:
    """A rich renderable: header, fit ledger, behavior ledger, total and statuses."""
    if exp.entity == "account":
        who = f"account {exp.person_id}  as of {exp.as_of}\n"
        parts_of_total = (f"{exp.total:.4g}  = people {exp.people or 0:.4g} + fit "
                          f"{exp.fit:.4g} + behavior {exp.behavior:.4g}")
        if exp.rollups:
            who += "roll-ups: " + ", ".join(f"{k} {v:.4g}" for k, v in exp.rollups.items()) + "\n"
    else:
        who = f"  account {exp.account_id or '—'}  as of {exp.as_of}\n"
        parts_of_total = f"{exp.total:.4g}  = fit {exp.fit:.4g} + behavior {exp.behavior:.4g}"
    header = Text.assemble(
        (f"{exp.person_id}" if exp.entity != "account" else "", "bold"), who,
        ("total ", "bold"), parts_of_total,
        "   status ", (exp.status or "none", "bold magenta"),
        f"   tiers {exp.fit_tier or '—'}/{exp.intent_tier or '—'}   matrix {exp.matrix or '—'}\n",
        ("top reasons: ", "bold"), exp.top_reasons or "none",
    )
    parts: list = [Panel(header, title="leadscore explain", subtitle=f"logic {exp.logic_hash}")]
    parts.append(_ledger("Fit", exp.fit_rules, exp.fit_adjustments, exp.fit))
    parts.append(_ledger("Behavior", exp.behavior_rules, exp.behavior_adjustments, exp.behavior))
    for adjustment in exp.total_adjustments:
        parts.append(Text.assemble(("Total ", "bold"), _points(adjustment.points),
                                   f"  {adjustment.name}: {adjustment.detail}"))
    statuses = Table(title="Statuses (first that holds wins)", title_justify="left",
                     show_edge=False, expand=True)
    statuses.add_column("status", width=12)
    statuses.add_column("conditions", ratio=1)
    for status in exp.statuses:
        conditions = Text()
        for i, condition in enumerate(status.conditions):
            if i:
                conditions.append("  and  ")
            mark = "✓" if condition.holds else "✗"
            conditions.append(f"{mark} {condition.text}",
                              style="green" if condition.holds else "red")
        name = Text(status.name + (" ◀" if status.chosen else ""),
                    style="bold magenta" if status.chosen else "")
        statuses.add_row(name, conditions)
    if exp.statuses:
        parts.append(statuses)
    return Group(*parts)
