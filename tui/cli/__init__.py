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
from . import postmortem_proposals  # noqa: F401 - registers `postmortem proposals|accept|discard`
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
@click.version_option(package_name="debrief", prog_name="debrief")
@click.pass_context
def main(ctx: click.Context, db_path: str | None) -> None:
    """debrief: incident timelines, blameless postmortems, action items,
    improvements and ops metrics in one SQLite file."""
    ctx.obj = CliContext(db_path)
    if ctx.invoked_subcommand is None:
        open_app(ctx.obj)


def open_app(cli: CliContext) -> None:
    """Open the Textual app on the database."""
    from ..app import DebriefApp

    from ..keymap import KeymapError, parse_keymap

    store = cli.store()
    try:
        keymap = parse_keymap(store.get_setting("keymap"))
    except KeymapError as exc:
        fail(str(exc))
    DebriefApp(store, theme=store.get_setting("theme"), keymap=keymap).run()


for command in (incident, config, demo, export, lint, log, record, import_, metrics, report, postmortem,
                actions, improvements):
    main.add_command(command)
