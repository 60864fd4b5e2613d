"""Milestones keep their FIRST time: a later /ack or /detect is logged as an event and
leaves the milestone where it is; /ack! (move_milestone) moves it deliberately. The rule
is the store's, so `debrief log` follows it too."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner

from store import Store
from tests.conftest import NOW


@pytest.fixture
def incident(store: Store):
    return store.create_incident("Checkout down", "SEV2", "dana")


@pytest.mark.parametrize(
    "kind,field",
    [
        ("acknowledgement", "acknowledged_at"),
        ("detection", "detected_at"),
        ("impact", "impact_started_at"),
        ("mitigation", "mitigated_at"),
    ],
)
def test_a_second_milestone_event_keeps_the_first_time(store: Store, incident, kind: str, field: str) -> None:
    first = NOW - timedelta(minutes=30)
    store.log_event(incident.id, "first", kind=kind, occurred_at=first)
    logged = store.capture_event(incident.id, "again", kind=kind, occurred_at=NOW - timedelta(minutes=5))
    assert getattr(store.get_incident(incident.id), field) == first
    assert logged.kept_at == first and logged.milestone == field
    assert [e.text for e in store.list_events(incident.id) if e.kind == kind] == ["first", "again"]


def test_an_earlier_event_is_the_real_first_and_moves_it_back(store: Store, incident) -> None:
    store.log_event(incident.id, "acked", kind="acknowledgement", occurred_at=NOW - timedelta(minutes=5))
    logged = store.capture_event(
        incident.id, "actually earlier", kind="acknowledgement", occurred_at=NOW - timedelta(minutes=20)
    )
    assert logged.kept_at is None
    assert store.get_incident(incident.id).acknowledged_at == NOW - timedelta(minutes=20)


def test_move_milestone_moves_it_and_records_the_change(store: Store, incident) -> None:
    store.log_event(incident.id, "acked by bot", kind="acknowledgement", occurred_at=NOW - timedelta(minutes=30))
    logged = store.capture_event(incident.id, "a human has it", kind="acknowledgement", move_milestone=True)
    assert logged.kept_at is None
    assert store.get_incident(incident.id).acknowledged_at == NOW
    texts = [e.text for e in store.list_events(incident.id) if e.kind == "status"]
    assert any(t.startswith("Acknowledged at: 2025-11-28 08:30:00 UTC → 2025-11-28 09:00:00 UTC") for t in texts)


def test_metrics_see_the_first_acknowledgement(store: Store, incident) -> None:
    store.log_event(incident.id, "detected", kind="detection", occurred_at=NOW - timedelta(minutes=40))
    store.log_event(incident.id, "acked", kind="acknowledgement", occurred_at=NOW - timedelta(minutes=35))
    store.log_event(incident.id, "acked again", kind="acknowledgement", occurred_at=NOW - timedelta(minutes=1))
    durations = dict(store.get_incident(incident.id).milestone_durations())
    assert durations["ack"] == 5 * 60


def test_the_command_line_keeps_the_first_and_says_so(db_path, store: Store, incident) -> None:
    from tui.cli import main

    runner = CliRunner()
    env = {"DEBRIEF_DB": str(db_path)}
    assert runner.invoke(main, ["log", "-20m /ack on it"], env=env).exit_code == 0
    result = runner.invoke(main, ["log", "/ack still on it"], env=env)
    assert result.exit_code == 0, result.output
    assert "stays" in result.output and "/ack!" in result.output
    first = store.get_incident(incident.id).acknowledged_at
    moved = runner.invoke(main, ["log", "/ack! really on it"], env=env)
    assert moved.exit_code == 0, moved.output
    assert store.get_incident(incident.id).acknowledged_at > first


def test_log_kind_accepts_the_names_the_timeline_shows(db_path, store: Store, incident) -> None:
    from tui.cli import main

    env = {"DEBRIEF_DB": str(db_path)}
    for name, kind in [("escalation", "escalation"), ("escalate", "escalation"), ("Detection", "detection")]:
        result = CliRunner().invoke(main, ["log", "--kind", name, "paged"], env=env)
        assert result.exit_code == 0, result.output
        assert store.list_events(incident.id)[-1].kind == kind
    bad = CliRunner().invoke(main, ["log", "--kind", "decisoin", "x"], env=env)
    assert bad.exit_code == 2 and "did you mean decision?" in bad.output


def test_log_zone_reads_typed_times_in_that_zone(db_path, store: Store, incident) -> None:
    from tui.cli import main

    env = {"DEBRIEF_DB": str(db_path), "DEBRIEF_TZ": "America/New_York"}
    result = CliRunner().invoke(main, ["log", "--at", "2025-11-27 09:00", "paged"], env=env)
    assert result.exit_code == 0, result.output
    assert "2025-11-27 14:00:00Z" in result.output
    est = CliRunner().invoke(main, ["log", "--at", "2025-11-27 09:00 CET", "paged"], env=env)
    assert "2025-11-27 08:00:00Z" in est.output
    bad = CliRunner().invoke(main, ["--zone", "Mars/Base", "log", "x"], env={"DEBRIEF_DB": str(db_path)})
    assert bad.exit_code == 2 and "--zone" in bad.output and "Traceback" not in bad.output
