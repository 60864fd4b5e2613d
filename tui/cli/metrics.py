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
    for a range of days, compared with the same number of days before it."""
    store = cli.store()
    period = chosen_period(parse_day("--from", first), parse_day("--to", last), store.now().date())
    current, targets = store.metrics(period), store.metric_targets()
    if as_json_:
        print_json(as_json(current, targets))
        return
    for line in text_lines(current, store.metrics(period.previous()), targets):
        click.echo(line)


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
        lines.append("Incidents lacking a milestone (left out of the figures that need it):")
        lines += [f"  {i.key}  {i.severity}  no {', '.join(i.missing)}  {i.title}" for i in current.incomplete]
    else:
        lines.append("Every finished incident in the range has all its milestones.")
    return lines
