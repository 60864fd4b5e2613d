"""``debrief export incident KEY --format md|json``."""

from __future__ import annotations

import click

from store.export_incident import incident_json, incident_markdown

from .common import CliContext, pass_cli, print_json
from .export import export


@export.command("incident")
@click.argument("key")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@pass_cli
def export_incident(cli: CliContext, key: str, fmt: str) -> None:
    """Print an incident: Markdown (header and timeline table, UTC) or JSON (every field and event)."""
    store = cli.store()
    if fmt == "json":
        print_json(incident_json(store, key))
    else:
        click.echo(incident_markdown(store, key), nl=False)
