"""What every command shares: the database path, opening the store, failing cleanly."""

from __future__ import annotations

import json
import sys
from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any, NoReturn

import click

from store import Store, default_path


class CliContext:
    """The ``--db`` choice; opens the store on first use."""

    def __init__(self, db_path: str | None, zone: tzinfo = UTC) -> None:
        self.path = Path(db_path).expanduser() if db_path else default_path()
        #: The person's time zone: bare times they type are read in it (UTC by default).
        self.zone = zone
        self._store: Store | None = None

    def store(self) -> Store:
        """The open store (created and migrated on first use)."""
        if self._store is None:
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
