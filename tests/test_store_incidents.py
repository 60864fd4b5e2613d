"""Incidents and timeline events through the store API."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import InvalidInputError, NotFoundError, Store
from tests.conftest import NOW


def test_create_and_get_by_id_or_key(store: Store) -> None:
    store.set_setting("me", "dana")
    incident = store.create_incident("Checkout down", "sev2")
    assert incident.key == "INC-0001"
    assert incident.severity == "SEV2"
    assert incident.commander == "dana"
    assert incident.declared_at == NOW
    assert store.get_incident("INC-0001") == store.get_incident(1) == store.get_incident("inc-1")
    with pytest.raises(NotFoundError, match="INC-0042"):
        store.get_incident("INC-0042")


def test_declaring_writes_a_status_event(store: Store) -> None:
    incident = store.create_incident("Checkout down", "SEV2", "dana")
    events = store.list_events(incident.id)
    assert [e.kind for e in events] == ["status"]
    assert "Declared SEV2" in events[0].text


def test_invalid_severity_names_the_field_and_choices(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="severity 'SEV9' is not accepted; use one of SEV1"):
        store.create_incident("x", "SEV9")
    assert store.count_incidents() == 0


def test_empty_title_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="title"):
        store.create_incident("   ")


def test_list_puts_active_first_then_newest(store: Store) -> None:
    old = store.create_incident("old", declared_at=NOW - timedelta(days=3))
    new = store.create_incident("new", declared_at=NOW - timedelta(days=1))
    active = store.create_incident("active", declared_at=NOW - timedelta(days=5))
    store.set_status(old.id, "resolved")
    store.set_status(new.id, "closed")
    assert [i.title for i in store.list_incidents()] == ["active", "new", "old"]
    assert [i.id for i in store.list_incidents(status="resolved")] == [old.id]
    assert [i.title for i in store.list_incidents(limit=1, offset=1)] == ["new"]
    assert active.active and store.count_incidents(status=["resolved", "closed"]) == 2


def test_status_and_severity_changes_are_recorded_as_events(store: Store) -> None:
    incident = store.create_incident("API errors", "SEV3", "dana")
    store.set_severity(incident.id, "SEV1", author="sam")
    resolved = store.set_status(incident.key, "resolved", author="sam")
    assert resolved.resolved_at == NOW
    texts = [e.text for e in store.list_events(incident.id) if e.kind == "status"]
    assert "Severity: SEV3 → SEV1" in texts
    assert "Status: investigating → resolved" in texts


def test_unchanged_update_writes_nothing(store: Store) -> None:
    incident = store.create_incident("API errors", "SEV3")
    store.update_incident(incident.id, severity="SEV3", title="API errors")
    assert store.count_events(incident.id) == 1


def test_event_edit_keeps_previous_version(store: Store) -> None:
    incident = store.create_incident("API errors")
    event = store.add_event(incident.id, "rolled back", kind="action")
    edited = store.edit_event(event.id, text="rolled back to v2.3.0", pinned=True)
    assert (edited.text, edited.pinned, edited.version) == ("rolled back to v2.3.0", True, 2)
    versions = store.event_versions(event.id)
    assert [(v.version, v.text, v.pinned) for v in versions] == [(1, "rolled back", False)]


def test_delete_is_soft_and_undoable(store: Store) -> None:
    incident = store.create_incident("API errors")
    event = store.add_event(incident.id, "typo")
    store.delete_event(event.id)
    assert event.id not in [e.id for e in store.list_events(incident.id)]
    store.restore_event(event.id)
    assert event.id in [e.id for e in store.list_events(incident.id)]


def test_future_event_time_is_refused(store: Store) -> None:
    incident = store.create_incident("API errors")
    with pytest.raises(InvalidInputError, match="in the future"):
        store.add_event(incident.id, "later", occurred_at=NOW + timedelta(hours=1))


def test_user_text_is_stored_literally(store: Store) -> None:
    incident = store.create_incident("[@click=app.quit]x")
    store.add_event(incident.id, "[/]")
    assert store.get_incident(incident.id).title == "[@click=app.quit]x"
    assert store.list_events(incident.id)[-1].text == "[/]"


def test_demo_refuses_a_non_empty_database(demo_store: Store) -> None:
    from store.demo import load_demo

    before = demo_store.count_incidents()
    assert before >= 13
    with pytest.raises(InvalidInputError, match="already holds data"):
        load_demo(demo_store)
    assert demo_store.count_incidents() == before


def test_demo_has_the_seed_example(demo_store: Store) -> None:
    seed = next(i for i in demo_store.list_incidents(limit=100) if "v2.3.1" in i.title)
    assert seed.severity == "SEV2" and seed.users_affected == 500
    assert seed.started_at.isoformat().startswith("2025-11-27T14:00")
    times = [e.occurred_at.strftime("%H:%M") for e in demo_store.list_events(seed.id) if e.kind != "status"]
    assert times == ["14:00", "14:05", "14:10", "14:25", "14:30", "14:35", "16:15"]


def test_detection_before_declaration_without_impact_start_is_unknown_and_flagged(store):
    from datetime import UTC, datetime

    declared = datetime(2025, 11, 27, 14, 10, tzinfo=UTC)
    incident = store.create_incident(
        "API down", "SEV2", "dana", declared_at=declared, detected_at=declared.replace(minute=2)
    )
    assert "detect" not in dict(incident.milestone_durations())
    assert incident.out_of_order() == ["detected before declared, impact start unknown"]
