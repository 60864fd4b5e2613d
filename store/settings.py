"""Settings: the team's key/value table (targets, roles, update cadence and template).

Personal settings (who I am, time zone, theme) live in each person's own config
file (see ``tui/identity.py``), never in a database several people share. Who is
acting is the store's :attr:`~SettingsMixin.user`, set when it is opened
(``Store(path, user=...)``) or per app instance (:meth:`SettingsMixin.as_user`).
"""

from __future__ import annotations

import copy
import getpass
from collections.abc import Callable
from typing import Self

from .base import StoreBase

#: Settings that belonged to one person and are moved out of a shared database.
PERSONAL_IN_DB = ("me", "theme")


def default_me() -> str:
    """The login name, used when nothing else names the person."""
    try:
        return getpass.getuser()
    except Exception:
        return "me"


class SettingsMixin(StoreBase):
    """Read and write team settings; who is acting."""

    #: The person acting through this store (author of what it writes); None: see :attr:`me`.
    user: str | None = None

    def as_user(self, name: str) -> Self:
        """This store acting as ``name`` (same database file and connections)."""
        twin = copy.copy(self)
        twin.user = name.strip() or None
        return twin

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """The value of ``key``, or ``default`` when it was never set."""
        row = self.db.one("SELECT value FROM setting WHERE key = ?", (key,))
        return row["value"] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Store ``value`` under ``key`` (committed on return)."""
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def delete_setting(self, key: str) -> None:
        """Forget ``key`` (back to its default)."""
        with self.db.write() as conn:
            conn.execute("DELETE FROM setting WHERE key = ?", (key,))

    def move_personal_settings(self, save: Callable[[dict[str, str]], None]) -> dict[str, str]:
        """Hand the old database-wide ``me``/``theme`` to ``save`` and remove them, in one
        transaction: when ``save`` raises, nothing is removed. Returns what was moved."""
        with self.db.write() as conn:
            marks = ", ".join("?" for _ in PERSONAL_IN_DB)
            rows = conn.execute(f"SELECT key, value FROM setting WHERE key IN ({marks})", PERSONAL_IN_DB).fetchall()
            found = {r["key"]: r["value"] for r in rows}
            if found:
                save(found)
                conn.execute(f"DELETE FROM setting WHERE key IN ({marks})", PERSONAL_IN_DB)
        return found

    @property
    def me(self) -> str:
        """Who is acting: :attr:`user`; else a database-wide ``me`` not yet moved to a
        personal file (older databases, scripts); else the login name."""
        return self.user or self.get_setting("me") or default_me()
