"""The one-line "top reasons" summary of every scored row, computed column-wise.

For a million rows this must not loop in Python: the contribution columns are stacked into a
NumPy matrix, the top three positive ones per row are picked with one ``argsort``, and the text
is assembled with Arrow compute kernels.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from leadscore.spec import model as m

TOP_N = 3


def contribution_columns(model: m.ScoringModel) -> list[tuple[str, str]]:
    """(column, label) of every rule contribution, in model order."""
    return ([(f"fit__{r.id}", r.label or r.id) for r in model.fit.rules]
            + [(f"b__{r.id}", r.label or r.id) for r in model.behavior.rules]
            + [(f"v__{v.id}", v.label or v.id) for v in model.behavior.velocity])


def top_reasons(model: m.ScoringModel, table: pa.Table, n: int = TOP_N) -> pa.Array:
    """``"Invited teammates +15; Connected an integration +15; …"`` for every row."""
    columns = contribution_columns(model)
    if not columns or table.num_rows == 0:
        return pa.array([""] * table.num_rows, pa.string())
    matrix = np.column_stack([
        table.column(c).to_numpy(zero_copy_only=False).astype("float64") for c, _ in columns])
    matrix = np.nan_to_num(matrix, nan=0.0)
    # Stable sort on the negated points: ties keep model order, so reasons are deterministic.
    order = np.argsort(-matrix, axis=1, kind="stable")[:, :n]
    labels = np.array([label for _, label in columns], dtype=object)
    pieces = []
    for k in range(order.shape[1]):
        points = np.take_along_axis(matrix, order[:, k : k + 1], axis=1)[:, 0]
        label = pa.array(labels[order[:, k]], pa.string())
        rounded = pc.round(pa.array(points), 1)
        text = pc.binary_join_element_wise(label, pc.cast(rounded, pa.string()), " +")
        # "15.0" reads worse than "15": drop a trailing ".0".
        text = pc.replace_substring_regex(text, r"\.0$", "")
        pieces.append(pc.if_else(pa.array(points > 0), text, ""))
    # Positive reasons sort first, so empty pieces are only ever at the end: join everything
    # and trim the trailing separators (null-skipping joins are avoided on purpose: pyarrow
    # drops rows whose inputs are all null).
    joined = pc.binary_join_element_wise(*pieces, "; ")
    return pc.replace_substring_regex(joined, r"(; )+$", "")
