"""``debrief doctor``: check a database file without changing it.

Each check says what it found and, when something is wrong, what to do.
Schema introspection (tables, columns, declared foreign keys) goes through
``sqlite-utils``; the file is opened read-only, so a doctor never migrates,
switches journal mode or writes a byte.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from . import migrations
from .db import check_file
from .errors import DatabaseError


@dataclass(frozen=True)
class Finding:
    """One check's result: ``ok`` or not, what was found, what to do about it."""

    check: str
    ok: bool
    found: str
    advice: str = ""


def expected_schema() -> dict[str, set[str]]:
    """Every table and its columns as the migrations build them (in memory)."""
    db = sqlite_utils.Database(memory=True)
    for migration in migrations.all_migrations():
        for statement in migrations.statements(migration.sql):
            db.execute(statement)
    return {t.name: set(t.columns_dict) for t in db.tables}


def check_version(db: sqlite_utils.Database) -> Finding:
    """The schema version against the newest this debrief knows."""
    version, latest = db.execute("PRAGMA user_version").fetchone()[0], migrations.LATEST
    if version == latest:
        return Finding("schema version", True, f"{version} (the latest)")
    if version > latest:
        return Finding(
            "schema version",
            False,
            f"{version}, newer than this debrief ({latest})",
            "Upgrade debrief; this version refuses the file and leaves it unchanged.",
        )
    return Finding(
        "schema version",
        False,
        f"{version}, older than this debrief ({latest})",
        "Run any debrief command on it: it backs the file up next to itself, then migrates.",
    )


def check_integrity(db: sqlite_utils.Database) -> Finding:
    """``PRAGMA integrity_check``."""
    rows = [
        line
        for r in db.execute("PRAGMA integrity_check").fetchall()
        for line in r[0].splitlines()
        if not line.startswith("***")
    ]
    if rows == ["ok"]:
        return Finding("integrity", True, "ok")
    return Finding(
        "integrity",
        False,
        f"{len(rows)} problem(s), first: {rows[0]}",
        "Restore the newest backup (debrief.db.v*.bak next to the file), or salvage with "
        "`sqlite3 FILE .recover | sqlite3 NEW.db`.",
    )


def check_wal(db: sqlite_utils.Database) -> Finding:
    """Write-ahead logging, which lets a bot log while the app reads."""
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    if mode == "wal":
        return Finding("journal mode", True, "wal")
    return Finding(
        "journal mode",
        False,
        f"{mode}, not wal",
        "Open it once with debrief (any command): it switches the file to WAL.",
    )


def check_tables(db: sqlite_utils.Database, version: int) -> Finding:
    """Tables and columns against what the migrations build (only at the latest version)."""
    if version != migrations.LATEST:
        return Finding("tables", True, "not compared (the schema version differs; see above)")
    have = {t.name: set(t.columns_dict) for t in db.tables}
    problems = [f"table {name} is missing" for name in sorted(set(expected_schema()) - set(have))]
    problems += [
        f"{name} lacks {', '.join(sorted(cols - have[name]))}"
        for name, cols in sorted(expected_schema().items())
        if name in have and cols - have[name]
    ]
    if not problems:
        return Finding("tables", True, f"{len(have)} tables, as the migrations build them")
    return Finding(
        "tables",
        False,
        "; ".join(problems),
        "The file was changed outside debrief; restore the newest backup next to it.",
    )


def check_orphans(db: sqlite_utils.Database) -> Finding:
    """Rows whose declared foreign key points at nothing (``PRAGMA foreign_key_check``)."""
    parents = {(t.name, fk.other_table) for t in db.tables for fk in t.foreign_keys}
    counts: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
        counts[(table, parent)] = counts.get((table, parent), 0) + 1
    if not counts:
        return Finding("foreign keys", True, f"{len(parents)} links checked, no orphans")
    found = "; ".join(f"{n} {table} row(s) point at a missing {parent}" for (table, parent), n in counts.items())
    return Finding(
        "foreign keys",
        False,
        found,
        "Something wrote with foreign keys off; list them with `sqlite3 FILE 'PRAGMA foreign_key_check'` "
        "and delete or re-link those rows (back the file up first).",
    )


def examine(path: Path) -> list[Finding]:
    """Every check on the file at ``path`` (opened read-only)."""
    if not check_file(path):
        raise DatabaseError(f"{path} does not exist or is empty; there is nothing to check.")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        db = sqlite_utils.Database(conn)
        version = migrations.current_version(conn, path)
        return [check_version(db), check_integrity(db), check_wal(db), check_tables(db, version), check_orphans(db)]
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as a database: {exc}.") from None
    finally:
        conn.close()
