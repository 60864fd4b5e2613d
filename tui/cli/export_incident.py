"""``debrief export incident KEY --format md|json [-o FILE]``."""

from __future__ import annotations

import json

import click

from store.export_incident import incident_json, incident_markdown

from .common import CliContext, pass_cli
from .export import export


@export.command("incident")
@click.argument("key")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of standard output.")
@pass_cli
def export_incident(cli: CliContext, key: str, fmt: str, output: str | None) -> None:
    """Print an incident: Markdown (header and timeline table, UTC) or JSON (every field and event)."""
    store = cli.store()
    if fmt == "json":
        text = json.dumps(incident_json(store, key), indent=2, default=str, ensure_ascii=False) + "\n"
    else:
        text = incident_markdown(store, key)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
        click.echo(f"Wrote {output}.", err=True)
    else:
        click.echo(text, nl=False)
