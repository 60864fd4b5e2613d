"""Settings: a small key/value table (who "me" is, the theme, targets)."""

from __future__ import annotations

import getpass

from .base import StoreBase


def default_me() -> str:
    """The login name, used until ``me`` is set."""
    try:
        return getpass.getuser()
    except Exception:
        return "me"


class SettingsMixin(StoreBase):
    """Read and write settings."""

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """The value of ``key``, or ``default`` when it was never set."""
        row = self.db.one("SELECT value FROM setting WHERE key = ?", (key,))
        return row["value"] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Store ``value`` under ``key`` (committed on return)."""
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO setting(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def me(self) -> str:
        """Who "me" is: the ``me`` setting, or the login name."""
        return self.get_setting("me") or default_me()
