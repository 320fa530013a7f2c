"""Backtest metrics (Ibis expressions run on DuckDB) against scikit-learn and NumPy on fixed data.

The data set is deterministic: three cutoffs, scores with many ties (multiples of 5, so the AUC
tie handling matters), statuses, conversions and wins drawn from the score.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import ibis
import numpy as np
import pyarrow as pa
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import precision_score, recall_score, roc_auc_score

from leadscore.backtest import metrics as mt
from leadscore.backtest.result import BacktestResult, BacktestSettings, RunInfo

CUTOFFS = (datetime(2026, 3, 1), datetime(2026, 3, 8), datetime(2026, 3, 15))
N = 1_500  # per cutoff


def _data(seed: int = 42, *, tied: bool = True) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    n = N * len(CUTOFFS)
    cutoff = np.repeat(np.array(CUTOFFS, dtype="datetime64[us]"), N)
    person = np.array([f"P{i % 2000:05d}" for i in range(n)])
    raw = rng.gamma(2.0, 20.0, n)
    total = np.round(raw / 5) * 5 if tied else raw
    total = np.minimum(total, 170.0 if tied else 179.5)
    p = 1 / (1 + np.exp(-(total - 90) / 18))
    converted = rng.random(n) < p
    status = np.where(total >= 80, "PQL", np.where(total >= 50, "MQL", None))
    won = converted & (rng.random(n) < 0.4)
    days = rng.exponential(6.0, n)
    converted_at = cutoff + (days * 86_400e6).astype("timedelta64[us]")
    eligible = rng.random(n) > 0.05
    rule_a = np.where(rng.random(n) < 0.3, 15.0, 0.0)
    rule_b = np.where(converted & (rng.random(n) < 0.5), -5.0, 0.0)
    return {"cutoff": cutoff, "person_id": person, "fit": total * 0.3, "behavior": total * 0.7,
            "total": total, "status": status, "eligible": eligible,
            "converted": converted & eligible, "converted_at": np.where(
                converted, converted_at, np.datetime64("NaT")), "won": won & eligible,
            "b__a": rule_a, "fit__b": rule_b}


def _table(data: dict[str, np.ndarray]) -> pa.Table:
    arrays = {}
    for key, values in data.items():
        if key == "status":
            arrays[key] = pa.array(list(values), pa.string())
        elif key == "converted_at":
            arrays[key] = pa.array(values, pa.timestamp("us"), mask=np.isnat(values))
        elif key == "cutoff":
            arrays[key] = pa.array(values, pa.timestamp("us"))
        else:
            arrays[key] = pa.array(values)
    return pa.table(arrays)


@pytest.fixture(scope="module")
def con():
    connection = ibis.duckdb.connect()
    yield connection
    connection.disconnect()


@pytest.fixture(scope="module")
def data() -> dict[str, np.ndarray]:
    return _data()


@pytest.fixture(scope="module")
def t(data):
    return ibis.memtable(_table(data))


def _rows(con, expr) -> list[dict]:
    return con.to_pyarrow(expr).to_pylist()


def _eligible(data: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    keep = data["eligible"]
    return {k: v[keep] for k, v in data.items()}


def test_auc_equals_sklearn_with_ties(con, t, data):
    d = _eligible(data)
    (row,) = _rows(con, mt.auc(mt.eligible(t)))
    assert row["auc"] == pytest.approx(roc_auc_score(d["converted"], d["total"]), abs=1e-12)
    assert row["positives"] == d["converted"].sum()
    assert row["negatives"] == (~d["converted"]).sum()
    per = {r["cutoff"]: r["auc"] for r in _rows(con, mt.auc(mt.eligible(t), by=["cutoff"]))}
    for cutoff in CUTOFFS:
        mask = d["cutoff"] == np.datetime64(cutoff)
        expected = roc_auc_score(d["converted"][mask], d["total"][mask])
        assert per[cutoff] == pytest.approx(expected, abs=1e-12)


def test_auc_of_other_scores_and_degenerate_labels(con, t, data):
    d = _eligible(data)
    (row,) = _rows(con, mt.auc(mt.eligible(t), score="behavior"))
    assert row["auc"] == pytest.approx(roc_auc_score(d["converted"], d["behavior"]), abs=1e-12)
    nobody = ibis.memtable(pa.table({"total": [1.0, 2.0, 2.0], "converted": [False] * 3}))
    assert _rows(con, mt.auc(nobody))[0]["auc"] is None
    perfect = ibis.memtable(pa.table({"total": [1.0, 2.0, 3.0], "converted": [False, True, True]}))
    assert _rows(con, mt.auc(perfect))[0]["auc"] == 1.0


def test_status_precision_recall_and_lift_equal_sklearn(con, t, data):
    d = _eligible(data)
    rows = {r["status"]: r for r in _rows(con, mt.status_table(mt.eligible(t)))}
    y = d["converted"]
    for name in ("PQL", "MQL"):
        pred = d["status"] == name
        row = rows[name]
        assert row["precision"] == pytest.approx(precision_score(y, pred), abs=1e-12)
        assert row["recall"] == pytest.approx(recall_score(y, pred), abs=1e-12)
        assert row["rate"] == pytest.approx(pred.mean(), abs=1e-12)
        assert row["rest_rate"] == pytest.approx(y[~pred].mean(), abs=1e-12)
        assert row["lift"] == pytest.approx(y[pred].mean() / y[~pred].mean(), abs=1e-12)
    assert rows["PQL"]["lift"] > 2  # the fixed data is built so that high scores convert


def _ranks(d: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """0-based rank per cutoff (highest total first, ties by person_id) and cutoff size."""
    rank = np.empty(len(d["total"]), dtype=np.int64)
    size = np.empty(len(d["total"]), dtype=np.int64)
    for cutoff in np.unique(d["cutoff"]):
        idx = np.flatnonzero(d["cutoff"] == cutoff)
        order = np.lexsort((d["person_id"][idx], -d["total"][idx]))
        rank[idx[order]] = np.arange(len(idx))
        size[idx] = len(idx)
    return rank, size


def test_deciles_top_vs_bottom_and_gains_equal_numpy(con, t, data):
    d = _eligible(data)
    rank, size = _ranks(d)
    r = mt.ranked(mt.eligible(t))
    y = d["converted"]
    decile = rank * 10 // size + 1
    got = {row["decile"]: row for row in _rows(con, mt.deciles(r))}
    assert sorted(got) == list(range(1, 11))
    for k in range(1, 11):
        assert got[k]["n"] == (decile == k).sum()
        assert got[k]["converted"] == y[decile == k].sum()
        assert got[k]["high"] == d["total"][decile == k].max()
    rates = [got[k]["converted"] / got[k]["n"] for k in range(1, 11)]
    assert rates[0] > rates[-1]

    (tb,) = _rows(con, mt.top_vs_bottom(r, 0.2))
    top = rank < 0.2 * size
    assert (tb["top_n"], tb["top_converted"]) == (top.sum(), y[top].sum())
    assert (tb["bottom_n"], tb["bottom_converted"]) == ((~top).sum(), y[~top].sum())

    curve = _rows(con, mt.gains(r))
    assert len(curve) == 100
    pctile = rank * 100 // size + 1
    for row in curve[::9]:
        upto = pctile <= row["pctile"]
        assert row["share_of_leads"] == pytest.approx(upto.mean(), abs=1e-12)
        assert row["share_of_conversions"] == pytest.approx(y[upto].sum() / y.sum(), abs=1e-12)
    assert curve[-1]["share_of_conversions"] == pytest.approx(1.0)


def test_bands_on_the_playbook_scale(con, t, data):
    d = _eligible(data)
    got = {row["band"]: row for row in _rows(con, mt.band_rates(mt.eligible(t), scale=150,
                                                                edges=(25, 50, 75)))}
    scaled = d["total"] * 100 / 150
    band = np.select([scaled <= 25, scaled <= 50, scaled <= 75], [0, 1, 2], 3)
    for k in range(4):
        assert got[k]["n"] == (band == k).sum()
        assert got[k]["converted"] == d["converted"][band == k].sum()


def test_calibration_buckets_equal_sklearn_calibration_curve(con):
    d = _eligible(_data(7, tied=False))  # continuous scores: no value sits on a bucket edge
    t = ibis.memtable(_table(d))
    rows = _rows(con, mt.buckets(t, 10.0))
    assert sum(r["n"] for r in rows) == len(d["total"])
    prob_true, _ = calibration_curve(d["converted"], d["total"] / 180.0, n_bins=18,
                                     strategy="uniform")
    ours = [r["converted"] / r["n"] for r in rows]
    assert ours == pytest.approx(list(prob_true), abs=1e-12)
    for row in rows:
        above = d["total"] >= row["low"]
        assert row["at_or_above_n"] == above.sum()
        assert row["at_or_above_converted"] == d["converted"][above].sum()


def test_days_to_conversion_from_first_status_cutoff(con, t, data):
    d = _eligible(data)
    rows = {r["status"]: r for r in _rows(con, mt.days_to_conversion(mt.eligible(t)))}
    for name in ("PQL", "MQL"):
        held = np.flatnonzero(d["status"] == name)
        first: dict[str, int] = {}
        for i in held[np.argsort(d["cutoff"][held], kind="stable")]:
            first.setdefault(d["person_id"][i], i)
        idx = np.array([i for i in first.values() if d["converted"][i]])
        days = (d["converted_at"][idx] - d["cutoff"][idx]) / np.timedelta64(1, "s") / 86_400
        assert rows[name]["timed"] == len(idx)
        assert rows[name]["median"] == pytest.approx(np.median(days), rel=1e-9)
        assert rows[name]["p25"] == pytest.approx(np.quantile(days, 0.25), rel=1e-9)
        assert rows[name]["p75"] == pytest.approx(np.quantile(days, 0.75), rel=1e-9)


def test_won_concentration_uses_the_last_cutoff_before_the_win(con, t, data):
    d = _eligible(data)
    rank, size = _ranks(d)
    (row,) = _rows(con, mt.won_concentration(mt.ranked(mt.eligible(t)), 0.25))
    last: dict[str, int] = {}
    for i in np.flatnonzero(d["won"]):
        j = last.get(d["person_id"][i])
        if j is None or d["cutoff"][i] > d["cutoff"][j]:
            last[d["person_id"][i]] = i
    idx = np.array(list(last.values()))
    assert row["won"] == len(idx)
    assert row["won_in_top"] == (rank[idx] < 0.25 * size[idx]).sum()


def test_rule_table_equals_numpy(con, t, data):
    d = _eligible(data)
    (row,) = _rows(con, mt.rule_table(mt.eligible(t), ["b__a", "fit__b"]))
    y = d["converted"]
    for column in ("b__a", "fit__b"):
        fired = d[column] != 0
        assert row[f"{column}__fired"] == fired.sum()
        assert row[f"{column}__coverage"] == pytest.approx(fired.mean())
        assert row[f"{column}__points"] == pytest.approx(d[column][fired].mean())
        assert row[f"{column}__rate_fired"] == pytest.approx(y[fired].mean())
        assert row[f"{column}__rate_not"] == pytest.approx(y[~fired].mean())
        assert row[f"{column}__lift"] == pytest.approx(y[fired].mean() / y[~fired].mean())
    assert row["fit__b__lift"] > 1  # drawn only among converters


def test_measure_assembles_a_consistent_result(con, t, data):
    d = _eligible(data)
    settings = BacktestSettings(start=CUTOFFS[0], end=CUTOFFS[-1], every=timedelta(days=7),
                                horizon=timedelta(days=30), cutoffs=CUTOFFS,
                                conversions=("converted",), won_outcome="closed_won",
                                score_scale=150.0)
    run = RunInfo("fixed", "0" * 16, "duckdb", datetime(2026, 4, 1), 0.0)
    rules = [mt.RuleInfo("b__a", "a", "behavior", "Rule A"),
             mt.RuleInfo("fit__b", "b", "fit", "Rule B")]
    result = mt.measure(t, con.to_pyarrow, settings=settings, statuses=["PQL", "MQL", "SQL"],
                        rules=rules, run=run)
    assert result.auc == pytest.approx(roc_auc_score(d["converted"], d["total"]))
    assert result.population.snapshots == len(d["total"])
    assert result.population.converted == d["converted"].sum()
    assert result.population.excluded_converted == (~data["eligible"]).sum()
    assert [s.status for s in result.statuses] == ["PQL", "MQL", "SQL"]
    sql = result.status("SQL")
    assert sql.n == 0 and sql.lift is None and sql.rest_n == len(d["total"])
    assert sum(b.n for b in result.bands) == len(d["total"])
    assert [c.cutoff for c in result.cutoffs] == list(CUTOFFS)
    assert sum(c.status_counts["PQL"] for c in result.cutoffs) == result.status("PQL").n
    assert [g.share_of_leads for g in result.gains] == sorted(g.share_of_leads
                                                              for g in result.gains)
    assert {v.key for v in result.verdicts} >= {"auc", "status_lift:PQL", "status_rate:PQL",
                                                "top_vs_bottom", "won_top_quartile", "bands"}
    assert BacktestResult.from_json(result.to_json()) == result


@pytest.mark.parametrize("dialect", ["postgres", "snowflake", "bigquery", "databricks"])
def test_metrics_compile_for_other_engines(t, dialect):
    """Nothing DuckDB-only: every metric compiles for the warehouses the project targets."""
    e = mt.eligible(t)
    r = mt.ranked(e)
    for expr in (mt.auc(e), mt.auc(e, by=["cutoff"]), mt.band_rates(e, scale=150,
                 edges=(25, 50, 75)), mt.deciles(r), mt.top_vs_bottom(r), mt.won_concentration(r),
                 mt.gains(r), mt.buckets(e, 10), mt.status_table(e), mt.days_to_conversion(e),
                 mt.rule_table(e, ["b__a"]), mt.per_cutoff(t), mt.status_volume(e),
                 mt.population(e)):
        assert "SELECT" in ibis.to_sql(expr, dialect=dialect).upper()
