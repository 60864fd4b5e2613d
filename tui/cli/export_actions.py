"""``debrief export actions``: every action item as CSV (for a tracker's import) or JSON."""

from __future__ import annotations

import click

from .common import CliContext, pass_cli
from .export import emit, export


@export.command("actions")
@click.option("--format", "fmt", type=click.Choice(("csv", "json")), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@pass_cli
def export_actions(cli: CliContext, fmt: str, output: str | None) -> None:
    """Every action item (CSV headers: Key, Summary, Assignee, Due date, Priority, Status, Type, Source)."""
    emit(cli, "actions", None, fmt, output)
