"""``debrief export postmortem KEY --format md|json``."""

from __future__ import annotations

import click

from store.export_postmortem import postmortem_json, postmortem_markdown

from .common import CliContext, pass_cli, print_json
from .export import export


@export.command("postmortem")
@click.argument("key")
@click.option("--format", "fmt", type=click.Choice(("md", "json")), default="md", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of standard output.")
@pass_cli
def export_postmortem(cli: CliContext, key: str, fmt: str, output: str | None) -> None:
    """Export the postmortem KEY (PM-0013 or INC-0013) as Markdown or JSON."""
    store = cli.store()
    if fmt == "json":
        if output:
            import json
            text = json.dumps(postmortem_json(store, key), indent=2, default=str, ensure_ascii=False) + "\n"
        else:
            print_json(postmortem_json(store, key))
            return
    else:
        text = postmortem_markdown(store, key)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
        click.echo(f"Wrote {output}.", err=True)
    else:
        click.echo(text, nl=False)
