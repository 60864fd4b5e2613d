"""Benchmark: 10,000 timeline events, one transaction each, through the store
against raw sqlite3 with the same pragmas, in the same run. Goal: ratio < 1.5.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_store.py -s``
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from store import Store
from store.clock import to_iso
from store.db import PRAGMAS

EVENTS = 10_000


def store_inserts(path: Path) -> float:
    store = Store(path)
    incident = store.create_incident("bench")
    start = time.perf_counter()
    for n in range(EVENTS):
        store.add_event(incident.id, f"event {n}", author="bench")
    return time.perf_counter() - start


def raw_inserts(path: Path) -> float:
    Store(path).create_incident("bench")
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    start = time.perf_counter()
    for n in range(EVENTS):
        now = to_iso(datetime.now(UTC))
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO timeline_event (incident_id, occurred_at, entered_at, author, kind, text, pinned, source) "
            "VALUES (1, ?, ?, 'bench', 'note', ?, 0, 'tui')",
            (now, now, f"event {n}"),
        )
        conn.execute("COMMIT")
    return time.perf_counter() - start


def test_event_inserts_against_raw_sqlite(tmp_path: Path) -> None:
    raw = raw_inserts(tmp_path / "raw.db")
    ours = store_inserts(tmp_path / "store.db")
    ratio = ours / raw
    print(
        f"\n{EVENTS} events, one transaction each: raw sqlite3 {raw:.2f}s, store {ours:.2f}s, ratio {ratio:.2f} (goal < 1.5)"
    )
    assert Store(tmp_path / "store.db").count_events(1) == EVENTS + 1
