"""The one-line "top reasons" summary of every scored row, computed column-wise.

For a million rows this must not loop in Python per row. The contribution columns are stacked
into a NumPy matrix and the top three positive ones per row are picked with three column-wise
maximum passes. The text is then built once per distinct *combination* (rule, points, rule,
points, …) — a few thousand at most for a real model, since points take few values — and
spread back to the rows with one Arrow ``take``: the strings are never assembled per row.
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

    The ``n`` largest positive contributions, largest first; ties keep model order.
    """
    columns = contribution_columns(model)
    rows = table.num_rows
    if not columns or rows == 0:
        return pa.array([""] * rows, pa.string())
    # Only rules that are positive somewhere can be a reason (penalties never are), and a
    # positive value always ranks above every non-positive one, so the others are skipped.
    candidates, arrays = [], []
    for i, (column, _) in enumerate(columns):
        values = np.asarray(table.column(column).to_numpy(zero_copy_only=False),
                            dtype="float64")
        if np.nanmax(values, initial=0.0) > 0:
            candidates.append(i)
            arrays.append(values)
    if not candidates:
        return pa.array([""] * rows, pa.string())
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
        picks.append(np.asarray(candidates)[best])
        points.append(value)
    # Each pick becomes a piece code: 0 = no piece (not positive), else 1 + rule × V + value
    # index, V counting the distinct point values (hash-encoded by Arrow, no sort). Positives
    # come first, so a row's reasons are its pieces up to the first 0.
    value_stack = np.stack(points)
    positive = value_stack > 0
    encoded = pc.dictionary_encode(pa.array(np.where(positive, value_stack, 0.0).reshape(-1)))
    distinct = encoded.dictionary.to_numpy()
    value_index = encoded.indices.to_numpy().astype("int64").reshape(value_stack.shape)
    pieces = np.where(positive, 1 + np.stack(picks) * len(distinct) + value_index, 0)
    base = len(columns) * len(distinct) + 1
    if base ** len(picks) < 2 ** 62:
        code = np.zeros(rows, dtype="int64")
        for piece in pieces:
            code = code * base + piece
        combos = pc.dictionary_encode(pa.array(code))
        row_combo = combos.indices
        combo_pieces = [[(c // base ** (len(picks) - 1 - k)) % base for k in range(len(picks))]
                        for c in combos.dictionary.to_pylist()]
    else:  # too many distinct values to pack into one integer (continuous points)
        combo_rows, inverse = np.unique(pieces.T, axis=0, return_inverse=True)
        row_combo = pa.array(inverse.reshape(-1))
        combo_pieces = combo_rows.tolist()
    labels = [label for _, label in columns]
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
    return pa.array(texts, pa.string()).take(row_combo)
