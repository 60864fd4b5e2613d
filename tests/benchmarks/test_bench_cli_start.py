"""Benchmark: ``debrief log`` (a whole process: start, open, insert, commit)
against a Python process that does the same insert with ``sqlite3`` and the
same pragmas, alternated in the same run. Goal: ratio <= 3. Also prints
``debrief --version`` against ``python -c pass``.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_cli_start.py -s``
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from store import Store

RUNS = 15
RAW_INSERT = """
import sqlite3, sys
from datetime import UTC, datetime
conn = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"):
    conn.execute("PRAGMA " + pragma)
now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO timeline_event (incident_id, occurred_at, entered_at, author, kind, text, pinned, source) "
             "VALUES (1, ?, ?, 'bench', 'note', 'rolled back', 0, 'cli')", (now, now))
conn.execute("COMMIT")
print("logged")
"""


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Seconds for one process to run to completion (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def medians(pairs: dict[str, list[str]], env: dict[str, str]) -> dict[str, float]:
    """Median seconds of each command, the commands alternated run by run."""
    found: dict[str, list[float]] = {name: [] for name in pairs}
    for _ in range(RUNS):
        for name, argv in pairs.items():
            found[name].append(timed(argv, env))
    return {name: statistics.median(times) for name, times in found.items()}


def test_debrief_log_against_a_raw_insert_process(tmp_path: Path) -> None:
    db = tmp_path / "bench.db"
    Store(db).create_incident("bench")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "DEBRIEF_USER": "bench"}
    debrief = str(Path(sys.executable).with_name("debrief"))
    got = medians(
        {
            "raw": [sys.executable, "-c", RAW_INSERT, str(db)],
            "log": [debrief, "--db", str(db), "log", "--incident", "INC-0001", "rolled back"],
            "pass": [sys.executable, "-c", "pass"],
            "version": [debrief, "--version"],
        },
        env,
    )
    ratio = got["log"] / got["raw"]
    print(
        f"\ndebrief log {got['log'] * 1000:.0f} ms vs a python+sqlite3 insert {got['raw'] * 1000:.0f} ms: "
        f"ratio {ratio:.2f} (goal <= 3); debrief --version {got['version'] * 1000:.0f} ms vs python -c pass "
        f"{got['pass'] * 1000:.0f} ms ({got['version'] / got['pass']:.1f}x); medians of {RUNS}"
    )
    assert Store(db).count_events(1) == 1 + 2 * RUNS
