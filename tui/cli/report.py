"""``debrief report``: the monthly ops review as Markdown."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click

from .common import CliContext, fail, pass_cli


def parse_month(value: str) -> date:
    """``2025-11`` → the first of that month, or one sentence and exit code 2."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", value or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        fail(f"--month {value!r} is not a month; use YYYY-MM, such as 2025-11.")
    return date(int(match.group(1)), int(match.group(2)), 1)


@click.command("report")
@click.option("--month", required=True, metavar="YYYY-MM", help="The month to review.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("md", "html")),
    default="md",
    show_default=True,
    help="md: Markdown; html: one self-contained printable page.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="Write to FILE instead of printing."
)
@pass_cli
def report(cli: CliContext, month: str, fmt: str, output: str | None) -> None:
    """Write the monthly ops review: metrics against targets with trends, the
    month's incidents, postmortems published, action items closed and overdue,
    improvements completed with their measured impact."""
    text = cli.store().export("report", parse_month(month), fmt)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write the report to {output}: {exc.strerror}.")
    click.echo(f"Report for {month} written to {output}.")
