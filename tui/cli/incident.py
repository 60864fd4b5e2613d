"""``debrief incident``: declare and list incidents."""

from __future__ import annotations

from datetime import datetime

import click

from store import SEVERITIES, STATUSES, format_duration

from ..capture.grammar import GrammarError, parse_time
from .common import CliContext, fail, pass_cli, print_json


@click.group()
def incident() -> None:
    """Declare and list incidents."""


@incident.command("new")
@click.argument("title")
@click.option(
    "--severity",
    type=click.Choice(SEVERITIES, case_sensitive=False),
    help="SEV1 (worst) to SEV5 (default: SEV3, marked not assessed until someone sets it).",
)
@click.option("--commander", help="Incident commander (default: you; see `debrief config get me`).")
@click.option("--started", metavar="TIME", help="Impact started at: 14:05, -2h, 2025-11-27 14:00 (UTC).")
@click.option("--detected", metavar="TIME", help="Detected at (same forms).")
@click.option("--resolved", metavar="TIME", help="Resolved at: the incident is already over (a retrospective entry).")
@click.option("--service", "services", multiple=True, help="Affected service (repeatable).")
@click.option("--tag", "tags", multiple=True, help="Tag (repeatable).")
@pass_cli
def new(
    cli: CliContext,
    title: str,
    severity: str,
    commander: str | None,
    started: str | None,
    detected: str | None,
    resolved: str | None,
    services: tuple[str, ...],
    tags: tuple[str, ...],
) -> None:
    """Declare an incident and print its key. Each time given also gets its
    timeline event, exactly as the app's Declare dialog does."""
    store = cli.store(create=True)
    times = {
        field: when_of(option, text, store.now())
        for field, option, text in (
            ("impact_started_at", "--started", started),
            ("detected_at", "--detected", detected),
            ("resolved_at", "--resolved", resolved),
        )
        if text
    }
    created = store.declare_incident(
        title,
        severity.upper() if severity else None,
        commander,
        source="cli",
        services=list(services),
        tags=list(tags),
        **times,
    )
    click.echo(created.key)


def when_of(option: str, text: str, now: datetime) -> datetime:
    """A time option read with the capture grammar, or exit 2 naming the option."""
    try:
        return parse_time(text, now)
    except GrammarError as exc:
        fail(f"{option}: {exc}")


@incident.command("list")
@click.option("--status", type=click.Choice(STATUSES), multiple=True, help="Only these statuses (repeatable).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_cli
def list_(cli: CliContext, status: tuple[str, ...], limit: int, as_json: bool) -> None:
    """List incidents: active first, then newest first."""
    store = cli.store()
    incidents = store.list_incidents(status=status or None, limit=limit)
    if as_json:
        print_json([{"key": i.key, **i.model_dump(mode="json")} for i in incidents])
        return
    now = store.now()
    for i in incidents:
        duration = format_duration(i.duration_seconds(now))
        click.echo(f"{i.key}  {i.severity}  {i.status:<13} {i.started_at:%Y-%m-%d %H:%M}Z  {duration:>8}  {i.title}")
