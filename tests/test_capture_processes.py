"""Never lose an acknowledged event: SIGKILL a writer, and three writers at once
while the app is open on the same database."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from store import Store
from tests.conftest import SIZE, make_app
from tui.screens.incident import IncidentScreen

DEBRIEF = str(Path(sys.executable).with_name("debrief"))


def writer(db: Path, key: str) -> subprocess.Popen:
    """``debrief log --incident KEY -``: one event per stdin line, one ``logged`` line per commit."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [DEBRIEF, "--db", str(db), "log", "--incident", key, "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def kill_after_acks(db: Path, key: str, run: int, acks: int) -> list[str]:
    """Feed many lines, SIGKILL the writer right after its ``acks``-th acknowledgement."""
    proc = writer(db, key)
    proc.stdin.write("".join(f"run{run} event {n}\n" for n in range(acks + 40)))
    proc.stdin.flush()
    acked = []
    while len(acked) < acks:
        line = proc.stdout.readline()
        assert line.startswith("logged "), line + proc.stderr.read()
        acked.append(line)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return acked


def test_sigkill_loses_nothing_acknowledged(store: Store, db_path: Path) -> None:
    key = store.create_incident("Writer under fire").key
    rng = random.Random(7)
    for run in range(5):
        acks = rng.randint(3, 25)
        kill_after_acks(db_path, key, run, acks)
        texts = {e.text for e in Store(db_path).list_events(key, limit=10_000)}
        assert {f"run{run} event {n}" for n in range(acks)} <= texts
    assert Store(db_path).db.one("PRAGMA integrity_check")[0] == "ok"


async def test_three_writers_while_the_app_is_open(store: Store, db_path: Path) -> None:
    incident = store.create_incident("Everyone logging at once")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_incident(incident.id)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IncidentScreen)
        before = screen.timeline.total
        procs = [writer(db_path, incident.key) for _ in range(3)]
        lines = ["".join(f"w{w} line {n}\n" for n in range(300)) for w in range(3)]
        results = await asyncio.gather(
            *(asyncio.to_thread(p.communicate, text) for p, text in zip(procs, lines, strict=False))
        )
        for proc, (out, err) in zip(procs, results, strict=False):
            assert proc.returncode == 0, err
            assert "locked" not in err
            assert out.count("logged ") == 300
        await pilot.pause(1.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.timeline.total == before + 900
        assert not [n for n in app._notifications if n.severity == "error"]
    texts = {e.text for e in store.list_events(incident.id, limit=2000)}
    assert {f"w{w} line {n}" for w in range(3) for n in range(300)} <= texts
