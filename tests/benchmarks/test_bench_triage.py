"""Triage with 100,000 action items: the first page of "mine, overdue first"
through the store, against the same raw SQL, in the same run.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_triage.py -s``
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from store import Store
from store.actions import TRIAGE_IDS_SQL, TRIAGE_ROWS_SQL, triage_where

N = 100_000
OWNERS = ("dana", "sam", "priya", "marcus", "alex", "lee", "kim", "jo", "ravi", "ana")
STATUSES = ("open", "open", "in_progress", "done", "done", "wont_do")
ROUNDS = 50


def fill(store: Store) -> None:
    """N items spread over owners, statuses, priorities and a year of due dates."""
    rng = random.Random(7)
    start = date(2025, 6, 1)
    rows = [
        (
            f"item {i}",
            rng.choice(OWNERS),
            (start + timedelta(days=rng.randrange(365))).isoformat(),
            rng.choice(("P1", "P2", "P3")),
            rng.choice(STATUSES),
            "2025-06-01T00:00:00.000Z",
            "2025-06-01T00:00:00.000Z",
        )
        for i in range(N)
    ]
    with store.db.write() as conn:
        conn.executemany(
            "INSERT INTO action_item (title, owner, due_date, priority, status, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    store.db.conn.execute("ANALYZE")


def raw_page(store: Store, owner: str | None) -> list:
    """The same two statements the store runs, straight on the connection (the baseline)."""
    today = store.now().date()
    where, params = triage_where(owner, False, "active", today)
    conn = store.db.conn
    ids = [r[0] for r in conn.execute(TRIAGE_IDS_SQL.format(where=where), (*params, today.isoformat(), 200, 0))]
    return conn.execute(TRIAGE_ROWS_SQL.format(marks=", ".join("?" for _ in ids)), ids).fetchall()


def timed(fn) -> float:
    """Best of ROUNDS, in milliseconds."""
    best = float("inf")
    for _ in range(ROUNDS):
        began = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - began)
    return best * 1000


def test_first_page_of_mine_overdue_first(store: Store) -> None:
    fill(store)
    today = store.now().date()
    where, params = triage_where("dana", False, "active", today)
    sql = TRIAGE_IDS_SQL.format(where=where)
    raw = timed(lambda: raw_page(store, "dana"))
    api = timed(lambda: store.list_action_items(owner="dana", limit=200))
    counts = timed(lambda: store.action_counts("dana"))
    plan = " / ".join(r["detail"] for r in store.db.query("EXPLAIN QUERY PLAN " + sql, (*params, "", 1, 0)))
    print(
        f"\n{N:,} items; first page (200) of mine, overdue first: store {api:.2f} ms, raw SQL {raw:.2f} ms, "
        f"ratio {api / raw:.2f}x; header counts {counts:.2f} ms\nplan: {plan}"
    )
    assert api < 100, "the first page must come back well within a keypress"
    assert api / raw < 5


def test_first_page_of_everyone(store: Store) -> None:
    fill(store)
    raw = timed(lambda: raw_page(store, None))
    api = timed(lambda: store.list_action_items(owner=None, limit=200))
    counts = timed(lambda: store.action_counts(None))
    print(
        f"\n{N:,} items; first page (200) of everyone's: store {api:.2f} ms, raw SQL {raw:.2f} ms, "
        f"ratio {api / raw:.2f}x; header counts {counts:.2f} ms"
    )
    assert api < 100
