"""The ``debrief`` command line. With no sub-command it opens the app.

Every command takes ``--db PATH`` (or ``DEBRIEF_DB``). Errors are one sentence
on stderr and exit code 2, never a traceback.

Sub-commands are imported only when they are invoked (:class:`DebriefGroup`
maps each name to its module), so ``debrief log`` from a chat bot pays for
the store and the capture grammar, not for every command, and never for
Textual.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys

import click

from store.errors import StoreError

from .common import CliContext, add_as_everywhere, fail

#: name -> (module under tui.cli, attribute, modules that add sub-commands to it).
COMMANDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "actions": ("actions", "actions", ()),
    "config": ("config", "config", ()),
    "demo": ("demo", "demo", ()),
    "doctor": ("doctor", "doctor", ()),
    "export": ("export", "export", ("export_actions", "export_incident", "export_postmortem")),
    "import": ("importing", "import_", ()),
    "improvements": ("improvements", "improvements", ()),
    "incident": ("incident", "incident", ("role",)),
    "lint": ("lint", "lint", ()),
    "log": ("log", "log", ()),
    "metrics": ("metrics", "metrics", ()),
    "postmortem": ("postmortem", "postmortem", ("postmortem_proposals",)),
    "record": ("record", "record", ()),
    "report": ("report", "report", ()),
    "seat": ("serve", "seat", ()),
    "serve": ("serve", "serve", ()),
    "update": ("update", "update", ()),
}


def load_command(name: str) -> click.Command | None:
    """Import the module of sub-command ``name`` (and those that extend it)."""
    if name not in COMMANDS:
        return None
    module, attribute, extensions = COMMANDS[name]
    command = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    for extension in extensions:
        importlib.import_module(f"{__name__}.{extension}")
    return command


class DebriefGroup(click.Group):
    """A click group that loads sub-commands on demand and turns store and file
    errors into one line and exit code 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = load_command(cmd_name)
        if command is not None:
            add_as_everywhere(command)  # every command takes --as NAME
        return command

    def main(self, *args, **kwargs):
        """Like click's, but a usage error is one sentence on stderr (exit 2), not three lines."""
        if kwargs.pop("standalone_mode", True) is False:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "debrief"
            fail(f"{exc.format_message().rstrip('.')}; see `{where} --help`.")
        except click.ClickException as exc:
            fail(exc.format_message())
        except click.Abort:
            fail("Stopped.", 1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            quiet_broken_pipe()
        except StoreError as exc:
            fail(str(exc))
        except sqlite3.Error as exc:
            fail(f"The database could not complete the request: {exc}.")
        except OSError as exc:  # an output file in a missing or read-only folder, a full disk
            where = f" {exc.filename}" if exc.filename else ""
            fail(f"Cannot open{where}: {exc.strerror or exc}.")


def quiet_broken_pipe() -> None:
    """The reader went away (``debrief … | head``): stop without a word."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


@click.group(cls=DebriefGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    envvar="DEBRIEF_DB",
    type=click.Path(dir_okay=True, path_type=str),
    help="Database file (default: $XDG_DATA_HOME/debrief/debrief.db; env DEBRIEF_DB).",
)
@click.option(
    "--as",
    "as_name",
    metavar="NAME",
    help="Act as NAME (default: $DEBRIEF_USER, your config's name, git user.name, the login name).",
)
@click.option(
    "--zone",
    "zone_name",
    envvar="DEBRIEF_TZ",
    metavar="ZONE",
    help="Your time zone for times you type and read: America/New_York, CET, UTC "
    "(env DEBRIEF_TZ; default: `zone` in your config, else UTC).",
)
@click.version_option(package_name="debrief", prog_name="debrief")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, as_name: str | None, zone_name: str | None) -> None:
    """debrief: incident timelines, blameless postmortems, action items,
    improvements and ops metrics in one SQLite file."""
    ctx.obj = CliContext(db_path, read_zone(zone_name), as_name)
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj)


def read_zone(name: str | None):
    """The ``--zone`` / ``DEBRIEF_TZ`` choice (UTC when not given); a bad one is refused."""
    from zoneinfo import ZoneInfo

    from ..capture.zones import ZoneError, parse_zone

    if not name or not name.strip():
        from ..identity import ConfigError, personal

        try:
            name = personal("zone")  # the personal config's zone
        except ConfigError as exc:
            fail(str(exc))
    if not name or not name.strip():
        return ZoneInfo("UTC")
    try:
        return parse_zone(name)
    except ZoneError as exc:
        fail(f"--zone: {exc}")


def open_app(cli: CliContext) -> None:
    """Open the Textual app on the database."""
    from ..app import DebriefApp
    from ..identity import personal
    from ..keymap import KeymapError, parse_keymap

    store = cli.store(create=True)
    try:
        keymap = parse_keymap(personal("keymap"))
    except KeymapError as exc:
        fail(str(exc))
    app = DebriefApp(store, theme=personal("theme"), user=store.me, zone=cli.zone, keymap=keymap)
    app.notices = cli.notices
    app.run()
