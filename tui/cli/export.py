"""``debrief export``: the group that each exporter adds its sub-command to,
and the one way they write: :meth:`Store.export` to standard output, or
:meth:`Store.export_to` a file."""

from __future__ import annotations

import click

from .common import CliContext

TIMELINE_HELP = (
    "Timeline rows: all (what people logged and the milestones that stand), key (pinned and "
    "milestone moments) or pinned (★ only)."
)


@click.group()
def export() -> None:
    """Export incidents, postmortems and action items (Markdown, HTML, JSON, CSV)."""


def timeline_option(function):
    """``--timeline all|key|pinned``."""
    return click.option("--timeline", default="all", show_default=True, metavar="all|key|pinned", help=TIMELINE_HELP)(
        function
    )


def emit(cli: CliContext, what: str, ref, fmt: str, output: str | None, options=None) -> None:
    """Print the export, or write it to ``output`` and say so on stderr."""
    store = cli.store()
    if output:
        path = store.export_to(output, what, ref, fmt, options)
        click.echo(f"Wrote {path}.", err=True)
        return
    click.echo(store.export(what, ref, fmt, options), nl=False)
