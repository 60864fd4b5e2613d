"""Store side of live capture: milestone kinds, status moves, durations, flags, export."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from store import InvalidInputError, Store
from store.export_incident import incident_json, incident_markdown
from store.export_timeline import timeline_markdown, timeline_rows
from tests.conftest import NOW


@pytest.fixture
def incident(store: Store):
    return store.create_incident("Checkout down", "SEV2", "dana")


def test_milestone_kinds_set_milestones_and_status(store: Store, incident) -> None:
    store.log_event(incident.id, "users hit", kind="impact", occurred_at=NOW - timedelta(minutes=30))
    store.log_event(incident.id, "alert", kind="detection", occurred_at=NOW - timedelta(minutes=25))
    store.log_event(incident.id, "on it", kind="acknowledgement", occurred_at=NOW - timedelta(minutes=20))
    store.log_event(incident.id, "rolled back", kind="mitigation", occurred_at=NOW - timedelta(minutes=10))
    assert store.get_incident(incident.id).status == "monitoring"
    store.log_event(incident.id, "all good", kind="resolution")
    got = store.get_incident(incident.id)
    assert got.impact_started_at == NOW - timedelta(minutes=30)
    assert got.detected_at == NOW - timedelta(minutes=25)
    assert got.acknowledged_at == NOW - timedelta(minutes=20)
    assert got.mitigated_at == NOW - timedelta(minutes=10)
    assert (got.resolved_at, got.status) == (NOW, "resolved")
    assert dict(got.milestone_durations()) == {"detect": 300, "ack": 300, "mitigate": 1200, "resolve": 1800}
    assert got.out_of_order() == []


def test_status_changes_are_recorded_but_milestones_are_not_duplicated(store: Store, incident) -> None:
    store.log_event(incident.id, "rolled back", kind="mitigation")
    texts = [e.text for e in store.list_events(incident.id) if e.kind == "status"]
    assert "Status: investigating → monitoring" in texts
    assert not any(t.startswith("Mitigated at") for t in texts)


def test_status_never_moves_back(store: Store, incident) -> None:
    store.log_event(incident.id, "done", kind="resolution")
    store.log_event(
        incident.id, "late note of the mitigation", kind="mitigation", occurred_at=NOW - timedelta(minutes=5)
    )
    assert store.get_incident(incident.id).status == "resolved"


def test_milestone_and_event_share_one_transaction(store: Store, incident, monkeypatch) -> None:
    """If the milestone update fails, the event is not left behind either."""

    def broken(*args, **kwargs):
        raise InvalidInputError("boom.")

    monkeypatch.setattr(store, "update_incident", broken)
    before = store.count_events(incident.id)
    with pytest.raises(InvalidInputError):
        store.log_event(incident.id, "fixed", kind="resolution")
    assert store.count_events(incident.id) == before


def test_out_of_order_milestones_are_flagged(store: Store, incident) -> None:
    store.log_event(incident.id, "alert", kind="detection", occurred_at=NOW - timedelta(minutes=40))
    store.log_event(incident.id, "impact", kind="impact", occurred_at=NOW - timedelta(minutes=30))
    store.log_event(incident.id, "fixed", kind="resolution", occurred_at=NOW - timedelta(minutes=20))
    store.log_event(incident.id, "mitigated", kind="mitigation", occurred_at=NOW - timedelta(minutes=10))
    problems = store.get_incident(incident.id).out_of_order()
    assert "detected before impact started" in problems
    assert "resolved before mitigated" in problems


def test_editing_a_milestone_event_moves_the_milestone(store: Store, incident) -> None:
    event = store.log_event(incident.id, "alert", kind="detection", occurred_at=NOW - timedelta(minutes=5))
    store.edit_event(event.id, occurred_at=NOW - timedelta(minutes=15), text="first alert")
    assert store.get_incident(incident.id).detected_at == NOW - timedelta(minutes=15)
    assert [v.text for v in store.event_versions(event.id)] == ["alert"]


def test_event_position_follows_time_order(store: Store, incident) -> None:
    late = store.log_event(incident.id, "late")
    early = store.log_event(incident.id, "early", occurred_at=NOW - timedelta(hours=1))
    rows = store.list_events(incident.id)
    assert store.event_position(early.id) == [e.id for e in rows].index(early.id) == 0
    assert store.event_position(late.id) == [e.id for e in rows].index(late.id)
    store.delete_event(late.id)
    assert store.event_position(late.id) is None


def test_markdown_export_has_header_and_utc_table(demo_store: Store) -> None:
    text = incident_markdown(demo_store, "INC-0013")
    assert text.startswith("# INC-0013: Checkout failures")
    assert "- **Severity:** SEV2" in text
    assert "- **Time to resolve:** 2h 15m" in text
    assert "| Time | Kind | Event |" in text
    assert "| 2025-11-27 14:05 | alert | ★ First error alerts: checkout API 5xx rate above 5% |" in text
    assert "| 2025-11-27 14:00 | deploy | Deployment of v2.3.1 started |" in text


def test_markdown_table_escapes_pipes_and_keeps_markup(store: Store, incident) -> None:
    store.log_event(incident.id, "a | b [/] [@click=app.quit]x")
    table = timeline_markdown(timeline_rows(store.get_incident(incident.id), store.list_events(incident.id)))
    assert "a \\| b [/] [@click=app.quit]x" in table


def test_json_export_has_every_field_and_event(demo_store: Store) -> None:
    data = json.loads(json.dumps(incident_json(demo_store, "INC-0013")))
    assert data["key"] == "INC-0013" and data["users_affected"] == 500
    assert data["resolved_at"] == "2025-11-27T16:15:00Z"
    assert len(data["events"]) == demo_store.count_events("INC-0013")
    assert {"occurred_at", "entered_at", "author", "kind", "text", "pinned", "source"} <= set(data["events"][0])
