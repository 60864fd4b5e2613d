"""What every part of the store shares: the database, the clock, helpers."""

from __future__ import annotations

from datetime import datetime

from .clock import Clock, to_iso
from .db import Database


class StoreBase:
    """Holds the :class:`Database` and the clock; mixins add the tables' methods."""

    db: Database
    clock: Clock

    def now(self) -> datetime:
        """The current UTC time by the store's clock."""
        return self.clock()

    def now_iso(self) -> str:
        """The current UTC time as stored text."""
        return to_iso(self.clock())
