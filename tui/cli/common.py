"""What every command shares: the database path, who is acting, opening the store,
failing cleanly."""

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

from ..identity import ConfigError, Identity, adopt_database_settings, resolve


class CliContext:
    """The ``--db`` and ``--as`` choices; opens the store on first use."""

    def __init__(self, db_path: str | None, zone: tzinfo = UTC, as_name: str | None = None) -> None:
        self.path = Path(db_path).expanduser() if db_path else default_path()
        #: The person's time zone: bare times they type are read in it (UTC by default).
        self.zone = zone
        self.as_name = as_name
        self._store: Store | None = None
        #: What was said on opening (personal settings moved out of the database), for the app to repeat.
        self.notices: list[str] = []

    def identity(self) -> Identity:
        """Who is acting (``--as``, ``DEBRIEF_USER``, config, git, login name)."""
        try:
            return resolve(self.as_name)
        except ConfigError as exc:
            fail(str(exc))

    def store(self, create: bool = False) -> Store:
        """The open store acting as :meth:`identity`, migrated on first use. An old
        database-wide ``me``/``theme`` moves to the personal config, with a message.

        Only commands that write something new (``create=True``) make a missing
        database; the others, reads above all, say there is none instead.
        """
        if self._store is None:
            if not create and not self.path.exists():
                fail(
                    f"There is no database at {self.path} yet; `debrief demo` fills one with demo data "
                    "and `debrief` opens the app on a new one."
                )
            from store.store import Store

            store = Store(self.path)
            moved = adopt_database_settings(store)
            if moved:
                click.echo(f"debrief: {moved}", err=True)
                self.notices.append(moved)
            self._store = store.as_user(self.identity().name)
        return self._store


pass_cli = click.make_pass_decorator(CliContext)


def remember_as(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """``--as NAME`` on a sub-command: act as NAME (same as on ``debrief`` itself)."""
    if value is not None:
        cli = ctx.find_object(CliContext)
        if cli is not None:
            cli.as_name = value


def as_option() -> click.Option:
    """The ``--as NAME`` option every command accepts."""
    return click.Option(
        ["--as", "as_name"],
        metavar="NAME",
        expose_value=False,
        callback=remember_as,
        help="Act as NAME (default: $DEBRIEF_USER, your config, git user.name, login).",
    )


def add_as_everywhere(command: click.Command) -> None:
    """Give ``command`` and its sub-commands the ``--as NAME`` option, unless one has its
    own (``postmortem signoff --as`` names the reviewer signing, which is the same person)."""
    if not any("--as" in getattr(p, "opts", ()) for p in command.params):
        command.params.append(as_option())
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_as_everywhere(sub)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one sentence on stderr and exit (2: bad input or unusable database)."""
    click.echo(f"debrief: {message}", err=True)
    sys.exit(code)


def print_json(data: Any) -> None:
    """Machine output: indented JSON, dates as ISO text."""
    click.echo(json.dumps(data, indent=2, default=str, ensure_ascii=False))
