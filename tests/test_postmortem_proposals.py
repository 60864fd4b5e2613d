"""From timeline to follow-ups: /action events become proposed action items
that are accepted (one transaction: the item and the decision) or discarded."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from store import Store, StoreError
from store.errors import InvalidInputError, NotFoundError
from tui.cli import main


def setup(store: Store):
    incident = store.create_incident("Pool exhausted")
    follow = store.add_event(incident.id, "Add an alert on pool saturation", kind="action")
    other = store.add_event(incident.id, "Restart the workers", kind="action")
    store.add_event(incident.id, "Just a note", kind="note")
    return store.create_postmortem(incident.id), follow, other


def test_action_events_are_proposed_until_decided(store: Store) -> None:
    pm, follow, other = setup(store)
    assert [e.id for e in store.proposed_actions(pm.id)] == [follow.id, other.id]
    item = store.accept_proposal(
        pm.id, follow.id, owner="alex", due_date=date(2025, 12, 5), priority="P1", type="detect"
    )
    assert (item.title, item.owner, item.priority, item.type, item.postmortem_id) == (
        "Add an alert on pool saturation",
        "alex",
        "P1",
        "detect",
        pm.id,
    )
    store.discard_proposal(pm.id, other.id)
    assert store.proposed_actions(pm.id) == []
    assert [a.key for a in store.action_items_for_postmortem(pm.id)] == [item.key]
    with pytest.raises(InvalidInputError, match=f"already accepted as {item.key}"):
        store.discard_proposal(pm.id, follow.id)
    with pytest.raises(InvalidInputError, match="already discarded"):
        store.accept_proposal(pm.id, other.id)


def test_a_deleted_event_is_no_longer_proposed_and_unknown_ids_say_so(store: Store) -> None:
    pm, follow, other = setup(store)
    store.delete_event(other.id)
    assert [e.id for e in store.proposed_actions(pm.id)] == [follow.id]
    with pytest.raises(NotFoundError, match="not a proposed action item"):
        store.accept_proposal(pm.id, 9999)


def test_accept_is_one_transaction(store: Store) -> None:
    """A title the schema refuses leaves neither an item nor a decision behind."""
    pm, follow, _ = setup(store)
    with pytest.raises(InvalidInputError, match="title is empty"):
        store.accept_proposal(pm.id, follow.id, title="  ")
    assert store.action_items_for_postmortem(pm.id) == []
    assert follow.id in [e.id for e in store.proposed_actions(pm.id)]


def test_accept_on_a_read_only_database_keeps_the_proposal(store: Store) -> None:
    pm, follow, _ = setup(store)
    store.db.conn.execute("PRAGMA query_only = ON")
    with pytest.raises((StoreError, sqlite3.Error)):
        store.accept_proposal(pm.id, follow.id, owner="alex")
    store.db.conn.execute("PRAGMA query_only = OFF")
    assert follow.id in [e.id for e in store.proposed_actions(pm.id)]
    assert store.action_items_for_postmortem(pm.id) == []


def test_cli_lists_accepts_and_discards(store: Store) -> None:
    pm, follow, other = setup(store)
    runner, db = CliRunner(), ["--db", str(store.path)]
    listed = json.loads(runner.invoke(main, [*db, "postmortem", "proposals", pm.key, "--json"]).output)
    assert [p["event"] for p in listed] == [follow.id, other.id]
    result = runner.invoke(
        main,
        [
            *db,
            "postmortem",
            "accept",
            pm.key,
            str(follow.id),
            "--owner",
            "alex",
            "--due",
            "2025-12-05",
            "--priority",
            "p1",
            "--type",
            "detect",
        ],
    )
    assert result.exit_code == 0 and result.output.startswith("AI-")
    bad = runner.invoke(main, [*db, "postmortem", "accept", pm.key, str(other.id), "--due", "someday"])
    assert bad.exit_code == 2 and "--due" in bad.output and "Traceback" not in bad.output
    assert runner.invoke(main, [*db, "postmortem", "discard", pm.key, str(other.id)]).exit_code == 0
    again = runner.invoke(main, [*db, "postmortem", "discard", pm.key, str(other.id)])
    assert again.exit_code == 2 and "already discarded" in again.output
    assert "No proposed action items" in runner.invoke(main, [*db, "postmortem", "proposals", pm.key]).output


def test_a_failed_decision_rolls_back_the_new_item(store: Store) -> None:
    """The decision row is refused by SQLite after the item was inserted: neither stays."""
    pm, follow, _ = setup(store)
    store.db.conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON action_proposal BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    with pytest.raises((StoreError, sqlite3.Error), match="disk says no"):
        store.accept_proposal(pm.id, follow.id, owner="alex")
    store.db.conn.execute("DROP TRIGGER refuse")
    assert store.action_items_for_postmortem(pm.id) == []
    assert store.accept_proposal(pm.id, follow.id).title == "Add an alert on pool saturation"
