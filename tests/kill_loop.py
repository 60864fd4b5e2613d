"""SIGKILL loops for the durability tests (tests/test_sigkill.py): run as a script.

The script imports debrief once, then forks one child per round, so that each
round costs a ``debrief log`` or an app start, not a Python start. Each child
writes through the real code path; the script kills it with SIGKILL at a random
moment and records what the child had acknowledged before it died:

- ``log``: the child runs ``debrief --db DB log KEY TEXT`` (click, in process);
  acknowledged = it printed its ``logged INC-…`` line.
- ``capture``: the child runs the app headless (``App.run_test``), opens the
  incident, puts text in the capture line and presses Enter, again and again;
  it is killed a random moment after an Enter. Acknowledged = the capture line
  cleared (the app clears it only once the event is committed).

Prints one JSON object: ``{"acked": [texts], "rounds": n, "killed_before_ack": n}``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time


def child_log(db: str, key: str, text: str) -> None:
    from tui.cli import main

    main.main(["--db", db, "log", "--incident", key, text], standalone_mode=False)


def child_capture(db: str, incident_id: int, prefix: str) -> None:
    import asyncio

    from store import Store
    from tui.app import DebriefApp
    from tui.screens.incident import IncidentScreen

    async def drive() -> None:
        app = DebriefApp(Store(db))
        async with app.run_test(size=(120, 40)) as pilot:
            app.open_incident(incident_id)
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, IncidentScreen)
            for k in range(1000):
                text = f"{prefix}-{k}"
                screen.capture_line.value = text
                os.write(1, f"enter {text}\n".encode())
                await pilot.press("enter")
                while screen.capture_line.value:
                    await pilot.pause(0.005)
                os.write(1, f"ack {text}\n".encode())

    asyncio.run(drive())


def fork_child(run) -> tuple[int, int]:
    """Fork; the child runs ``run()`` with stdout on a pipe, then exits. Returns (pid, read end)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        os.dup2(write, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        try:
            run()
        finally:
            os._exit(0)
    os.close(write)
    return pid, read


def read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode(errors="replace")


def wait_line(fd: int, timeout: float) -> bytes:
    """Bytes up to and including the first newline (or what arrived before ``timeout``)."""
    import select

    got = b""
    deadline = time.monotonic() + timeout
    while not got.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        byte = os.read(fd, 1)
        if not byte:
            break
        got += byte
    return got


def kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


def log_rounds(db: str, key: str, rounds: int, rng: random.Random) -> dict:
    for _ in range(2):  # the second run times a warm child: kills land anywhere up to 1.3x that
        started = time.monotonic()
        pid, fd = fork_child(lambda: child_log(db, key, "warm-up"))
        read_all(fd)
        os.waitpid(pid, 0)
        span = max(time.monotonic() - started, 0.005) * 1.3
    acked, early = [], 0
    for n in range(rounds):
        text = f"kill-log-{n}"
        pid, fd = fork_child(lambda: child_log(db, key, text))  # noqa: B023 - the child runs at once, inside this iteration
        time.sleep(rng.uniform(0, span))
        kill(pid)
        if "logged" in read_all(fd):
            acked.append(text)
        else:
            early += 1
    return {"acked": acked, "rounds": rounds, "killed_before_ack": early, "span": span}


def capture_rounds(db: str, incident_id: int, rounds: int, rng: random.Random) -> dict:
    acked, early = [], 0
    for n in range(rounds):
        pid, fd = fork_child(lambda: child_capture(db, incident_id, f"kill-cap-{n}"))  # noqa: B023 - the child runs at once, inside this iteration
        want, lines = rng.randint(1, 3), []  # killed a moment after the 1st, 2nd or 3rd Enter
        while sum(line.startswith("enter ") for line in lines) < want:
            line = wait_line(fd, 120).decode(errors="replace")
            if not line:
                break
            lines.append(line.rstrip("\n"))
        time.sleep(rng.uniform(0, 0.3))
        kill(pid)
        lines += read_all(fd).splitlines()
        acked += [line[4:] for line in lines if line.startswith("ack ")]
        early += bool(lines) and lines[-1].startswith("enter ")  # killed between an Enter and its ack
    return {"acked": acked, "rounds": rounds, "killed_before_ack": early}


def main() -> None:
    mode, db, target, rounds, seed = sys.argv[1:6]
    rng = random.Random(int(seed))
    import tui.cli

    if mode == "capture":
        import tui.app  # noqa: F401
    if mode == "log":
        result = log_rounds(db, target, int(rounds), rng)
    else:
        result = capture_rounds(db, int(target), int(rounds), rng)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
