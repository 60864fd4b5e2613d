"""The SQLite file: opening it safely, pragmas, per-thread connections, writes.

One connection per thread (a SQLite connection belongs to the thread that
opened it); writes go through :meth:`Database.write`, which serialises them in
this process and waits (``busy_timeout``) for other processes.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def default_path() -> Path:
    """``$XDG_DATA_HOME/debrief/debrief.db`` (``~/.local/share`` when unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "debrief" / "debrief.db"


def check_file(path: Path) -> bool:
    """Check ``path`` can hold a database; return True when it already has data.

    Raises :class:`DatabaseError` with one sentence when the path is a folder,
    is not a SQLite file, or cannot be read.
    """
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    if not path.exists():
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"Cannot read {path}: {exc.strerror}.") from None
    if not header:
        return False
    if header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a SQLite database.")
    return True


def create_file(path: Path) -> None:
    """Create the parent folders and an empty file with mode 0600."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DatabaseError(f"Cannot create the database at {path}: {reason}.") from None
    if not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseError(f"Cannot write to the database at {path}: permission denied.")


class Database:
    """Per-thread connections to one SQLite file, with serialised writes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.RLock()

    def connect(self) -> sqlite3.Connection:
        """A new connection with the pragmas in force (autocommit mode)."""
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.row_factory = sqlite3.Row
            for pragma in PRAGMAS:
                conn.execute(pragma)
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"{self.path} cannot be opened as a database: {exc}.") from None
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self.connect()
        return conn

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on error.

        Re-entrant: a write inside a write joins the outer transaction.
        """
        with self._write_lock:
            conn = self.conn
            if conn.in_transaction:
                yield conn
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Rows of a read query."""
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        """The first row of a read query, or None."""
        return self.conn.execute(sql, params).fetchone()

    def data_version(self) -> int:
        """Changes when another connection commits (poll it to see others' writes)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]
