"""What every part of the store shares: the database, the clock, helpers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Self

from pydantic import BaseModel

from .clock import Clock, to_iso
from .db import Database


class RowModel(BaseModel):
    """A model read from one table row (column names are its field names)."""

    @classmethod
    def from_row(cls, row: Any) -> Self:
        """Build from a ``sqlite3.Row``."""
        return cls.model_validate(dict(row))


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

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction around several queries, so a screen's data is one
        consistent snapshot even while another process writes. Joins a transaction
        already open on this thread."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
