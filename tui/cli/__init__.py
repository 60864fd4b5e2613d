"""The ``debrief`` command line. With no sub-command it opens the app.

Every command takes ``--db PATH`` (or ``DEBRIEF_DB``). Errors are one sentence
on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import sqlite3

import click

from store import StoreError

from . import export_actions  # noqa: F401 - registers `export actions`
from .actions import actions
from .common import CliContext, fail
from .config import config
from .demo import demo
from .export import export
from .importing import import_
from .improvements import improvements
from .incident import incident
from .lint import lint
from .log import log
from .metrics import metrics
from .record import record
from .report import report
from . import export_incident  # noqa: F401  (registers `debrief export incident`)
from .postmortem import postmortem
from . import export_postmortem  # noqa: F401 - registers `export postmortem`


class DebriefGroup(click.Group):
    """A click group that turns store and file errors into one line and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            fail(str(exc))
        except sqlite3.Error as exc:
            fail(f"The database could not complete the request: {exc}.")
        except OSError as exc:  # an output file in a missing or read-only folder, a full disk
            where = f" {exc.filename}" if exc.filename else ""
            fail(f"Cannot open{where}: {exc.strerror or exc}.")


@click.group(cls=DebriefGroup, invoke_without_command=True)
@click.option("--db", "db_path", envvar="DEBRIEF_DB", type=click.Path(dir_okay=True, path_type=str),
              help="Database file (default: $XDG_DATA_HOME/debrief/debrief.db; env DEBRIEF_DB).")
@click.option("--zone", "zone_name", envvar="DEBRIEF_TZ", metavar="ZONE",
              help="Your time zone for times you type and read: America/New_York, CET, UTC (env DEBRIEF_TZ).")
@click.version_option(package_name="debrief", prog_name="debrief")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, zone_name: str | None) -> None:
    """debrief: incident timelines, blameless postmortems, action items,
    improvements and ops metrics in one SQLite file."""
    ctx.obj = CliContext(db_path, read_zone(zone_name))
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj)


def read_zone(name: str | None):
    """The ``--zone`` / ``DEBRIEF_TZ`` choice (UTC when not given); a bad one is refused."""
    from zoneinfo import ZoneInfo

    from ..capture.zones import ZoneError, parse_zone

    if not name or not name.strip():
        return ZoneInfo("UTC")
    try:
        return parse_zone(name)
    except ZoneError as exc:
        fail(f"--zone: {exc}")


def open_app(cli: CliContext) -> None:
    """Open the Textual app on the database."""
    from ..app import DebriefApp

    store = cli.store()
    DebriefApp(store, theme=store.get_setting("theme"), zone=cli.zone).run()


for command in (incident, config, demo, export, lint, log, record, import_, metrics, report, postmortem,
                actions, improvements):
    main.add_command(command)
