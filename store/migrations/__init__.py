"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

Each migration is a module ``mNNNN_name.py`` in this folder with a ``SQL``
string; its number is the schema version it produces. Migrations run in
order, each in one transaction. An existing database is backed up (SQLite's
online backup, next to the file) before it is migrated, and a database newer
than the code is refused and left untouched.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import DatabaseError, NewerDatabaseError

_NAME = re.compile(r"^m(\d{4})_(\w+)$")


@dataclass(frozen=True)
class Migration:
    """One schema step: the version it produces, its name and its SQL."""

    version: int
    name: str
    sql: str


def all_migrations() -> list[Migration]:
    """Every migration module in this package, in version order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if match:
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(Migration(int(match.group(1)), match.group(2), module.SQL))
    found.sort(key=lambda m: m.version)
    numbers = [m.version for m in found]
    assert len(set(numbers)) == len(numbers), f"two migrations share a number: {numbers}"
    return found


LATEST = all_migrations()[-1].version


def current_version(conn: sqlite3.Connection, path: Path | str = "The database") -> int:
    """The schema version recorded in the file."""
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is corrupt or not a SQLite database ({exc}).") from None


def check_not_newer(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse a database from a newer debrief; return its version."""
    version = current_version(conn, path)
    if version > LATEST:
        raise NewerDatabaseError(
            f"{path} was written by a newer debrief (schema {version}; this one knows up to "
            f"{LATEST}); upgrade debrief to open it. The file was not changed."
        )
    return version


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the database next to itself with SQLite's online backup."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    target.chmod(0o600)
    return target


def has_content(conn: sqlite3.Connection) -> bool:
    """True when the file holds any table (so a backup is worth taking)."""
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def statements(sql: str) -> list[str]:
    """Split a script into complete statements (triggers stay whole)."""
    found, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            found.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        found.append(buffer.strip())
    return found


def apply(conn: sqlite3.Connection, migration: Migration) -> None:
    """Run one migration in one transaction, bumping ``user_version``.

    The version is read again inside the transaction, so two processes that
    open a new file at once do not both run the same step.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
        if current_version(conn) < migration.version:
            for statement in statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={migration.version}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise DatabaseError(f"Migration {migration.version} ({migration.name}) failed: {exc}.") from None


def migrate(conn: sqlite3.Connection, path: Path) -> Path | None:
    """Bring the database to :data:`LATEST`; return the backup's path if one was taken."""
    version = check_not_newer(conn, path)
    pending = [m for m in all_migrations() if m.version > version]
    if not pending:
        return None
    saved = backup(conn, path, version) if has_content(conn) else None
    for migration in pending:
        apply(conn, migration)
    return saved
