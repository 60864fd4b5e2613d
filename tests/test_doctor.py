"""``debrief doctor``: each check finds a real problem in a real file, says what
to do, and never changes the file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from store import Store
from store.doctor import examine
from store.migrations import LATEST
from tui.cli import main


def run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), "doctor", *args])


def by_check(path: Path) -> dict:
    return {f.check: f for f in examine(path)}


def test_a_healthy_database_passes_every_check(store: Store) -> None:
    store.create_incident("Checkout down")
    result = run(store.path)
    assert result.exit_code == 0, result.output
    assert "PROBLEM" not in result.output and f"schema version: {LATEST} (the latest)" in result.output


def test_orphan_rows_are_counted_and_named(store: Store) -> None:
    incident = store.create_incident("Checkout down")
    store.add_event(incident.id, "rolled back")
    conn = sqlite3.connect(store.path)  # foreign keys are off by default in a plain connection
    conn.execute("DELETE FROM incident WHERE id = ?", (incident.id,))
    conn.commit()
    conn.close()
    found = by_check(store.path)["foreign keys"]
    assert not found.ok and "2 timeline_event row(s) point at a missing incident" in found.found
    result = run(store.path)
    assert result.exit_code == 1 and "foreign_key_check" in result.output


def test_an_older_schema_says_how_to_migrate(store: Store) -> None:
    store.db.conn.execute(f"PRAGMA user_version={LATEST - 1}")
    found = by_check(store.path)["schema version"]
    assert not found.ok and "migrates" in found.advice
    assert sqlite3.connect(store.path).execute("PRAGMA user_version").fetchone()[0] == LATEST - 1


def test_a_rollback_journal_and_a_missing_table_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("DROP TABLE toil_entry")
    conn.close()
    found = by_check(path)
    assert not found["journal mode"].ok and "switches the file to WAL" in found["journal mode"].advice
    assert not found["tables"].ok and "table toil_entry is missing" in found["tables"].found


def test_a_broken_index_page_fails_the_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    store = Store(path)
    for n in range(20):
        store.create_incident(f"incident {n}")
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")  # everything in the main file
    root, size = conn.execute(
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master "
        "WHERE type = 'index' AND tbl_name = 'timeline_event' LIMIT 1"
    ).fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    page = bytearray(size)
    page[0] = 0x0A  # a valid, empty leaf index page: every row is now missing from the index
    data[(root - 1) * size : root * size] = page
    path.write_bytes(bytes(data))
    result = run(path, "--json")
    assert result.exit_code == 1, result.output
    integrity = next(c for c in json.loads(result.output)["checks"] if c["check"] == "integrity")
    assert not integrity["ok"] and "first: Page" in integrity["found"] and ".recover" in integrity["advice"]


def test_the_file_is_not_changed(store: Store) -> None:
    store.create_incident("Checkout down")
    store.close()
    before = store.path.read_bytes()
    assert run(store.path).exit_code == 0
    assert store.path.read_bytes() == before


def test_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    result = run(tmp_path / "none.db")
    assert result.exit_code == 2 and "nothing to check" in result.output
    assert not (tmp_path / "none.db").exists()
