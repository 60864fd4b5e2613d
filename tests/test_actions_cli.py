"""``debrief actions list/done`` and ``debrief export actions``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from store import Store
from store.demo import load_demo
from tui.cli import main


@pytest.fixture
def db(store: Store) -> str:
    """A demo database (me = dana); the CLI opens it with the system clock."""
    load_demo(store)
    store.set_setting("me", "dana")
    store.create_action_item("[b]bold [/] owner test", owner="[@click=app.quit]x", due_date="2025-11-01")
    return str(store.path)


def run(db: str, *args: str):
    return CliRunner().invoke(main, ["--db", db, *args])


def test_list_mine_json_is_in_triage_order(db: str) -> None:
    result = run(db, "actions", "list", "--mine", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and {r["owner"] for r in rows} == {"dana"}
    keys = [(not r["overdue"], r["priority"]) for r in rows]
    overdue = [r for r in rows if r["overdue"]]
    assert [(o["priority"], o["due_date"]) for o in overdue] == sorted((o["priority"], o["due_date"]) for o in overdue)
    assert keys == sorted(keys, key=lambda k: k[0])


def test_list_owner_overdue_and_status(db: str) -> None:
    rows = json.loads(run(db, "actions", "list", "--owner", "sam", "--status", "all", "--json").stdout)
    assert {r["owner"] for r in rows} == {"sam"} and {"done", "wont_do"} & {r["status"] for r in rows}
    overdue = json.loads(run(db, "actions", "list", "--overdue", "--json").stdout)
    assert overdue and all(r["overdue"] for r in overdue)
    text = run(db, "actions", "list", "--owner", "[@click=app.quit]x")
    assert "[b]bold [/] owner test" in text.stdout


def test_owner_in_another_case_is_the_same_person(db: str) -> None:
    lower = json.loads(run(db, "actions", "list", "--owner", "sam", "--status", "all", "--json").stdout)
    upper = json.loads(run(db, "actions", "list", "--owner", "Sam", "--status", "all", "--json").stdout)
    assert lower and upper == lower


def test_mine_and_owner_together_are_refused(db: str) -> None:
    result = run(db, "actions", "list", "--mine", "--owner", "sam")
    assert result.exit_code == 2 and "either --mine or --owner" in result.stderr


def test_done_marks_the_item_and_unknown_keys_fail_cleanly(db: str) -> None:
    first = json.loads(run(db, "actions", "list", "--mine", "--json").stdout)[0]
    result = run(db, "actions", "done", first["key"])
    assert result.exit_code == 0 and f"{first['key']} done" in result.stdout
    assert first["key"] not in run(db, "actions", "list", "--mine").stdout
    missing = run(db, "actions", "done", "AI-9999")
    assert missing.exit_code == 2 and missing.stderr.strip() == "debrief: There is no action item AI-9999."
    again = run(db, "actions", "done", first["key"])
    assert again.exit_code == 0 and again.stdout.startswith(f"{first['key']} was already done on ")
    wrong = run(db, "actions", "done", "foo")
    assert wrong.exit_code == 2 and "'foo' is not an AI key; expected something like AI-0042." in wrong.stderr


def test_export_csv_has_the_tracker_headers_and_every_item(db: str, store: Store) -> None:
    result = run(db, "export", "actions", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["Key", "Summary", "Assignee", "Due date", "Priority", "Status", "Type", "Source"]
    total = store.db.one("SELECT count(*) FROM action_item")[0]
    assert len(rows) - 1 == total
    assert any(
        r[1:] == ["[b]bold [/] owner test", "[@click=app.quit]x", "2025-11-01", "P2", "open", "prevent", ""]
        and r[0].startswith("AI-")
        for r in rows
    )
    assert any(r[7].startswith("PM-") for r in rows[1:])
    assert len({r[0] for r in rows[1:]}) == total


def test_export_json_lists_every_item(db: str, store: Store) -> None:
    data = json.loads(run(db, "export", "actions", "--format", "json").stdout)
    assert len(data) == store.db.one("SELECT count(*) FROM action_item")[0]
    assert {"key", "title", "owner", "due_date", "priority", "status", "source"} <= set(data[0])
