"""``debrief log``, ``debrief incident new --started`` and ``debrief export incident``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from store import Store, fixed_clock
from store.demo import load_demo
from tests.conftest import NOW
from tui.cli import main


def run(db: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input)


def test_log_goes_to_the_only_active_incident(db_path: Path) -> None:
    key = run(db_path, "incident", "new", "API down").output.strip()
    result = run(db_path, "log", "-5m", "!", "/detect", "alerts", "firing")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"logged {key} #")
    store = Store(db_path)
    events = [e for e in store.list_events(key) if e.kind == "detection"]
    assert [(e.text, e.pinned, e.source) for e in events] == [("alerts firing", True, "cli")]
    assert store.get_incident(key).detected_at == events[0].occurred_at


def test_log_options(db_path: Path) -> None:
    key = run(db_path, "incident", "new", "API down").output.strip()
    result = run(db_path, "log", "--incident", key, "--kind", "mitigate", "--pin", "--at", "-10m", "rolled back")
    assert result.exit_code == 0, result.output
    store = Store(db_path)
    [event] = [e for e in store.list_events(key) if e.kind == "mitigation"]
    assert event.pinned and event.text == "rolled back"
    assert store.get_incident(key).status == "monitoring"


def test_several_active_incidents_name_the_keys(db_path: Path) -> None:
    run(db_path, "incident", "new", "One")
    run(db_path, "incident", "new", "Two")
    result = run(db_path, "log", "hello")
    assert result.exit_code == 2
    assert "INC-0001" in result.output and "INC-0002" in result.output and "--incident" in result.output


def test_no_active_incident_says_so(db_path: Path) -> None:
    result = run(db_path, "log", "hello")
    assert result.exit_code == 2 and "No incident is active" in result.output


def test_bad_time_is_refused_with_exit_2_and_nothing_written(db_path: Path) -> None:
    key = run(db_path, "incident", "new", "API down").output.strip()
    before = Store(db_path).count_events(key)
    result = run(db_path, "log", "25:61", "too late")
    assert result.exit_code == 2 and "not a time of day" in result.output
    assert "Traceback" not in result.output
    assert Store(db_path).count_events(key) == before


def test_stdin_logs_one_event_per_line(db_path: Path) -> None:
    key = run(db_path, "incident", "new", "API down").output.strip()
    result = run(db_path, "log", "--incident", key, "-", input="one\n\n-2m /ack two\n99:99 bad\n/resolve\n")
    assert result.exit_code == 2
    assert sum(line.startswith("logged ") for line in result.output.splitlines()) == 3
    assert "line 4" in result.output
    store = Store(db_path)
    texts = [e.text for e in store.list_events(key) if e.kind != "status"]
    assert sorted(texts) == ["Resolved", "one", "two"]
    assert store.get_incident(key).status == "resolved"


def test_incident_new_started_service_tag(db_path: Path) -> None:
    result = run(
        db_path,
        "incident",
        "new",
        "Backfill",
        "--started",
        "2025-11-20 10:00",
        "--service",
        "api",
        "--service",
        "db",
        "--tag",
        "retro",
    )
    assert result.exit_code == 0, result.output
    incident = Store(db_path).get_incident(result.output.strip())
    assert incident.impact_started_at.isoformat() == "2025-11-20T10:00:00+00:00"
    assert incident.declared_at > incident.impact_started_at  # declared when the command ran; impact began earlier
    assert [(e.kind, e.text) for e in Store(db_path).list_events(incident.id) if e.kind != "status"] == [
        ("impact", "Impact started")
    ]
    assert (incident.services, incident.tags) == (["api", "db"], ["retro"])


def test_incident_new_refuses_unreadable_start(db_path: Path) -> None:
    result = run(db_path, "incident", "new", "Bad", "--started", "someday")
    assert result.exit_code == 2 and "--started" in result.output
    assert Store(db_path).count_incidents() == 0


def test_export_incident_markdown_and_json(db_path: Path) -> None:
    load_demo(Store(db_path, clock=fixed_clock(NOW)))  # the demo as written, on 2025-11-28
    md = run(db_path, "export", "incident", "INC-0013")
    assert md.exit_code == 0 and "| Time | Kind | Event |" in md.output
    assert "| 2025-11-27 14:35 | mitigation | ★ Service restored: error rate back under 0.1% |" in md.output
    js = run(db_path, "export", "incident", "INC-0013", "--format", "json")
    data = json.loads(js.output)
    assert data["key"] == "INC-0013" and len(data["events"]) >= 7


def test_export_unknown_incident_is_one_line(db_path: Path) -> None:
    Store(db_path).close()
    result = run(db_path, "export", "incident", "INC-0099")
    assert result.exit_code == 2 and "There is no incident INC-0099" in result.output


def test_mistyped_option_is_not_logged_as_text(db_path: Path) -> None:
    key = run(db_path, "incident", "new", "API down").output.strip()
    before = Store(db_path).count_events(key)
    result = run(db_path, "log", "--pinn", "oops")
    assert result.exit_code == 2 and "--pinn is not an option" in result.output
    assert Store(db_path).count_events(key) == before
