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
from .common import CliContext, add_as_everywhere, fail
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
from .serve import seat, serve
from .report import report
from . import export_incident  # noqa: F401  (registers `debrief export incident`)
from .postmortem import postmortem
from . import export_postmortem  # noqa: F401 - registers `export postmortem`
from . import role  # noqa: F401 - registers `incident role`
from .update import update


class DebriefGroup(click.Group):
    """A click group that turns store and file errors into one line and exit code 2."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            add_as_everywhere(command)
        return command

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
@click.option("--as", "as_name", metavar="NAME",
              help="Act as NAME (default: $DEBRIEF_USER, your config's name, git user.name, the login name).")
@click.version_option(package_name="debrief", prog_name="debrief")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, as_name: str | None) -> None:
    """debrief: incident timelines, blameless postmortems, action items,
    improvements and ops metrics in one SQLite file."""
    ctx.obj = CliContext(db_path, as_name)
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj)


def open_app(cli: CliContext) -> None:
    """Open the Textual app on the database."""
    from ..app import DebriefApp

    from ..identity import personal, personal_zone

    store = cli.store()
    app = DebriefApp(store, theme=personal("theme"), user=store.me, zone=personal_zone())
    app.notices = cli.notices
    app.run()


for command in (incident, config, demo, export, lint, log, record, import_, metrics, report, postmortem,
                actions, improvements, update, serve, seat):
    main.add_command(command)
