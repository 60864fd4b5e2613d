"""Benchmark: all metrics for a year over 100,000 incidents and 1,000,000 events.

The store's metrics (one call, every figure) must take under a second. The same
aggregates are then computed the plain way (simple SQL, medians in Python) as the
baseline; both must agree, and the time is printed as a ratio to the baseline.
Run: ``pytest tests/benchmarks/test_bench_metrics.py -s``.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

import pytest

from store import Store
from store.periods import Period

from .generate import generate

YEAR = Period.days(date(2025, 1, 1), date(2025, 12, 31))
T0, T1 = "2025-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"
START = "coalesce(impact_started_at, declared_at)"


def best_of(runs: int, fn):
    """The fastest of ``runs`` timings, and the last result."""
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - began)
    return min(times), result


def nearest_rank(values: list[float], share: float) -> float | None:
    ordered = sorted(values)
    return ordered[max(1, -(-len(ordered) * 9 // 10)) - 1] if ordered else None


def plain_sql(conn) -> dict:
    """The same figures, written the obvious way."""
    rows = conn.execute(
        f"SELECT impact_started_at AS s, detected_at AS d, declared_at AS dc, acknowledged_at AS a, "
        f"mitigated_at AS m, resolved_at AS r FROM incident WHERE {START} >= ? AND {START} < ?",
        (T0, T1),
    ).fetchall()
    minutes = lambda x, y: (conn_jd[x] - conn_jd[y]) * 1440  # noqa: E731
    conn_jd: dict = {}
    stamps = {v for row in rows for v in row if v}
    for stamp, jd in conn.execute(
        "SELECT value, julianday(value) FROM json_each(?)", (__import__("json").dumps(sorted(stamps)),)
    ):
        conn_jd[stamp] = jd
    mttr = [minutes(r[5], r[0] or r[2]) for r in rows if r[5]]
    ttd = [minutes(r[1], r[0]) for r in rows if r[1] and r[0]]
    severities = dict(
        conn.execute(
            f"SELECT severity, count(*) FROM incident WHERE {START} >= ? AND {START} < ? GROUP BY severity", (T0, T1)
        ).fetchall()
    )
    dep_total = conn.execute(
        "SELECT count(*) FROM deployment WHERE deployed_at >= ? AND deployed_at < ?", (T0, T1)
    ).fetchone()[0]
    failed = conn.execute(
        "SELECT count(DISTINCT d.id) FROM deployment d LEFT JOIN deployment_incident di "
        "ON di.deployment_id = d.id WHERE deployed_at >= ? AND deployed_at < ? "
        "AND (d.failed = 1 OR di.incident_id IS NOT NULL)",
        (T0, T1),
    ).fetchone()[0]
    toil = conn.execute(
        "SELECT sum(toil_minutes), sum(working_minutes) FROM toil_entry WHERE week >= '2025-01-01' "
        "AND week < '2026-01-01'"
    ).fetchone()
    return {
        "count": len(rows),
        "severities": severities,
        "mttr_mean": statistics.fmean(mttr),
        "mttr_median": statistics.median(mttr),
        "mttr_p90": nearest_rank(mttr, 0.9),
        "ttd_n": len(ttd),
        "deployments": dep_total,
        "failed": failed,
        "toil_pct": 100 * toil[0] / toil[1],
    }


@pytest.fixture(scope="module")
def big_store() -> Store:
    return Store(generate())


def test_metrics_for_a_year_under_a_second(big_store):
    ours, metrics = best_of(3, lambda: big_store.metrics(YEAR))
    baseline, plain = best_of(3, lambda: plain_sql(big_store.db.conn))
    assert metrics.incident_count == plain["count"] > 40_000
    assert {k: v for k, v in metrics.by_severity.items() if v} == plain["severities"]
    mttr = metrics.durations["mttr"]
    assert (mttr.mean, mttr.median, mttr.p90) == pytest.approx(
        (plain["mttr_mean"], plain["mttr_median"], plain["mttr_p90"])
    )
    assert metrics.durations["ttd"].n == plain["ttd_n"]
    assert (metrics.deployments, metrics.failed_deployments) == (plain["deployments"], plain["failed"])
    assert metrics.toil_pct == pytest.approx(plain["toil_pct"])
    print(
        f"\nmetrics for a year over {metrics.incident_count:,} of 100,000 incidents: {ours * 1000:.0f} ms; "
        f"plain SQL + Python baseline: {baseline * 1000:.0f} ms; ratio {ours / baseline:.2f}x "
        f"({len(metrics.incomplete):,} incomplete incidents listed)"
    )
    assert ours < 1.0
