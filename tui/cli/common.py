"""What every command shares: the database path, opening the store, failing cleanly."""

from __future__ import annotations

import json
import sys
from datetime import UTC, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from store.db import default_path

if TYPE_CHECKING:
    from store import Store


class CliContext:
    """The ``--db`` choice; opens the store on first use."""

    def __init__(self, db_path: str | None, zone: tzinfo = UTC) -> None:
        self.path = Path(db_path).expanduser() if db_path else default_path()
        #: The person's time zone: bare times they type are read in it (UTC by default).
        self.zone = zone
        self._store: Store | None = None

    def store(self, create: bool = False) -> Store:
        """The open store, migrated on first use.

        Only commands that write something new (``create=True``) make a missing
        database; the others, reads above all, say there is none instead.
        """
        if self._store is None:
            if not create and not self.path.exists():
                fail(f"There is no database at {self.path} yet; `debrief demo` fills one with demo data "
                     "and `debrief` opens the app on a new one.")
            from store.store import Store

            self._store = Store(self.path)
        return self._store


pass_cli = click.make_pass_decorator(CliContext)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one sentence on stderr and exit (2: bad input or unusable database)."""
    click.echo(f"debrief: {message}", err=True)
    sys.exit(code)


def print_json(data: Any) -> None:
    """Machine output: indented JSON, dates as ISO text."""
    click.echo(json.dumps(data, indent=2, default=str, ensure_ascii=False))
