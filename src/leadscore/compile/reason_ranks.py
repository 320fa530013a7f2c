"""The top-reasons ranking, computed by the engine next to the scores.

For the models whose positive points cannot all be listed
(:mod:`leadscore.compile.reason_codes` handles the rest).

A row's top reasons are its ``n`` largest positive rule contributions, largest first, ties in
model order (:mod:`leadscore.explain.reasons` turns them into text). Ranking them in the query
means ``score`` fetches ``2 n`` narrow columns per person instead of every rule's contribution:
at a million people that is the difference between a small result DuckDB can materialise in
parallel and a wide one that had to be streamed piece by piece (one thread; measured ~1 s more
at 50M events) to stay within memory.

Round ``k`` keeps, for every candidate rule not picked in an earlier round, its contribution
(else 0: round ``k - 1``'s values with that round's pick zeroed); ``rv__k`` is the largest of
them and ``rr__k`` the first rule holding it, as a 1-based position in
:func:`~leadscore.explain.reasons.contribution_columns` (0 when nothing positive is left).
Each round is its own projection, so each contribution is compared against a column, not
against a re-inlined ``GREATEST``. That holds on DuckDB only: PostgreSQL's planner flattens
the projections into one expression that grows exponentially with the rounds, so
``Project.scoring_query`` ranks in the query on DuckDB and in NumPy elsewhere.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from leadscore.compile.portable import num
from leadscore.compile.reason_codes import candidate_values
from leadscore.explain.reasons import TOP_N, contribution_columns
from leadscore.spec import model as m


def rank_columns(n: int = TOP_N) -> list[str]:
    """Names of the ranking columns: ``rr__1, rv__1, …, rr__n, rv__n``."""
    return [name for k in range(1, n + 1) for name in (f"rr__{k}", f"rv__{k}")]


def can_be_positive(model: m.ScoringModel) -> list[bool]:
    """Per :func:`contribution_columns` entry: can this rule ever give positive points?

    Penalties (inactivity, negative-only cases and tiers) never rank as a reason, so they are
    left out of the ranking — a third of the product-led preset's rules. Read from
    :func:`~leadscore.compile.reason_codes.candidate_values`, which the reason code uses too.
    """
    return [values != () for values in candidate_values(model)]


def with_reason_ranks(expr: ir.Table, model: m.ScoringModel, keep: list[str],
                      n: int = TOP_N) -> ir.Table:
    """``expr``'s ``keep`` columns plus the ranking columns (:func:`rank_columns`)."""
    columns = [column for column, _ in contribution_columns(model)]
    candidates = [(position, column) for position, (column, positive)
                  in enumerate(zip(columns, can_be_positive(model), strict=True), start=1)
                  if positive]
    zero = num(0)
    values = [f"c__{p}" for p, _ in candidates]
    t = expr.select(*keep, **{v: expr[c].fill_null(zero) for v, (_, c) in zip(values, candidates,
                                                                         strict=True)})
    left = values
    for k in range(1, n + 1):
        if k > 1:
            # What is left this round, as columns: last round's, with its pick zeroed (one
            # comparison per rule, not one per earlier round). Each is compared twice below
            # (GREATEST, then the first match), and a column is computed once where an inline
            # CASE is computed twice.
            previous = t[f"rr__{k - 1}"]
            t = t.mutate(**{f"l{k}__{p}": ibis.ifelse(previous == p, zero, t[c])
                            for c, (p, _) in zip(left, candidates, strict=True)})
            left = [f"l{k}__{p}" for p, _ in candidates]
        best = f"rv__{k}"
        t = t.mutate(**{best: ibis.greatest(zero, *(t[c] for c in left)) if left else zero})
        rank = (ibis.cases(*((t[c] == t[best], p) for c, (p, _) in zip(left, candidates,
                                                                           strict=True)),
                           else_=0) if left else ibis.literal(0))
        t = t.mutate(**{f"rr__{k}": ibis.ifelse(t[best] > zero, rank, 0).cast("int16")})
    return t.select(*keep, *rank_columns(n))
