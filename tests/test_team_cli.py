"""Roles, stakeholder updates and team settings from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from store import Store
from tui.cli import main


def run(db: Path, *args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["--db", str(db), *args], env=env)


def test_role_hand_off_from_the_command_line(db_path: Path) -> None:
    assert run(db_path, "--as", "dana", "incident", "new", "Checkout down", "--severity", "SEV1").exit_code == 0
    first = run(db_path, "--as", "dana", "incident", "role", "INC-0001", "comms", "priya")
    assert first.exit_code == 0 and first.stdout.strip() == "comms: — → priya"
    second = run(db_path, "incident", "role", "INC-0001", "ops-lead", "lee", "--as", "priya")
    assert second.stdout.strip() == "ops lead: — → lee"
    holders = json.loads(run(db_path, "incident", "role", "INC-0001", "--json").stdout)
    assert holders == {"commander": "dana", "comms": "priya", "ops lead": "lee"}
    events = [(e.text, e.author, e.source) for e in Store(db_path).list_events(1)][1:]
    assert events == [("comms: — → priya", "dana", "system"), ("ops lead: — → lee", "priya", "system")]
    cleared = run(db_path, "incident", "role", "INC-0001", "comms", "--clear")
    assert cleared.stdout.strip() == "comms: priya → —"
    listed = run(db_path, "incident", "role", "INC-0001").stdout
    assert "comms      —" in listed and "commander  dana" in listed


def test_role_bad_input_is_one_sentence(db_path: Path) -> None:
    run(db_path, "incident", "new", "Checkout down")
    bad = run(db_path, "incident", "role", "INC-0001", "bard", "lee")
    assert bad.exit_code == 2 and "role 'bard' is not one of the team's roles" in bad.stderr
    missing = run(db_path, "incident", "role", "INC-0001", "comms")
    assert missing.exit_code == 2 and "holder is missing" in missing.stderr
    assert Store(db_path).count_events(1) == 1


def test_update_prints_logs_and_counts_down(db_path: Path) -> None:
    run(db_path, "--as", "dana", "incident", "new", "Checkout down", "--severity", "SEV1")
    draft = run(db_path, "update", "INC-0001", "--print")
    assert draft.exit_code == 0 and "Status: investigating · Severity: SEV1 · Commander: dana" in draft.stdout
    assert Store(db_path).count_events(1) == 1  # --print logs nothing
    sent = run(db_path, "--as", "priya", "update", "INC-0001", "--text", "We rolled back; next update 10:00")
    assert sent.exit_code == 0 and "next update is due at" in sent.stderr
    event = Store(db_path).list_events(1)[-1]
    assert (event.kind, event.author, event.source, event.text) == (
        "communication",
        "priya",
        "cli",
        "We rolled back; next update 10:00",
    )
    empty = run(db_path, "update", "INC-0001", "--text", "  ")
    assert empty.exit_code == 2 and "text is empty" in empty.stderr


def test_team_settings(db_path: Path) -> None:
    run(db_path, "incident", "new", "Down")
    assert run(db_path, "config", "get", "--team", "update_cadence").stdout.strip() == "SEV1=30, SEV2=60"
    assert run(db_path, "config", "set", "--team", "update_cadence", "SEV1=15 SEV2=45 sev3=120").exit_code == 0
    assert Store(db_path).update_cadence() == {"SEV1": 15, "SEV2": 45, "SEV3": 120}
    bad = run(db_path, "config", "set", "--team", "roles", "deputy, scribe")
    assert bad.exit_code == 2 and "roles must include commander" in bad.stderr
    assert run(db_path, "config", "set", "--team", "update_template", "{key}: {status}").exit_code == 0
    assert run(db_path, "update", "INC-0001", "--print").stdout.strip() == "INC-0001: investigating"


def test_bot_logs_with_as_in_a_real_process(db_path: Path) -> None:
    run(db_path, "incident", "new", "Down")
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(db_path), "--as", "alertbot", "log", "disk 95%"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert Store(db_path).list_events(1)[-1].author == "alertbot"


def test_metrics_json_counts_incidents_per_commander(db_path: Path) -> None:
    run(db_path, "--as", "dana", "incident", "new", "A")
    run(db_path, "--as", "dana", "incident", "new", "B")
    run(db_path, "incident", "role", "INC-0002", "commander", "priya")
    data = json.loads(run(db_path, "metrics", "--json").stdout)
    assert data["commander_workload"] == [{"commander": "dana", "incidents": 2}, {"commander": "priya", "incidents": 1}]
    assert "Incidents per commander (hand-offs count for each): dana 2, priya 1" in run(db_path, "metrics").stdout


def test_a_bare_declaration_has_no_assessed_severity(db_path: Path) -> None:
    run(db_path, "--as", "alertbot", "incident", "new", "Disk full")
    run(db_path, "incident", "new", "Checkout down", "--severity", "sev2")
    first, second = Store(db_path).get_incident(1), Store(db_path).get_incident(2)
    assert (first.severity, first.severity_assessed, second.severity_assessed) == ("SEV3", False, True)


def test_update_edit_opens_the_editor_on_the_draft(db_path: Path, tmp_path: Path) -> None:
    run(db_path, "--as", "dana", "incident", "new", "Checkout down", "--severity", "SEV2")
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nsed -i "s/What we are doing: investigating/What we are doing: rolling back/" "$1"\n')
    editor.chmod(0o755)
    sent = run(db_path, "update", "INC-0001", "--edit", env={"EDITOR": str(editor), "VISUAL": str(editor)})
    assert sent.exit_code == 0, sent.output
    assert "What we are doing: rolling back" in Store(db_path).list_events(1)[-1].text
