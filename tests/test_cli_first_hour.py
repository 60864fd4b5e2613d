"""A newcomer's first commands: reads never create a database, text after
``--`` is logged, and a closed pipe ends the command quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import Store
from tui.cli import main


def run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args])


@pytest.mark.parametrize(
    "args",
    [
        ("metrics", "--json"),
        ("actions", "list"),
        ("incident", "list"),
        ("export", "actions", "--format", "csv"),
        ("report", "--month", "2025-11"),
        ("improvements", "list"),
    ],
)
def test_reads_never_create_a_database(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = tmp_path / "nothing-here.db"
    result = run(db, *args)
    assert result.exit_code == 2
    assert "There is no database at" in result.output and "debrief demo" in result.output
    assert not db.exists()
    assert "Traceback" not in result.output


def test_writes_still_create_it(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    assert run(db, "incident", "new", "API down").exit_code == 0
    assert db.exists()


def test_text_after_double_dash_in_one_argument_is_logged(db_path: Path) -> None:
    key = run(db_path, "incident", "new", "API down").output.strip()
    result = run(db_path, "log", "-- /deploy is a word here")
    assert result.exit_code == 0, result.output
    texts = [e.text for e in Store(db_path).list_events(key)]
    assert "/deploy is a word here" in texts


def test_closed_pipe_exits_quietly(db_path: Path) -> None:
    Store(db_path).close()
    assert run(db_path, "demo").exit_code == 0
    env = dict(os.environ, DEBRIEF_DB=str(db_path))
    command = f"{sys.executable} -m tui.cli export actions --format csv | head -1"
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=Path(__file__).parents[1],
    )
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""


@pytest.mark.parametrize(
    "args, words",
    [
        (("metrics", "--from"), "--from"),
        (("nosuch",), "nosuch"),
        (("export", "actions", "--format", "pdf"), "pdf"),
    ],
)
def test_usage_errors_are_one_sentence(tmp_path: Path, args: tuple[str, ...], words: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(tmp_path / "x.db"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parents[1],
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "--help" in lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""
