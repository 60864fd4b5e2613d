"""The long durability run: 200 rounds of SIGKILL on the app after Enter on the capture line
(`make test` runs a shorter loop; see tests/test_sigkill.py). Prints the rounds, how many were
acknowledged before the kill, and the time per round."""

from __future__ import annotations

import time
from pathlib import Path

from tests.test_sigkill import ACTIVE, check, demo_db, kill_loop


def test_sigkill_200_rounds_of_the_capture_line(tmp_path: Path) -> None:
    path = demo_db(tmp_path)
    started = time.monotonic()
    result = kill_loop("capture", path, str(ACTIVE), 200)
    check(path, result, 200)
    took = time.monotonic() - started
    print(
        f"\ncapture SIGKILL loop: 200 rounds, {len(result['acked'])} events acknowledged, "
        f"{result['killed_before_ack']} rounds killed before any acknowledgement, {took / 200:.2f} s a round"
    )
