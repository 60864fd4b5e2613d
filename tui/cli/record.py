"""``debrief record``: deployments, weekly alert counts and toil from the command line."""

from __future__ import annotations

import click

from store.numbers import format_percent

from ..dates import DateInputError, parse_moment
from .common import CliContext, fail, pass_cli


@click.group()
def record() -> None:
    """Record operational data for the metrics (deployments, alerts, toil)."""


@record.command("deploy")
@click.option("--service", required=True, help="The service deployed.")
@click.option(
    "--at", "at", required=True, help="When, UTC unless a zone is given: '2025-11-27 14:00', 14:00 (today), -30m, now."
)
@click.option("--failed", is_flag=True, help="The deployment failed (rolled back, broke something).")
@click.option(
    "--caused", "caused", multiple=True, metavar="INC-KEY", help="An incident it caused (repeatable); counts as failed."
)
@click.option("--version", "version", default="", help="Version or change id.")
@pass_cli
def deploy(cli: CliContext, service: str, at: str, failed: bool, caused: tuple[str, ...], version: str) -> None:
    """Record a deployment."""
    store = cli.store(create=True)
    try:
        when = parse_moment(at, store.now(), "--at")
    except DateInputError as exc:
        fail(str(exc))
    found = store.record_deployment(service, when, failed=failed, caused=caused, version=version)
    state = "failed" if found.failed else "succeeded"
    cause = f", caused {', '.join(found.caused)}" if found.caused else ""
    click.echo(f"Deployment of {found.service} at {found.deployed_at:%Y-%m-%d %H:%M}Z recorded ({state}{cause}).")


@record.command("alerts")
@click.option("--week", required=True, help="Any date in the week (stored as its Monday).")
@click.option("--total", required=True, help="All alerts that fired in the week.")
@click.option("--actionable", required=True, help="Alerts that needed a person to act.")
@click.option("--source", default="", help="Where the alerts came from (prometheus, pagerduty…).")
@pass_cli
def alerts(cli: CliContext, week: str, total: str, actionable: str, source: str) -> None:
    """Record one week's alert counts."""
    sample = cli.store(create=True).record_alerts(week, total, actionable, source=source)
    noise = f"{format_percent(sample.noise_pct)} noise" if sample.noise_pct is not None else "no alerts"
    replaced = (
        f" It replaces the earlier {sample.replaced[0]} total, {sample.replaced[1]} actionable."
        if sample.replaced
        else ""
    )
    click.echo(
        f"Alerts for the week of {sample.week} recorded: {sample.total} total, {sample.actionable} actionable "
        f"({noise}).{replaced}"
    )


@record.command("toil")
@click.option("--person", required=True, help="Whose week.")
@click.option("--week", required=True, help="Any date in the week (stored as its Monday).")
@click.option("--toil-minutes", "toil", required=True, help="Minutes of toil (manual, repetitive, automatable work).")
@click.option("--working-minutes", "working", required=True, help="Minutes worked that week.")
@click.option("--category", default="", help="Kind of toil (manual deploys, ticket triage…).")
@pass_cli
def toil(cli: CliContext, person: str, week: str, toil: str, working: str, category: str) -> None:
    """Record one person's toil for one week."""
    entry = cli.store(create=True).record_toil(person, week, toil, working, category=category)
    share = 100 * entry.toil_minutes / entry.working_minutes
    replaced = f" It replaces the earlier {entry.replaced[0]} of {entry.replaced[1]} minutes." if entry.replaced else ""
    click.echo(
        f"Toil for {entry.person}, week of {entry.week}, recorded: {format_percent(share)} of working time.{replaced}"
    )
