"""Multi-product models (``docs/semantics.md`` §6): one behavior rubric per product.

Each product's rubric is compiled as a model of its own
(:meth:`~leadscore.spec.model.ScoringModel.product_model`) by the same compiler as any model,
and joined by person. A person's behavior is the best product's behavior plus the
cross-product bonus when enough products are active; fit, total, statuses and tiers follow as
in a single-product model. Columns added to the usual ones:

- ``pb__<product>``: the product's behavior; ``product``: the product that drove behavior (the
  first listed on a tie); ``cross_product``: the bonus given;
- ``pbr__<rule>`` (``pv__<velocity>``): a product rule's points within its product, while
  ``b__<rule>`` (``v__<velocity>``) is what it counted in the score — 0 unless its product
  drove behavior — so contributions still add up;
- every other per-product column (``behavior_raw``, decay columns …) as ``<name>__p__<product>``
  for the product's own ledger in ``explain``.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir

from leadscore.compile.assemble import RESULT_COLUMNS, CompiledScores, compile_scores
from leadscore.compile.expressions import clamp
from leadscore.compile.statuses import name_resolver, status_columns, tier_columns
from leadscore.compile.tables import ScoringTables
from leadscore.spec import model as m
from leadscore.spec.fingerprint import logic_hash

PRODUCT_SUFFIX = "__p__"


def _rule_keyed(column: str, ids: set[str]) -> bool:
    _, sep, rest = column.partition("__")
    return bool(sep) and rest in ids


def compile_products(tables: ScoringTables, model: m.ScoringModel, *,
                     person_ids: Sequence[str] | None = None, detail: bool = True,
                     dialect: str | None = None) -> CompiledScores:
    """Compile a model with ``products`` into one expression (see the module docstring)."""
    base_model = model.model_copy(update={"products": {}, "cross_product": None,
                                          "statuses": [], "tiers": None})
    base = compile_scores(tables, base_model, person_ids=person_ids, detail=detail,
                          dialect=dialect)
    t = base.expr.drop("behavior", "total", "status", "fit_tier", "intent_tier", "matrix",
                       "logic_hash")
    as_ofs = [base.as_of]
    behaviors: dict[str, ir.Value] = {}
    for product, section in model.products.items():
        sub = compile_scores(tables, model.product_model(product), person_ids=person_ids,
                             detail=detail, dialect=dialect)
        as_ofs.append(sub.as_of)
        ids = {r.id for r in section.rules} | {v.id for v in section.velocity}
        keep = {}
        for column in sub.expr.columns:
            if column in RESULT_COLUMNS and column != "behavior":
                continue
            if column.startswith("m__") and column.removeprefix("m__") in model.metrics:
                continue  # metrics are the model's, computed once in the base
            if column.startswith("b__") and _rule_keyed(column, ids):
                keep["pbr__" + column.removeprefix("b__")] = column
            elif column.startswith("v__") and _rule_keyed(column, ids):
                keep["pv__" + column.removeprefix("v__")] = column
            elif _rule_keyed(column, ids):
                keep[column] = column
            else:
                keep[f"{column}{PRODUCT_SUFFIX}{product}"] = column
        part = sub.expr.select(_pid=sub.expr.person_id,
                               **{new: sub.expr[old] for new, old in keep.items()})
        t = t.left_join(part, t.person_id == part._pid).drop("_pid")
        behaviors[product] = t[f"behavior{PRODUCT_SUFFIX}{product}"]

    names = list(model.products)
    # The best product, the first listed on a tie (strictly greater to take over).
    best, driver = behaviors[names[0]], ibis.literal(names[0])
    for name in names[1:]:
        better = behaviors[name] > best
        driver = ibis.ifelse(better, ibis.literal(name), driver)
        best = ibis.ifelse(better, behaviors[name], best)
    bonus = ibis.literal(0.0)
    cross = model.cross_product
    if cross is not None:
        active = sum((ibis.ifelse(b > cross.active_above, 1, 0) for b in behaviors.values()),
                     ibis.literal(0))
        bonus = ibis.ifelse(active >= cross.min_products, cross.bonus, 0.0)
    t = t.mutate(**{f"pb__{p}": b for p, b in behaviors.items()}, product=driver,
                 cross_product=bonus)
    t = t.mutate(behavior=best + t.cross_product)
    if "behavior_raw" in t.columns:  # the base's is 0: no rubric of its own
        t = t.mutate(behavior_raw=t.behavior)
    counted = {}
    for product, section in model.products.items():
        for rule in section.rules:
            counted[f"b__{rule.id}"] = ibis.ifelse(t.product == product, t[f"pbr__{rule.id}"],
                                                   0.0)
        for velocity in section.velocity:
            counted[f"v__{velocity.id}"] = ibis.ifelse(t.product == product,
                                                       t[f"pv__{velocity.id}"], 0.0)
    t = t.mutate(**counted)
    total = model.total.fit_weight * t.fit + model.total.behavior_weight * t.behavior
    t = t.mutate(total=clamp(total, model.total.min, model.total.max))
    base_names = name_resolver(model, t)
    product_names = {**{p: t[f"pb__{p}"] for p in names},
                     **{r.id: t[f"pbr__{r.id}"] for s in model.products.values()
                        for r in s.rules},
                     **{v.id: t[f"pv__{v.id}"] for s in model.products.values()
                        for v in s.velocity}}

    def resolve(name: str) -> ir.Value:
        return product_names[name] if name in product_names else base_names(name)

    t = t.mutate(**status_columns(model, t, resolve=resolve))
    fingerprint = logic_hash(model)
    t = t.mutate(**tier_columns(model, t), logic_hash=ibis.literal(fingerprint))
    rest = [c for c in t.columns if c not in RESULT_COLUMNS]
    return CompiledProducts(t.select(*RESULT_COLUMNS, *rest), base.as_of, model, fingerprint,
                            tuple(as_ofs))


class CompiledProducts(CompiledScores):
    """:class:`CompiledScores` whose expression holds one as-of parameter per rubric."""

    def __init__(self, expr: ir.Table, as_of, model: m.ScoringModel, logic_hash: str,
                 as_ofs: tuple) -> None:
        super().__init__(expr, as_of, model, logic_hash)
        object.__setattr__(self, "as_ofs", as_ofs)

    def params(self, as_of_value) -> dict:
        """Bind every rubric's as-of parameter to ``as_of_value``."""
        return {a.param: as_of_value for a in self.as_ofs}
