"""The one-line "top reasons" summary of every scored row, computed column-wise.

For a million rows this must not loop in Python per row. ``score`` has the engine fold each
row's positive contributions into one integer (:mod:`leadscore.compile.reason_codes`); the few
thousand distinct codes are decoded and ranked here (:func:`reasons_from_codes`). When a
model's points are continuous, the engine ranks the top three contributions of each row
instead (:mod:`leadscore.compile.reason_ranks`). A table with every contribution (``explain``,
``backtest``) is ranked here, with the contribution columns stacked into a NumPy matrix and
three column-wise maximum passes. The text is then built once per distinct *combination*
(rule, points, rule, points, …) — a few thousand at most for a real model, since points take
few values — and the rows point at it: the result is a dictionary array, the strings are
never assembled (or stored) per row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from leadscore.spec import model as m

if TYPE_CHECKING:
    from leadscore.compile.reason_codes import ReasonCodes

TOP_N = 3

_DISTINCT_HINT = 1 << 18
"""Distinct reason codes expected at most per run (a hint for the hash table, not a limit)."""

_PACKED_LIMIT = 2 ** 62
"""Combinations are packed into one int64 per row while every code stays below this."""


def contribution_columns(model: m.ScoringModel) -> list[tuple[str, str]]:
    """(column, label) of every rule contribution, in model order."""
    champion = model.fit.champion
    return ([(f"fit__{r.id}", r.label or r.id) for r in model.fit.rules]
            + ([("fit__champion", champion.label or "Champion movement")] if champion else [])
            + [(f"b__{r.id}", r.label or r.id) for r in model.all_behavior_rules()]
            + [(f"v__{v.id}", v.label or v.id) for v in model.all_velocity()])


def _points_text(values: np.ndarray) -> list[str]:
    """``15``, ``7.5``: points rounded to one decimal (half to even), without a trailing .0."""
    text = pc.cast(pc.round(pa.array(values, pa.float64()), 1), pa.string())
    return pc.replace_substring_regex(text, r"\.0$", "").to_pylist()


def top_reasons(model: m.ScoringModel, table: pa.Table, n: int = TOP_N) -> pa.Array:
    """``"Invited teammates +15; Connected an integration +15; …"`` for every row.

    The ``n`` largest positive contributions, largest first; ties keep model order. ``table``
    holds either the ranking the engine computed (``rr__k``/``rv__k`` columns, see
    :mod:`leadscore.compile.reason_ranks`) or every rule contribution, ranked here. The
    result is dictionary-encoded: one string per distinct combination, not per row.
    """
    columns = contribution_columns(model)
    if "rr__1" in table.column_names:
        rounds = [k for k in range(1, n + 1) if f"rr__{k}" in table.column_names]
        picks = [table.column(f"rr__{k}") for k in rounds]
        points = [table.column(f"rv__{k}") for k in rounds]
    else:
        picks, points = _rank(columns, table, n)
    return _text([label for _, label in columns], picks, points, table.num_rows)


Column = np.ndarray | pa.Array | pa.ChunkedArray
"""One round of a ranking: per row, a 1-based rule position (0 = none) or its points."""


def _rank(columns: list[tuple[str, str]], table: pa.Table,
          n: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(rule position or 0, points) per round, ranked from the contribution columns."""
    # Only rules that are positive somewhere can be a reason (penalties never are), and a
    # positive value always ranks above every non-positive one, so the others are skipped.
    candidates, arrays = [], []
    for i, (column, _) in enumerate(columns):
        values = np.asarray(table.column(column).to_numpy(zero_copy_only=False),
                            dtype="float64")
        if np.nanmax(values, initial=0.0) > 0:
            candidates.append(i + 1)
            arrays.append(values)
    return _rank_values(candidates, arrays, table.num_rows, n)


