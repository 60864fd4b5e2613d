"""Benchmark: open an incident with 10,000 events in the app, against reading the
same rows with raw sqlite3. Run: pytest tests/benchmarks/test_bench_capture.py -s"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store import Store, fixed_clock, to_iso
from tests.conftest import SIZE, make_app
from tui.screens.incident import IncidentScreen
from tui.widgets.timeline_view import TimelineView

EVENTS = 10_000
NOW = datetime(2025, 11, 28, 9, 0, tzinfo=UTC)


def big_incident(path: Path) -> Store:
    """A store with one incident of EVENTS events (inserted in one transaction)."""
    store = Store(path, clock=fixed_clock(NOW))
    incident = store.create_incident("Very long incident")
    start = NOW - timedelta(days=2)
    rows = [
        (incident.id, to_iso(start + timedelta(seconds=15 * n)), to_iso(NOW), "bench", "note", f"event {n}")
        for n in range(EVENTS)
    ]
    with store.db.write() as conn:
        conn.executemany(
            "INSERT INTO timeline_event (incident_id, occurred_at, entered_at, author, kind, text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    return store


def raw_read(path: Path) -> float:
    """Seconds to read every event row of incident 1 with plain sqlite3."""
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT * FROM timeline_event WHERE incident_id = 1 AND deleted_at IS NULL ORDER BY occurred_at, id"
    ).fetchall()
    conn.close()
    assert len(rows) > EVENTS
    return time.perf_counter() - start


def newest_shown(app) -> bool:
    """True once the incident screen holds its newest row."""
    views = app.screen.query(TimelineView) if isinstance(app.screen, IncidentScreen) else []
    return bool(views) and views[0].total > 0 and views[0].rows.get(views[0].total - 1) is not None


async def open_time(store: Store) -> tuple[float, float]:
    """Seconds until the newest rows are on screen, and until a jump to the top is drawn."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        start = time.perf_counter()
        app.open_incident(1)
        while not newest_shown(app):
            await pilot.pause(0.001)
        opened = time.perf_counter() - start
        view = app.screen.timeline
        view.focus()
        start = time.perf_counter()
        await pilot.press("home")
        while view.rows.get(0) is None:
            await pilot.pause(0.001)
        scrolled = time.perf_counter() - start
        assert len(view.rows) < 1000  # never the whole timeline in memory
    return opened, scrolled


async def test_bench_open_10000_events(tmp_path: Path) -> None:
    store = big_incident(tmp_path / "bench.db")
    raw = min(raw_read(store.path) for _ in range(3))
    opened, scrolled = await open_time(store)
    print(
        f"\nopen incident with {EVENTS} events: {opened * 1000:.1f} ms; raw sqlite3 read of all rows: "
        f"{raw * 1000:.1f} ms; ratio {opened / raw:.2f}x; jump to the first event: {scrolled * 1000:.1f} ms"
    )
    assert opened < 1.0
