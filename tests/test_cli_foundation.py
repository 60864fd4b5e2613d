"""The command line: version, incidents, config, demo, and clean failures."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import Store
from store.migrations import LATEST
from tui.cli import main


def run(db: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input)


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "debrief, version" in result.output


def test_incident_new_prints_key_and_list_shows_it(db_path: Path) -> None:
    created = run(db_path, "incident", "new", "Checkout down", "--severity", "SEV2", "--commander", "dana")
    assert created.exit_code == 0, created.output
    assert created.output.strip() == "INC-0001"
    listed = run(db_path, "incident", "list")
    assert "INC-0001  SEV2  investigating" in listed.output and "Checkout down" in listed.output
    data = json.loads(run(db_path, "incident", "list", "--json").output)
    assert data[0]["key"] == "INC-0001" and data[0]["commander"] == "dana"


def test_db_from_environment(tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    result = CliRunner().invoke(main, ["incident", "new", "From env"], env={"DEBRIEF_DB": str(path)})
    assert result.exit_code == 0
    assert Store(path).count_incidents() == 1


def test_default_path_follows_xdg(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["incident", "new", "Where"], env={"XDG_DATA_HOME": str(tmp_path), "DEBRIEF_DB": None}
    )
    assert result.exit_code == 0, result.output
    assert Store(tmp_path / "debrief" / "debrief.db").count_incidents() == 1


def test_config_set_and_get(db_path: Path) -> None:
    assert run(db_path, "config", "set", "me", "dana").exit_code == 0
    assert run(db_path, "config", "get", "me").output.strip() == "dana"
    assert run(db_path, "config", "get", "theme").output.strip() == "debrief-dark"
    assert run(db_path, "config", "set", "theme", "debrief-contrast").exit_code == 0
    assert run(db_path, "config", "get", "theme").output.strip() == "debrief-contrast"


@pytest.mark.parametrize(
    "args, message",
    [
        (("config", "set", "theme", "pink"), "theme 'pink' is not known"),
        (("config", "get", "colour"), "'colour' is not a personal setting"),
        (("incident", "new", "   "), "title is empty"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(db_path: Path, args, message) -> None:
    result = run(db_path, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_demo_fills_once(db_path: Path) -> None:
    assert run(db_path, "demo").exit_code == 0
    count = Store(db_path).count_incidents()
    assert count >= 13
    again = run(db_path, "demo")
    assert again.exit_code == 2 and "already holds data" in again.output
    assert Store(db_path).count_incidents() == count


def debrief(*args: str) -> subprocess.CompletedProcess:
    """Run the real command in a subprocess (to see stderr and tracebacks)."""
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, text=True, timeout=60)


def newer_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda p: p.write_text("not a database"), "is not a SQLite database"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100), "is corrupt or not a SQLite database"),
        (newer_db, "written by a newer debrief"),
    ],
)
def test_unusable_databases_exit_2_without_traceback(tmp_path: Path, make, expected) -> None:
    path = tmp_path / "bad.db"
    make(path)
    before = path.read_bytes()
    result = debrief("--db", str(path), "incident", "list")
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_unwritable_path_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = debrief("--db", str(blocker / "x.db"), "incident", "new", "API down")
    assert result.returncode == 2 and "Cannot create the database" in result.stderr
    assert "Traceback" not in result.stderr
