"""``debrief metrics``: the ops metrics for a range of days, as text or JSON."""

from __future__ import annotations

from datetime import date, timedelta

import click

from store.metrics import Metrics, as_json
from store.periods import Period
from store.scorecard import cards

from .common import CliContext, fail, pass_cli, print_json

DEFAULT_DAYS = 30


def parse_day(option: str, value: str | None) -> date | None:
    """An ISO date, or one sentence and exit code 2."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        fail(f"{option} {value!r} is not a date; use YYYY-MM-DD, such as 2025-11-01.")


def chosen_period(first: date | None, last: date | None, today: date) -> Period:
    """``--from``/``--to`` inclusive; by default the last 30 days up to today."""
    last = last or (today if first is None or first <= today else first + timedelta(days=DEFAULT_DAYS - 1))
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        fail(f"--from {first} is after --to {last}; the range must start on or before its end.")
    return Period.days(first, last)


@click.command("metrics")
@click.option("--from", "first", metavar="DATE", help="First day (inclusive, UTC; default: 29 days before --to).")
@click.option("--to", "last", metavar="DATE", help="Last day (inclusive, UTC; default: today).")
@click.option("--json", "as_json_", is_flag=True, help="Machine-readable output.")
@pass_cli
def metrics(cli: CliContext, first: str | None, last: str | None, as_json_: bool) -> None:
    """Print MTTR, incident counts, change failure rate, toil, alert noise and more
    for a range of days, compared with the previous period: the calendar month,
    quarter or week before when the range is one, else the same number of days before."""
    store = cli.store()
    period = chosen_period(parse_day("--from", first), parse_day("--to", last), store.now().date())
    (current, previous), targets = store.compare_metrics(period), store.metric_targets()
    workload = store.commander_workload(period.start, period.end)
    if as_json_:
        print_json(
            {
                **as_json(current, targets, previous),
                "commander_workload": [{"commander": name, "incidents": n} for name, n in workload],
            }
        )
        return
    lines = text_lines(current, previous, targets)
    lines += [
        "",
        "Incidents per commander (hand-offs count for each): "
        + (", ".join(f"{name} {n}" for name, n in workload) or "none"),
    ]
    if first is None and last is None and not has_data(current):
        lines[1:1] = ["", *no_data_note(period, store.latest_incident_day())]
    for line in lines:
        click.echo(line)


def has_data(metrics: Metrics) -> bool:
    """A finished incident, a deployment, alerts or toil in the range (an open incident alone is not a review)."""
    finished = metrics.durations.get("mttr")
    return bool(
        (finished and finished.n)
        or metrics.incomplete
        or metrics.deployments
        or metrics.alerts_total
        or metrics.toil_pct is not None
    )


def no_data_note(period: Period, latest: date | None) -> list[str]:
    """Say plainly that the default range is empty and which ``--from``/``--to`` would show data."""
    note = [f"No finished incident, deployment, alert or toil entry in the last {DEFAULT_DAYS} days ({period.label})."]
    if latest is None:
        return note + ["Record some (debrief record deploy|alerts|toil), or choose dates with --from DATE --to DATE."]
    month = Period.containing(latest, "month")
    return note + [
        f"The latest finished incident started on {latest}; for its month run: "
        f"debrief metrics --from {month.start} --to {month.last_day}"
    ]


def text_lines(current: Metrics, previous: Metrics, targets: dict) -> list[str]:
    """The metrics as aligned lines for people."""
    lines = [f"Metrics for {current.period.label} (trend against {previous.period.label})", ""]
    for card in cards(current, previous, targets):
        status = {"good": "on target", "bad": "OFF TARGET", "warn": "watch"}.get(card.status or "", "")
        lines.append(f"  {card.title:<22}{card.text:>10}  {card.trend_text:<20}{card.target_text:<22}{status}")
        if card.note:
            lines.append(f"  {'':<22}{'':>10}  {card.note}")
    lines.append("")
    if current.incomplete:
        lines.append("Incidents lacking a milestone or with impossible ones (left out of the figures that need them):")
        lines += [f"  {i.key}  {i.severity}  {i.status}  {i.gaps}  {i.title}" for i in current.incomplete]
    else:
        lines.append("Every incident in the range has all its milestones, in order.")
    return lines
