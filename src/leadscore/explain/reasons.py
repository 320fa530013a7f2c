"""The one-line "top reasons" summary of every scored row, computed column-wise.

For a million rows this must not loop in Python per row. ``score`` has the engine rank the
top three positive contributions of each row (:mod:`leadscore.compile.reason_ranks`); a table
with every contribution instead (``explain``, ``backtest``) is ranked here, with the
contribution columns stacked into a NumPy matrix and three column-wise maximum passes. The text
is then built once per distinct *combination* (rule, points, rule, points, …) — a few thousand
at most for a real model, since points take few values — and the rows point at it: the result
is a dictionary array, the strings are never assembled (or stored) per row.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from leadscore.spec import model as m

TOP_N = 3


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
        picks, points = _engine_ranks(table, n)
    else:
        picks, points = _rank(columns, table, n)
    return _text([label for _, label in columns], picks, points, table.num_rows)


def _engine_ranks(table: pa.Table, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(rule index or -1, points), round × row, from the engine's ``rr__k``/``rv__k``."""
    rounds = [k for k in range(1, n + 1) if f"rr__{k}" in table.column_names]
    picks = np.stack([np.asarray(table.column(f"rr__{k}").to_numpy(zero_copy_only=False),
                                 dtype="int64") - 1 for k in rounds])
    points = np.stack([np.asarray(table.column(f"rv__{k}").to_numpy(zero_copy_only=False),
                                  dtype="float64") for k in rounds])
    return picks, np.where(picks >= 0, points, 0.0)


def _rank(columns: list[tuple[str, str]], table: pa.Table,
          n: int) -> tuple[np.ndarray, np.ndarray]:
    """(rule index or -1, points), round × row, ranked from the contribution columns."""
    rows = table.num_rows
    # Only rules that are positive somewhere can be a reason (penalties never are), and a
    # positive value always ranks above every non-positive one, so the others are skipped.
    candidates, arrays = [], []
    for i, (column, _) in enumerate(columns):
        values = np.asarray(table.column(column).to_numpy(zero_copy_only=False),
                            dtype="float64")
        if np.nanmax(values, initial=0.0) > 0:
            candidates.append(i)
            arrays.append(values)
    if not candidates or rows == 0:
        return np.empty((0, rows), dtype="int64"), np.empty((0, rows))
    matrix = np.nan_to_num(np.stack(arrays), nan=0.0, copy=False)  # rule × row, a copy
    del arrays
    everyone = np.arange(rows)
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
        picks.append(np.where(value > 0, np.asarray(candidates)[best], -1))
        points.append(np.where(value > 0, value, 0.0))
    return np.stack(picks), np.stack(points)


def _text(labels: list[str], picks: np.ndarray, points: np.ndarray, rows: int) -> pa.Array:
    """The reasons of every row from its picks (rule index, -1 = none) and their points."""
    if picks.shape[0] == 0 or rows == 0:
        return pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, dtype="int32")),
                                              pa.array([""], pa.string()))
    # Each pick becomes a piece code: 0 = no piece (not positive), else 1 + rule × V + value
    # index, V counting the distinct point values (hash-encoded by Arrow, no sort). Positives
    # come first, so a row's reasons are its pieces up to the first 0.
    positive = picks >= 0
    encoded = pc.dictionary_encode(pa.array(np.where(positive, points, 0.0).reshape(-1)))
    distinct = encoded.dictionary.to_numpy()
    value_index = encoded.indices.to_numpy().astype("int64").reshape(points.shape)
    pieces = np.where(positive, 1 + np.maximum(picks, 0) * len(distinct) + value_index, 0)
    base = len(labels) * len(distinct) + 1
    if base ** len(pieces) < 2 ** 62:
        code = np.zeros(rows, dtype="int64")
        for piece in pieces:
            code = code * base + piece
        combos = pc.dictionary_encode(pa.array(code))
        row_combo = combos.indices
        combo_pieces = [[(c // base ** (len(pieces) - 1 - k)) % base for k in range(len(pieces))]
                        for c in combos.dictionary.to_pylist()]
    else:  # too many distinct values to pack into one integer (continuous points)
        combo_rows, inverse = np.unique(pieces.T, axis=0, return_inverse=True)
        row_combo = pa.array(inverse.reshape(-1).astype("int32"))
        combo_pieces = combo_rows.tolist()
    numbers = _points_text(distinct)
    texts = []
    for combo in combo_pieces:
        parts = []
        for piece in combo:
            if piece == 0:
                break
            rule, value = divmod(int(piece) - 1, len(distinct))
            parts.append(f"{labels[rule]} +{numbers[value]}")
        texts.append("; ".join(parts))
    return pa.DictionaryArray.from_arrays(row_combo, pa.array(texts, pa.string()))
