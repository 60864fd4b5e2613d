"""``debrief export incident -o FILE`` and the one-line errors around it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tui.cli import main


def run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args])


def test_export_incident_writes_a_file(db_path: Path, tmp_path: Path) -> None:
    key = run(db_path, "incident", "new", "API down [b]x").output.strip()
    out = tmp_path / "inc.json"
    result = run(db_path, "export", "incident", key, "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert (data["key"], data["title"]) == (key, "API down [b]x")
    md = tmp_path / "inc.md"
    assert run(db_path, "export", "incident", key, "-o", str(md)).exit_code == 0
    assert "| Time | Kind | Event |" in md.read_text()


def test_export_into_a_missing_folder_is_one_line_and_exit_2(db_path: Path, tmp_path: Path) -> None:
    key = run(db_path, "incident", "new", "API down").output.strip()
    target = tmp_path / "no" / "such" / "inc.md"
    result = run(db_path, "export", "incident", key, "-o", str(target))
    assert result.exit_code == 2
    assert result.output.strip() == f"debrief: Cannot write {target}: No such file or directory."
    assert "Traceback" not in result.output


def test_a_bad_key_says_what_a_key_looks_like(db_path: Path) -> None:
    result = run(db_path, "log", "--incident", "BAD", "text")
    assert result.exit_code == 2
    assert result.output.strip() == "debrief: 'BAD' is not an INC key; expected something like INC-0042."
