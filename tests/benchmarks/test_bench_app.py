"""Benchmarks of the app as a person feels it, each against a baseline measured
in the same run (``make bench``; printed with ``-s``):

- the first frame with the incident list, against a minimal Textual app that
  draws the same rows in a DataTable (both whole processes; goal <= 1.5x);
- opening an incident of 10,000 events against one of 10 (goal <= 1.2x, and
  under 100 ms on an idle machine);
- a keystroke in the postmortem editor against one in the capture line (goal:
  no slower).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from store import Store, fixed_clock
from store.demo import load_demo
from tests.benchmarks.test_bench_capture import NOW, big_incident, open_time
from tests.conftest import SIZE, make_app

RUNS = 5
PROBE = """
import sys, time
from textual.widgets import DataTable

def first_rows(app):
    def check():
        tables = app.screen.query(DataTable)
        if tables and tables.first().row_count:
            app.call_after_refresh(app.exit)
    app.set_interval(0.005, check)
"""
DEBRIEF = (
    PROBE
    + """
from store import Store
from tui.app import DebriefApp
app = DebriefApp(Store(sys.argv[1]))
app.call_later(first_rows, app)
app.run(headless=True, size=(120, 40))
"""
)
MINIMAL = (
    PROBE
    + """
import sqlite3
from textual.app import App

class Minimal(App):
    def compose(self):
        yield DataTable()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Key", "Sev", "Status", "Started", "Commander", "Title")
        conn = sqlite3.connect(sys.argv[1])
        for row in conn.execute("SELECT id, severity, status, coalesce(impact_started_at, declared_at), commander, "
                                "title FROM incident ORDER BY coalesce(impact_started_at, declared_at) DESC LIMIT 100"):
            table.add_row(f"INC-{row[0]:04d}", *row[1:])
        first_rows(self)

app = Minimal()
app.run(headless=True, size=(120, 40))
"""
)


def process_seconds(script: str, db: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", script, str(db)], check=True, timeout=60, capture_output=True)
    return time.perf_counter() - start


def test_first_frame_against_a_minimal_textual_app(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    load_demo(Store(db, clock=fixed_clock(NOW)))
    ours, minimal = [], []
    for _ in range(RUNS):
        ours.append(process_seconds(DEBRIEF, db))
        minimal.append(process_seconds(MINIMAL, db))
    a, b = statistics.median(ours), statistics.median(minimal)
    print(
        f"\nfirst frame with the incident list: debrief {a * 1000:.0f} ms vs a minimal Textual app with the "
        f"same rows {b * 1000:.0f} ms: ratio {a / b:.2f} (goal <= 1.5); medians of {RUNS} processes"
    )


def small_incident(path: Path) -> Store:
    store = Store(path, clock=fixed_clock(NOW))
    incident = store.create_incident("Short incident")
    for n in range(9):
        store.add_event(incident.id, f"event {n}", occurred_at=NOW - timedelta(minutes=30 - n))
    return store


async def test_open_10000_events_against_10(tmp_path: Path) -> None:
    big, small = big_incident(tmp_path / "big.db"), small_incident(tmp_path / "small.db")
    assert small.count_events(1) == 10 and big.count_events(1) == 10_001
    large, little = [], []
    for _ in range(RUNS):
        large.append((await open_time(big))[0])
        little.append((await open_time(small))[0])
    a, b = statistics.median(large), statistics.median(little)
    print(
        f"\nopen an incident: 10,000 events {a * 1000:.1f} ms vs 10 events {b * 1000:.1f} ms: ratio {a / b:.2f} "
        f"(goal <= 1.2; and under 100 ms idle); medians of {RUNS}"
    )


async def keys_per_second(app, pilot, count: int) -> float:
    """Seconds per key for ``count`` letters typed into the focused widget."""
    await pilot.pause()
    start = time.perf_counter()
    for n in range(count):
        await pilot.press("abcdefghij"[n % 10])
    await app.workers.wait_for_complete()
    await pilot.pause()
    return (time.perf_counter() - start) / count


async def test_editor_keystroke_against_capture_line(tmp_path: Path) -> None:
    from textual.widgets import TextArea

    from tui.screens.incident import IncidentScreen
    from tui.screens.postmortem import PostmortemScreen

    store = Store(tmp_path / "demo.db", clock=fixed_clock(NOW))
    load_demo(store)
    pm = store.postmortem_for_incident(13)
    editor, capture = [], []
    for _ in range(RUNS):
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(PostmortemScreen(pm.id))
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.screen.query_one(TextArea).focus()
            editor.append(await keys_per_second(app, pilot, 40))
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(IncidentScreen(13))
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.screen.capture_line.focus()
            capture.append(await keys_per_second(app, pilot, 40))
    a, b = statistics.median(editor), statistics.median(capture)
    print(
        f"\na keystroke: postmortem editor {a * 1000:.1f} ms vs capture line {b * 1000:.1f} ms: ratio {a / b:.2f} "
        f"(goal <= 1.0); medians of {RUNS} runs of 40 keys"
    )
