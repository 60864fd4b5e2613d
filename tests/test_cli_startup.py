"""Fast start: sub-commands load when invoked, and the commands a script or a
chat bot runs never import Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store

PROBE = """
import json, sys
from tui.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "textual": sorted(m for m in sys.modules if m.split(".")[0] == "textual"),
                  "cli": sorted(m for m in sys.modules if m.startswith("tui.cli."))}), file=sys.stderr)
"""


def probe(tmp_path: Path, *args: str, stdin: str = "") -> dict:
    """Run the command line in a fresh interpreter; report which modules it imported."""
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg"), "DEBRIEF_USER": "dana", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        cwd=Path(__file__).parent.parent,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.fixture
def incident_db(tmp_path: Path) -> Path:
    path = tmp_path / "x.db"
    Store(path).create_incident("Checkout down", commander="dana")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("log", "--incident", "INC-0001", "rolled back"),
        ("metrics", "--json"),
        ("config", "get", "me"),
        ("config", "get", "theme"),
        ("doctor",),
        ("--version",),
    ],
)
def test_script_commands_never_import_textual(tmp_path: Path, incident_db: Path, args: tuple[str, ...]) -> None:
    found = probe(tmp_path, "--db", str(incident_db), *args)
    assert found["code"] in (0, None)
    assert found["textual"] == []


def test_lint_never_imports_textual(tmp_path: Path) -> None:
    found = probe(tmp_path, "lint", "-", stdin="The deploy failed because Bob forgot the flag.\n")
    assert found["code"] in (0, 1) and found["textual"] == []


def test_only_the_invoked_command_is_imported(tmp_path: Path, incident_db: Path) -> None:
    found = probe(tmp_path, "--db", str(incident_db), "log", "--incident", "INC-0001", "hello")
    assert found["cli"] == ["tui.cli.common", "tui.cli.log"]
    assert Store(incident_db).count_events(1) == 2


def test_help_lists_every_command(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tui.cli import COMMANDS, load_command, main

    listed = CliRunner().invoke(main, ["--help"]).output
    shown = [name for name in COMMANDS if not load_command(name).hidden]  # `seat` is what `serve` runs per tab
    assert "seat" not in shown and all(f"  {name}" in listed for name in shown)


def test_theme_names_match_the_themes() -> None:
    from themes import THEME_NAMES, THEMES

    assert tuple(theme.name for theme in THEMES) == THEME_NAMES
