"""Helpers for Pilot tests under real SQLite faults (tests/faults.py) on the app's store thread."""

from __future__ import annotations

import sqlite3

from textual.widgets import Static

from tests.conftest import settle
from tests.faults import Fault


async def fault_on(app, fault: Fault) -> None:
    """Start ``fault`` on the store thread's connection (the one the app writes on)."""
    await app.run_store(lambda: fault.start(app.store.db.conn))


async def fault_off(app, fault: Fault) -> None:
    """The fault clears."""
    await app.run_store(lambda: fault.stop(app.store.db.conn))


def on_disk(app, sql: str, params: tuple = ()) -> list[tuple]:
    """What a second connection reads from the file."""
    conn = sqlite3.connect(app.store.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def intact(app) -> bool:
    """``PRAGMA integrity_check`` is ok."""
    return on_disk(app, "PRAGMA integrity_check") == [("ok",)]


class Toasts:
    """Records the error toasts the app shows (observes ``notify``; nothing is stubbed)."""

    def __init__(self, app) -> None:
        self.errors: list[str] = []
        notify = app.notify

        def spy(message, *args, **kwargs):
            if kwargs.get("severity") == "error":
                self.errors.append(str(message))
            return notify(message, *args, **kwargs)

        app.notify = spy


def error_line(screen) -> str:
    """The dialog's one-sentence error line."""
    return str(screen.query_one("#error", Static).render())


async def run(app, pilot, *keys: str) -> None:
    """Press keys, then wait for every worker."""
    if keys:
        await pilot.press(*keys)
    await settle(app, pilot)