def _rank_values(candidates: list[int], arrays: list[np.ndarray], rows: int,
                 n: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(rule position or 0, points) per round.

    ``arrays[i]`` holds the points of the rule at 1-based position ``candidates[i]``.
    """
    if not candidates or rows == 0:
        return [], []
    matrix = np.nan_to_num(np.stack(arrays), nan=0.0, copy=False)  # rule × row, a copy
    del arrays
    everyone = np.arange(rows)
    positions = np.asarray(candidates)
    picks, points = [], []
    rounds = min(n, len(candidates))
    for round_ in range(rounds):
        value = matrix.max(axis=0)
        # The first rule holding the maximum (walking backwards, the last match wins): ties
        # keep model order, as a stable sort would.
        best = np.zeros(rows, dtype="int64")
        for k in range(len(candidates) - 1, 0, -1):
            np.copyto(best, k, where=matrix[k] == value)
        np.copyto(best, 0, where=matrix[0] == value)
        if round_ < rounds - 1:
            matrix[best, everyone] = -np.inf  # picked: out of the next round
        picks.append(np.where(value > 0, positions[best], 0))
        points.append(np.where(value > 0, value, 0.0))
    return picks, points


def _rank_codes(codes: ReasonCodes, distinct: np.ndarray,
                n: int) -> tuple[list[np.ndarray], list[np.ndarray]] | None:
    """(rule position or 0, points) per round for each of the ``distinct`` codes.

    ``None`` when a code holds an unlisted value (see :meth:`ReasonCodes.index`).
    """
    # Every (rule, positive value) pair gets one key, ordered as reasons are: more points
    # first, ties in model order. A code's largest key is then its first reason, with no tie
    # to resolve and no floats to compare — a byte per rule for most models.
    pairs = sorted((value, -position) for position, values in zip(codes.positions, codes.values,
                                                                strict=True)
                   for value in values)
    key = {pair: k for k, pair in enumerate(pairs, start=1)}
    key_position = np.array([0] + [-position for _, position in pairs])
    key_points = np.array([0.0] + [value for value, _ in pairs])
    dtype = np.min_scalar_type(len(pairs))
    matrix = np.empty((len(codes.values), len(distinct)), dtype)  # rule × code
    buffer = np.empty_like(distinct)  # one scratch array for every rule's index
    for row, (position, values) in enumerate(zip(codes.positions, codes.values, strict=True)):
        index = codes.index(row, distinct, out=buffer)
        if index is None:
            return None
        keys = np.array([0] + [key[value, -position] for value in values], dtype)
        np.take(keys, index, out=matrix[row])
    picks, points = [], []
    rounds = min(n, len(codes.values))
    for round_ in range(rounds):
        best = matrix.max(axis=0)
        picks.append(key_position[best])
        points.append(key_points[best])
        if round_ < rounds - 1:
            matrix[matrix == best] = 0  # picked (keys are unique): out of the next round
    return picks, points


def reasons_from_codes(model: m.ScoringModel, codes: ReasonCodes, column: Column,
                       n: int = TOP_N) -> pa.Array | None:
    """:func:`top_reasons` from the reason code the engine computed for every row.

    The codes (:mod:`leadscore.compile.reason_codes`) are decoded, ranked and worded once per
    distinct code, and every row points at its code's text.

    ``None`` when a code holds a positive value the layout does not list: the reasons are
    then unknown here, and the caller must rank the contributions instead.
    """
    # pandas' hash table, not Arrow's dictionary_encode: 0.03 s against 0.05–0.09 s for the
    # first call in a process, on a million codes of which 194k are distinct.
    row_code, distinct = pd.factorize(_numpy(column), size_hint=_DISTINCT_HINT)
    ranked = _rank_codes(codes, np.asarray(distinct), n)
    if ranked is None:
        return None
    picks, values = ranked
    text = _text([label for _, label in contribution_columns(model)], picks, values,
                 len(distinct))
    code_text = text.indices.to_numpy(zero_copy_only=False)
    return pa.DictionaryArray.from_arrays(pa.array(code_text[row_code]), text.dictionary)


def _numpy(column: Column) -> np.ndarray:
    if isinstance(column, np.ndarray):
        return column
    return column.to_numpy() if isinstance(column, pa.ChunkedArray) else column.to_numpy(
        zero_copy_only=False)


def _text(labels: list[str], picks: list[Column], points: list[Column], rows: int) -> pa.Array:
    """The reasons of every row from its picks (per round: 1-based rule position, 0 = none)."""
    if not picks or rows == 0:
        return pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, dtype="int32")),
                                              pa.array([""], pa.string()))
    # Each pick becomes a piece code, position × V + value index, V counting the distinct
    # point values (hash-encoded by Arrow, no sort): position 0 means no piece (nothing
    # positive left), and positives come first, so a row's reasons are its pieces up to the
    # first 0 position. Whole rounds are folded into one integer per row and the distinct
    # integers are the combinations. Arrays are worked round by round and in place: at a
    # million rows every extra temporary is tens of megabytes of fresh pages.
    arrow_points = [pa.array(p) if isinstance(p, np.ndarray) else p for p in points]
    distinct = pc.unique(pa.chunked_array(
        [chunk for p in arrow_points for chunk in getattr(p, "chunks", [p])], pa.float64()))
    width = len(distinct)
    pieces = []
    for pick, point in zip(picks, arrow_points, strict=True):
        piece = _numpy(pick).astype("int64")
        piece *= width
        piece += _numpy(pc.index_in(point, value_set=distinct))
        pieces.append(piece)
    base = (len(labels) + 1) * width
    if base ** len(pieces) < _PACKED_LIMIT:
        code = pieces[0]
        for piece in pieces[1:]:
            code *= base
            code += piece
        combos = pc.dictionary_encode(pa.array(code))
        row_combo = combos.indices
        combo_pieces = [[(c // base ** (len(pieces) - 1 - k)) % base for k in range(len(pieces))]
                        for c in combos.dictionary.to_pylist()]
    else:  # too many distinct values to pack into one integer (continuous points)
        combo_rows, inverse = np.unique(np.stack(pieces, axis=1), axis=0, return_inverse=True)
        row_combo = pa.array(inverse.reshape(-1).astype("int32"))
        combo_pieces = combo_rows.tolist()
    numbers = _points_text(distinct.to_numpy())
    texts = []
    for combo in combo_pieces:
        parts = []
        for piece in combo:
            position, value = divmod(int(piece), width)
            if position == 0:
                break
            parts.append(f"{labels[position - 1]} +{numbers[value]}")
        texts.append("; ".join(parts))
    return pa.DictionaryArray.from_arrays(row_combo, pa.array(texts, pa.string()))
