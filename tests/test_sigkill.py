"""Durability under SIGKILL: every event the user was told is saved is on disk, and the file
passes ``PRAGMA integrity_check``, however the writer dies (tests/kill_loop.py).

``debrief log`` runs 200 rounds here. The capture line needs an app start per round, so
`make test` runs ``DEBRIEF_KILL_ROUNDS_CAPTURE`` rounds (10 by default: each round starts the app) and the 200-round
run is in tests/benchmarks/test_bench_sigkill.py (`make bench`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from store import Store
from store.demo import load_demo

ROOT = Path(__file__).resolve().parent.parent
ACTIVE = 14


def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "kill.db"
    store = Store(path)
    load_demo(store)
    store.close()
    return path


def kill_loop(mode: str, path: Path, target: str, rounds: int, seed: int = 7) -> dict:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "kill_loop.py"), mode, str(path), target, str(rounds), str(seed)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def check(path: Path, result: dict, rounds: int) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        on_disk = {r[0] for r in conn.execute("SELECT text FROM timeline_event WHERE incident_id = ?", (ACTIVE,))}
    finally:
        conn.close()
    assert result["rounds"] == rounds
    missing = [text for text in result["acked"] if text not in on_disk]
    assert not missing, f"acknowledged but not on disk: {missing}"
    assert result["acked"], "no round was acknowledged: the loop proved nothing"
    assert result["killed_before_ack"], "no round was killed before its acknowledgement: the loop proved nothing"


def test_sigkill_200_rounds_of_debrief_log(tmp_path: Path) -> None:
    path = demo_db(tmp_path)
    result = kill_loop("log", path, "INC-0014", 200)
    check(path, result, 200)


def test_sigkill_the_app_after_enter_on_the_capture_line(tmp_path: Path) -> None:
    rounds = int(os.environ.get("DEBRIEF_KILL_ROUNDS_CAPTURE", "10"))
    path = demo_db(tmp_path)
    result = kill_loop("capture", path, str(ACTIVE), rounds)
    check(path, result, rounds)
