"""``debrief export postmortem KEY --format md|html|json [--timeline all|key|pinned] [--with-hints] [-o FILE]``."""

from __future__ import annotations

import click

from store.export_dispatch import ExportOptions

from .common import CliContext, fail, pass_cli
from .export import emit, export, timeline_option


@export.command("postmortem")
@click.argument("key")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("md", "html", "json")),
    default="md",
    show_default=True,
    help="md: the seed template; html: one self-contained printable page; json: every field.",
)
@timeline_option
@click.option("--with-hints", is_flag=True, help="HTML review copy: show the blameless-language hints as margin notes.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@pass_cli
def export_postmortem(cli: CliContext, key: str, fmt: str, timeline: str, with_hints: bool, output: str | None) -> None:
    """Export the postmortem KEY (PM-0013 or INC-0013)."""
    notes = None
    if with_hints:
        if fmt != "html":
            fail("--with-hints is for --format html (a review copy with margin notes).")
        from ..postmortem_review_notes import review_notes

        notes = review_notes(cli.store(), key)
    emit(cli, "postmortem", key, fmt, output, ExportOptions(timeline, notes))
