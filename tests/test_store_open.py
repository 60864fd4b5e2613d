"""Opening a database: creation, pragmas, migrations, backups and refusals."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
import stat
from pathlib import Path

import pytest

from store import DatabaseError, NewerDatabaseError, Store
from store.migrations import LATEST, all_migrations, apply


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_with_parents_and_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "debrief.db"
    store = Store(path)
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.schema_version == LATEST
    assert store.backup_path is None


def test_empty_file_is_migrated_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    store = Store(path)
    tables = {r[0] for r in store.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"incident", "timeline_event", "timeline_event_version", "setting"} <= tables
    assert store.backup_path is None


def test_pragmas_in_force(store: Store) -> None:
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_each_thread_gets_its_own_connection(store: Store) -> None:
    import threading

    seen = []
    thread = threading.Thread(target=lambda: seen.append(store.db.conn))
    thread.start()
    thread.join()
    assert seen[0] is not store.db.conn


def test_older_database_is_backed_up_before_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    apply(conn, all_migrations()[0])
    conn.execute("INSERT INTO setting VALUES ('me', 'dana')")
    conn.close()
    store = Store(path)
    assert store.schema_version == LATEST
    assert store.backup_path is not None and store.backup_path.parent == path.parent
    backup = sqlite3.connect(store.backup_path)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT value FROM setting").fetchone()[0] == "dana"
    assert store.get_setting("me") == "dana"


def test_current_database_is_not_backed_up_again(db_path: Path) -> None:
    Store(db_path).set_setting("me", "dana")
    again = Store(db_path)
    assert again.backup_path is None
    assert list(db_path.parent.glob("*.bak")) == []


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerDatabaseError, match="newer debrief"):
        Store(path)
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello, this is not a database\n")
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        Store(path)
    assert path.read_text() == "hello, this is not a database\n"


def test_corrupt_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = digest(path)
    with pytest.raises(DatabaseError):
        Store(path)
    assert digest(path) == before


def test_unwritable_path_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="Cannot create the database"):
        Store(blocker / "debrief.db")


def create_many(path: str, who: str, count: int) -> None:
    store = Store(path)
    for n in range(count):
        store.create_incident(f"{who} incident {n}", "SEV4", who)


def test_three_processes_create_incidents_at_once(db_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=create_many, args=(str(db_path), f"p{i}", 40)) for i in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    store = Store(db_path)
    assert store.count_incidents() == 120
    for i in range(3):
        count = store.db.one("SELECT count(*) FROM incident WHERE commander = ?", (f"p{i}",))[0]
        assert count == 40
