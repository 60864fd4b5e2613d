"""``debrief export incident KEY --format md|json [--timeline all|key|pinned] [-o FILE]``."""

from __future__ import annotations

import click

from store.export_dispatch import ExportOptions

from .common import CliContext, pass_cli
from .export import emit, export, timeline_option


@export.command("incident")
@click.argument("key")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@timeline_option
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@pass_cli
def export_incident(cli: CliContext, key: str, fmt: str, timeline: str, output: str | None) -> None:
    """Print an incident: Markdown (header and timeline table, UTC) or JSON (every field and event)."""
    emit(cli, "incident", key, fmt, output, ExportOptions(timeline))
