"""Milestones follow their events: deleting, undoing and re-kinding a milestone
event, and reopening a resolved incident."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import Store
from tests.conftest import NOW


@pytest.fixture
def incident(store: Store):
    return store.create_incident("Checkout down", "SEV2", "dana")


def statuses(store: Store, incident_id: int) -> list[str]:
    return [e.text for e in store.list_events(incident_id) if e.kind == "status"]


def test_deleting_the_resolve_event_clears_resolved_and_steps_status_back(store: Store, incident) -> None:
    store.log_event(incident.id, "errors dropping", kind="mitigation", occurred_at=NOW - timedelta(minutes=5))
    resolve = store.log_event(incident.id, "all clear", kind="resolution")
    store.delete_event(resolve.id)
    got = store.get_incident(incident.id)
    assert (got.resolved_at, got.status) == (None, "monitoring")
    assert got.active
    assert "Status: resolved → monitoring" in statuses(store, incident.id)
    assert any(t.startswith("Resolved at: 2025-11-28 09:00:00 UTC → —") for t in statuses(store, incident.id))


def test_undo_of_the_delete_brings_the_milestone_and_status_back(store: Store, incident) -> None:
    resolve = store.log_event(incident.id, "all clear", kind="resolution", occurred_at=NOW - timedelta(minutes=1))
    store.delete_event(resolve.id)
    assert store.get_incident(incident.id).status == "investigating"
    store.restore_event(resolve.id)
    got = store.get_incident(incident.id)
    assert (got.resolved_at, got.status) == (NOW - timedelta(minutes=1), "resolved")


def test_status_steps_back_to_the_one_before_not_a_guess(store: Store, incident) -> None:
    store.set_status(incident.id, "identified")
    resolve = store.log_event(incident.id, "fixed", kind="resolution")
    store.delete_event(resolve.id)
    assert store.get_incident(incident.id).status == "identified"


def test_milestone_falls_back_to_the_remaining_event_of_its_kind(store: Store, incident) -> None:
    first = store.log_event(incident.id, "alert", kind="detection", occurred_at=NOW - timedelta(minutes=20))
    second = store.log_event(
        incident.id, "really: the pager", kind="detection", occurred_at=NOW - timedelta(minutes=25)
    )
    assert store.get_incident(incident.id).detected_at == NOW - timedelta(minutes=25)
    store.delete_event(second.id)
    assert store.get_incident(incident.id).detected_at == NOW - timedelta(minutes=20)
    store.restore_event(second.id)
    assert store.get_incident(incident.id).detected_at == NOW - timedelta(minutes=25)
    store.delete_event(first.id)  # not the one in force: nothing moves
    assert store.get_incident(incident.id).detected_at == NOW - timedelta(minutes=25)


def test_restoring_the_first_event_brings_its_time_back(store: Store, incident) -> None:
    old = store.log_event(incident.id, "alert", kind="detection", occurred_at=NOW - timedelta(minutes=20))
    store.log_event(incident.id, "pager", kind="detection", occurred_at=NOW - timedelta(minutes=10))
    assert store.get_incident(incident.id).detected_at == NOW - timedelta(minutes=20)
    store.delete_event(old.id)
    assert store.get_incident(incident.id).detected_at == NOW - timedelta(minutes=10)
    store.restore_event(old.id)
    assert store.get_incident(incident.id).detected_at == NOW - timedelta(minutes=20)


def test_deleting_impact_falls_back_to_the_declaration(store: Store, incident) -> None:
    impact = store.log_event(incident.id, "users hit", kind="impact", occurred_at=NOW - timedelta(hours=1))
    store.delete_event(impact.id)
    got = store.get_incident(incident.id)
    assert got.impact_started_at is None
    assert got.started_at == got.declared_at


def test_editing_the_kind_away_withdraws_the_milestone(store: Store, incident) -> None:
    event = store.log_event(incident.id, "rolled back", kind="mitigation")
    assert store.get_incident(incident.id).status == "monitoring"
    store.edit_event(event.id, kind="note")
    got = store.get_incident(incident.id)
    assert (got.mitigated_at, got.status) == (None, "investigating")


def test_deleting_twice_changes_nothing_more(store: Store, incident) -> None:
    resolve = store.log_event(incident.id, "done", kind="resolution")
    store.delete_event(resolve.id)
    before = statuses(store, incident.id)
    store.delete_event(resolve.id)
    assert statuses(store, incident.id) == before


def test_reopening_clears_resolved_so_the_clock_runs(store: Store, incident) -> None:
    store.log_event(incident.id, "done", kind="resolution", occurred_at=NOW - timedelta(minutes=1))
    reopened = store.set_status(incident.id, "investigating")
    assert (reopened.resolved_at, reopened.active) == (None, True)
    assert reopened.duration_seconds(NOW + timedelta(hours=1)) > reopened.duration_seconds(NOW)


def test_commander_cannot_be_handed_to_nobody(store: Store, incident) -> None:
    from store import InvalidInputError

    with pytest.raises(InvalidInputError, match="commander is empty"):
        store.update_incident(incident.id, commander="  ")
    assert store.get_incident(incident.id).commander == "dana"
    assert store.update_incident(incident.id, commander=" sam ").commander == "sam"
