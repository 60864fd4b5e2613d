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
from .refusals import refusal

SQLITE_HEADER = b"SQLite format 3\x00"
#: How long a write waits for another program's lock before it is refused (``DEBRIEF_BUSY_TIMEOUT_MS``).
BUSY_TIMEOUT_MS = 10_000
PRAGMAS = (
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
)


def busy_timeout_ms() -> int:
    """The busy timeout: ``DEBRIEF_BUSY_TIMEOUT_MS`` when set to a number, else 10 s."""
    value = os.environ.get("DEBRIEF_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


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
    """Per-thread connections to one SQLite file, with serialised writes.

    :meth:`write` is the one write path: ``BEGIN IMMEDIATE`` … ``COMMIT``, and
    on any failure (the ``COMMIT`` included) a rollback that leaves the
    connection outside a transaction, so the next write really lands. Nesting
    is counted per thread; a write inside a write joins the outer one.
    """

    def __init__(self, path: Path, busy_timeout: int | None = None) -> None:
        self.path = path
        #: Milliseconds a write waits for another program's lock (read when a connection opens).
        self.busy_timeout = busy_timeout_ms() if busy_timeout is None else busy_timeout
        self._local = threading.local()
        self._write_lock = threading.RLock()

    def connect(self) -> sqlite3.Connection:
        """A new connection with the pragmas in force (autocommit mode) and WAL granted."""
        try:
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout / 1000, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout={int(self.busy_timeout)}")
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            for pragma in PRAGMAS:
                conn.execute(pragma)
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"{self.path} cannot be opened as a database: {refusal(exc)}") from None
        if str(mode).lower() != "wal":
            conn.close()
            raise DatabaseError(
                f"SQLite would not use write-ahead logging for {self.path} (journal mode "
                f"{mode!r}; a read-only folder or a network file system?), so debrief cannot "
                "share it safely."
            )
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self.connect()
            self._local.depth = 0
        return conn

    def close(self) -> None:
        """Close this thread's connection (others close when their thread ends)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
            self._local.depth = 0

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any failure.

        Re-entrant: a write inside a write joins the outer transaction (the
        outermost one commits or rolls back). ``sqlite3`` errors leave as
        :class:`~store.errors.RefusedError` sentences.
        """
        with self._write_lock:
            conn = self.conn
            if self._local.depth:
                self._local.depth += 1
                try:
                    yield conn
                finally:
                    self._local.depth -= 1
                return
            try:
                self._begin(conn)
                self._local.depth = 1
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                self._rollback(conn)
                if isinstance(exc, sqlite3.Error):
                    raise refusal(exc) from exc
                raise
            finally:
                self._local.depth = 0

    def _begin(self, conn: sqlite3.Connection) -> None:
        """Start the write, first ending any transaction nobody owns (a leftover is never joined)."""
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("BEGIN IMMEDIATE")

    def _rollback(self, conn: sqlite3.Connection) -> None:
        """Undo the failed write; if even that fails, drop the connection (closing rolls back)."""
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        if conn.in_transaction:
            self.close()

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        """Rows of a read query (``sqlite3`` errors become sentences at the Store's edge, so a
        method can still catch one it expects, such as a search syntax error)."""
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        """The first row of a read query, or None."""
        return self.conn.execute(sql, params).fetchone()

    def data_version(self) -> int:
        """Changes when another connection commits (poll it to see others' writes)."""
        try:
            return self.one("PRAGMA data_version")[0]
        except sqlite3.Error as exc:
            raise refusal(exc) from exc
