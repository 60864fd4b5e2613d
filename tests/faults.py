"""Real SQLite failures for tests: no mocks, no stand-in exceptions.

Each :class:`Fault` is switched on and off on the connection that writes (the
store thread's, in app tests). ``read_only``: ``PRAGMA query_only``;
``locked``: another process holds ``BEGIN IMMEDIATE`` past a short busy
timeout; ``disk_full``: ``PRAGMA max_page_count`` at the current size;
``failed_commit``: the ``COMMIT`` itself is refused (a deferred foreign-key
violation that SQLite checks only at commit).

For ``disk_full`` and ``failed_commit``, connection-local TEMP triggers give
every write to a debrief table the extra row that makes SQLite refuse it (a
page to allocate past the size limit, as on a full disk every write needs WAL
space; a dangling deferred reference). The triggers live only in the test's
connection and vanish with :meth:`Fault.stop`.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field

SHORT_BUSY_MS = 250
#: The sentence the store says for each fault (a word that must appear in it).
SAYS = {"read_only": "read-only", "locked": "locked", "disk_full": "full", "failed_commit": "rules"}
HOLD_LOCK = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "c.execute('BEGIN IMMEDIATE')\n"
    "print('locked', flush=True)\n"
    "sys.stdin.read()\n"
)


def debrief_tables(conn: sqlite3.Connection) -> list[str]:
    """The ordinary tables of the main database (not SQLite's, not the search index's shadows)."""
    rows = conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' AND name != 'fault_filler'"
    )
    return [r[0] for r in rows]


def add_triggers(conn: sqlite3.Connection, body: str) -> None:
    """A TEMP trigger running ``body`` after every insert, update and delete on debrief's tables."""
    for table in debrief_tables(conn):
        for op in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS fault_{table}_{op.lower()} AFTER {op} ON main.{table} "
                f"BEGIN {body}; END"
            )


def drop_triggers(conn: sqlite3.Connection) -> None:
    """Remove the triggers :func:`add_triggers` made."""
    names = [
        r[0] for r in conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'fault_%'")
    ]
    for name in names:
        conn.execute(f"DROP TRIGGER temp.{name}")


@dataclass
class Fault:
    """One real failure, switched on and off on a connection."""

    name: str
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def says(self) -> str:
        """A word the one-sentence reason contains."""
        return SAYS[self.name]

    def start(self, conn: sqlite3.Connection) -> None:
        """From now on, writes on ``conn`` fail."""
        getattr(self, f"start_{self.name}")(conn)

    def stop(self, conn: sqlite3.Connection) -> None:
        """The fault clears: the next write on ``conn`` can land."""
        getattr(self, f"stop_{self.name}")(conn)

    def start_read_only(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only=ON")

    def stop_read_only(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only=OFF")

    def start_locked(self, conn: sqlite3.Connection) -> None:
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        conn.execute(f"PRAGMA busy_timeout={SHORT_BUSY_MS}")
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout.readline().strip() == "locked"

    def stop_locked(self, conn: sqlite3.Connection) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)

    def start_disk_full(self, conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE IF NOT EXISTS main.fault_filler (b BLOB)")
        add_triggers(conn, "INSERT INTO fault_filler VALUES (zeroblob(65536))")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages}")

    def stop_disk_full(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA max_page_count=1073741823")
        drop_triggers(conn)

    def start_failed_commit(self, conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS fault_parent (id INTEGER PRIMARY KEY)")
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS fault_child "
            "(parent INTEGER REFERENCES fault_parent(id) DEFERRABLE INITIALLY DEFERRED)"
        )
        add_triggers(conn, "INSERT INTO fault_child VALUES (-1)")

    def stop_failed_commit(self, conn: sqlite3.Connection) -> None:
        drop_triggers(conn)


FAULT_NAMES = tuple(SAYS)


def second_connection(path) -> sqlite3.Connection:
    """Another connection to the file, to check what is really on disk."""
    return sqlite3.connect(path)
