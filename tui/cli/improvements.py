"""``debrief improvements``: list PDCA cards; import and export the tracker YAML."""

from __future__ import annotations

from pathlib import Path

import click
import yaml

from store import IMPROVEMENT_STATUSES, STAGES
from store.improvement_yaml import export_yaml, import_yaml

from .common import CliContext, fail, pass_cli, print_json


@click.group()
def improvements() -> None:
    """PDCA improvements: list, import and export (improvement-tracker.yaml)."""


@improvements.command("list")
@click.option("--stage", type=click.Choice(STAGES))
@click.option("--status", type=click.Choice(IMPROVEMENT_STATUSES))
@click.option("--owner")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_cli
def list_(cli: CliContext, stage: str | None, status: str | None, owner: str | None, as_json: bool) -> None:
    """List cards by stage: key, stage, status, title, metric and measured change."""
    cards = cli.store().list_improvements(stage=stage, status=status, owner=owner)
    if as_json:
        print_json([c.model_dump(mode="json") for c in cards])
        return
    for c in cards:
        change = f"; measured {c.change_text}" if c.change_text else ""
        recurred = f"  recurred: {', '.join(c.recurred)}" if c.recurred else ""
        metric = f"  [{c.metric_text}{change}]" if c.metric_text or change else ""
        click.echo(f"{c.key}  {c.stage:<5}  {c.status:<11}  {c.title}{metric}{recurred}")


@improvements.command("dismiss-recurrence")
@click.argument("card")
@click.argument("incident")
@pass_cli
def dismiss_recurrence(cli: CliContext, card: str, incident: str) -> None:
    """CARD (IMP-003) does not recur in INCIDENT (INC-0012): stop showing the link."""
    store = cli.store()
    store.dismiss_recurrence(card, incident)
    click.echo(f"{incident.upper()} is no longer shown as a recurrence of {card.upper()}.")


@improvements.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_cli
def import_(cli: CliContext, file: Path) -> None:
    """Import FILE (the improvement-tracker.yaml shape). A file with any problem is refused whole."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{file} cannot be read: {exc}.")
    result = import_yaml(cli.store(create=True), text)
    for warning in result.warnings:
        click.echo(f"debrief: {warning}", err=True)
    click.echo(f"Imported {len(result.created)} new and updated {len(result.updated)} improvements from {file}.")


@improvements.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_cli
def export_(cli: CliContext, file: Path) -> None:
    """Write every card to FILE in the improvement-tracker.yaml shape ('-' for stdout)."""
    text = export_yaml(cli.store())
    if str(file) == "-":
        click.echo(text, nl=False)
        return
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{file} cannot be written: {exc.strerror}.")
    count = len(yaml.safe_load(text)["improvements"])
    click.echo(f"Exported {count} improvement{'s' if count != 1 else ''} to {file}.")
