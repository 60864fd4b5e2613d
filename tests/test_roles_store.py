"""Roles and hand-offs in the store; every change records its author."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from store import InvalidInputError, Store, StoreError
from tests.conftest import NOW


@pytest.fixture
def team(store: Store) -> Store:
    return store.as_user("dana")


def test_declaration_makes_the_commander_a_role(team: Store) -> None:
    incident = team.create_incident("Checkout down", "SEV1")
    assert team.role_holders(incident.id) == {"commander": "dana"}
    first = team.current_assignment(incident.id, "commander")
    assert first.assumed_at == incident.declared_at and first.assigned_by == "dana"


def test_hand_off_is_one_event_with_old_and_new_holder(team: Store) -> None:
    incident = team.create_incident("Checkout down", "SEV1")
    team.assign_role(incident.id, "comms", "priya")
    team.as_user("priya").assign_role(incident.key, "Comms", "marcus")
    events = [(e.text, e.author) for e in team.list_events(incident.id) if e.kind == "status"]
    assert events[1:] == [("comms: — → priya", "dana"), ("comms: priya → marcus", "priya")]
    history = [(a.holder, a.handed_off_at is not None) for a in team.role_history(incident.id) if a.role == "comms"]
    assert history == [("priya", True), ("marcus", False)]
    assert team.role_holders(incident.id) == {"commander": "dana", "comms": "marcus"}


def test_same_holder_is_no_change(team: Store) -> None:
    incident = team.create_incident("Checkout down", "SEV1")
    before = team.count_events(incident.id)
    team.assign_role(incident.id, "commander", "dana")
    assert team.count_events(incident.id) == before


def test_commander_role_and_column_move_together(team: Store) -> None:
    incident = team.create_incident("Checkout down", "SEV1")
    team.assign_role(incident.id, "commander", "priya")
    assert team.get_incident(incident.id).commander == "priya"
    team.update_incident(incident.id, commander="marcus")  # the older path is a hand-off too
    assert team.role_holders(incident.id)["commander"] == "marcus"
    assert [e.text for e in team.list_events(incident.id)][-1] == "commander: priya → marcus"
    team.assign_role(incident.id, "commander", None)
    assert team.get_incident(incident.id).commander == "" and "commander" not in team.role_holders(incident.id)


def test_unknown_role_names_the_team_roles(team: Store) -> None:
    incident = team.create_incident("Checkout down", "SEV1")
    with pytest.raises(InvalidInputError, match="use commander, deputy, comms, ops lead, scribe"):
        team.assign_role(incident.id, "bard", "dana")
    team.set_team_setting("roles", "Scribe, commander, Bard")
    assert team.roles() == ("commander", "scribe", "bard")
    assert team.assign_role(incident.id, "Bard", "lee").holder == "lee"


def test_a_failed_hand_off_leaves_no_event_and_no_assignment(team: Store, db_path) -> None:
    incident = team.create_incident("Checkout down", "SEV1")
    before = team.count_events(incident.id)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    team.db.connect = _short_timeout(team.db.connect)
    team.db.close()
    try:
        with pytest.raises(StoreError, match="locked"):
            team.assign_role(incident.id, "comms", "priya")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert team.count_events(incident.id) == before and "comms" not in team.role_holders(incident.id)
    assert team.assign_role(incident.id, "comms", "priya").holder == "priya"  # the next write lands


def _short_timeout(connect):
    def quick():
        conn = connect()
        conn.execute("PRAGMA busy_timeout=100")
        return conn

    return quick


def test_commander_workload_counts_every_commander(team: Store) -> None:
    first = team.create_incident("A", "SEV1")
    team.create_incident("B", "SEV2", commander="priya")
    team.assign_role(first.id, "commander", "priya")
    day = timedelta(days=1)
    assert team.commander_workload(NOW - day, NOW + day) == [("priya", 2), ("dana", 1)]


def test_authors_of_edits_deletes_sign_offs_and_action_items(team: Store) -> None:
    incident = team.create_incident("Checkout down", "SEV2")
    event = team.log_event(incident.id, "rolled back")
    priya = team.as_user("priya")
    edited = priya.edit_event(event.id, text="rolled back to v2")
    assert (edited.author, edited.edited_by) == ("dana", "priya")
    assert team.event_versions(event.id)[0].edited_by == "dana"
    assert team.as_user("marcus").delete_event(event.id).deleted_by == "marcus"
    item = team.create_action_item("Add a canary", owner="dana")
    priya.update_action_item(item.id, owner="priya", priority="P1")
    changed = team.get_action_item(item.id)
    assert (changed.created_by, changed.updated_by) == ("dana", "priya")
    assert [(c["field"], c["old_value"], c["new_value"], c["author"]) for c in team.action_item_changes(item.id)] == [
        ("owner", "dana", "priya", "priya"),
        ("priority", "P2", "P1", "priya"),
    ]
    pm = team.create_postmortem(incident.id)
    team.request_review(pm.id, ["marcus"])
    assert team.as_user("lee").sign_off(pm.id, "marcus").signed_off_by == "lee"


def test_postmortem_summary_lists_roles_and_hand_offs(team: Store) -> None:
    from store.export_postmortem import postmortem_json, postmortem_markdown

    incident = team.create_incident("Checkout down", "SEV1")
    team.assign_role(incident.id, "comms", "priya")
    later = team.as_user("dana")
    later.clock = lambda: NOW + timedelta(minutes=30)
    later.assign_role(incident.id, "commander", "marcus")
    pm = team.create_postmortem(incident.id)
    text = postmortem_markdown(team, pm.key)
    assert "- **Roles:** commander dana, marcus from 09:30 UTC; comms priya\n" in text
    assert [r["holder"] for r in postmortem_json(team, pm.key)["roles"]] == ["dana", "priya", "marcus"]
