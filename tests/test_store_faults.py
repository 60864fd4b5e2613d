"""The store's one write path under real SQLite failures (tests/faults.py):
every refusal is one sentence, nothing half-written stays, the connection
leaves the transaction, and the next write after the fault clears lands on
disk (read back through a second connection)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store import DatabaseError, Store, StoreError
from store.errors import RefusedError
from tests.faults import FAULT_NAMES, Fault, second_connection

ACTIVE = 14


def on_disk(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = second_connection(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def events_on_disk(path: Path) -> list[str]:
    return [r[0] for r in on_disk(path, "SELECT text FROM timeline_event WHERE incident_id = ? ORDER BY id", (ACTIVE,))]


@pytest.mark.parametrize("name", FAULT_NAMES)
def test_a_refused_write_says_why_leaves_nothing_and_the_next_write_lands(demo_store: Store, name: str) -> None:
    fault, conn = Fault(name), demo_store.db.conn
    before = events_on_disk(demo_store.path)
    fault.start(conn)
    try:
        with pytest.raises(RefusedError) as refused:
            demo_store.log_event(ACTIVE, "rolled back the deploy", "action")
        assert not conn.in_transaction
        with pytest.raises(RefusedError):  # and again: the store is not stuck half-way
            demo_store.log_event(ACTIVE, "second try", "action")
    finally:
        fault.stop(conn)
    message = str(refused.value)
    assert fault.says in message and message.endswith(".") and message.count(". ") == 0
    assert events_on_disk(demo_store.path) == before
    demo_store.log_event(ACTIVE, "after the fault", "action")
    assert events_on_disk(demo_store.path) == before + ["after the fault"]
    assert on_disk(demo_store.path, "PRAGMA integrity_check") == [("ok",)]


def test_a_failed_commit_is_rolled_back_so_later_writes_are_not_swallowed(demo_store: Store) -> None:
    """The old write path left the connection inside the failed transaction: every later write
    "succeeded" into it and never reached the disk."""
    fault, conn = Fault("failed_commit"), demo_store.db.conn
    fault.start(conn)
    with pytest.raises(RefusedError, match="FOREIGN KEY"):
        demo_store.set_status(ACTIVE, "monitoring")
    fault.stop(conn)
    demo_store.set_setting("me", "robin")
    demo_store.set_status(ACTIVE, "monitoring")
    assert on_disk(demo_store.path, "SELECT value FROM setting WHERE key = 'me'") == [("robin",)]
    assert on_disk(demo_store.path, "SELECT status FROM incident WHERE id = ?", (ACTIVE,)) == [("monitoring",)]


def test_a_nested_write_joins_and_an_inner_failure_undoes_the_whole(store: Store) -> None:
    with pytest.raises(ValueError), store.db.write() as conn:
        conn.execute("INSERT INTO setting(key, value) VALUES ('a', '1')")
        with store.db.write() as inner:
            inner.execute("INSERT INTO setting(key, value) VALUES ('b', '2')")
            raise ValueError("inner")
    assert on_disk(store.path, "SELECT key FROM setting WHERE key IN ('a', 'b')") == []
    with store.db.write() as conn:
        with store.db.write() as inner:
            inner.execute("INSERT INTO setting(key, value) VALUES ('b', '2')")
        assert conn.in_transaction  # the inner block did not commit the outer transaction
    assert on_disk(store.path, "SELECT value FROM setting WHERE key = 'b'") == [("2",)]


def test_a_leftover_transaction_is_never_joined(store: Store) -> None:
    """Nesting is counted, not guessed from ``in_transaction``: a transaction nobody owns is
    rolled back, and the write commits on its own."""
    conn = store.db.conn
    conn.execute("BEGIN")
    conn.execute("INSERT INTO setting(key, value) VALUES ('stray', 'x')")
    store.set_setting("me", "kim")
    assert not conn.in_transaction
    assert on_disk(store.path, "SELECT key, value FROM setting WHERE key IN ('me', 'stray')") == [("me", "kim")]


def test_the_busy_timeout_is_configurable(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Store(db_path, busy_timeout=123).db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 123
    monkeypatch.setenv("DEBRIEF_BUSY_TIMEOUT_MS", "456")
    assert Store(db_path).db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 456


def test_a_lock_past_the_busy_timeout_is_one_sentence_and_reads_still_work(demo_store: Store) -> None:
    fault, conn = Fault("locked"), demo_store.db.conn
    fault.start(conn)
    try:
        with pytest.raises(StoreError, match="^The database is locked by another program"):
            demo_store.set_setting("me", "ash")
        assert demo_store.get_incident(ACTIVE).id == ACTIVE  # WAL: reading is not blocked
    finally:
        fault.stop(conn)


def test_a_database_without_write_ahead_logging_is_refused_in_one_sentence() -> None:
    from store.db import Database

    with pytest.raises(DatabaseError, match="write-ahead logging"):
        Database(Path(":memory:")).conn  # noqa: B018 - opening the connection is what raises


def test_a_damaged_file_is_one_sentence_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(StoreError) as refused:
        Store(path)
    assert "not a SQLite database" in str(refused.value)
    assert str(refused.value).count("\n") == 0


def test_no_sqlite_error_leaves_the_store(demo_store: Store) -> None:
    """Every public method is at the edge: SQLite's own errors come out as StoreError."""
    conn = demo_store.db.conn
    conn.execute("PRAGMA query_only=ON")
    try:
        for call in (
            lambda: demo_store.set_setting("x", "y"),
            lambda: demo_store.create_incident("t"),
            lambda: demo_store.set_status(ACTIVE, "resolved"),
        ):
            with pytest.raises(StoreError) as refused:
                call()
            assert not isinstance(refused.value, sqlite3.Error)
    finally:
        conn.execute("PRAGMA query_only=OFF")
