"""``debrief actions``: list action items in triage order, mark one done."""

from __future__ import annotations

import click

from store.actions import STATUS_FILTERS, TriageItem
from store.export_actions import item_json

from .common import CliContext, fail, pass_cli, print_json

LIMIT = 1000


def item_line(item: TriageItem, today) -> str:
    """``AI-0007  P1  2025-11-14 !  open         dana     PM-0009  title``."""
    due = item.due_date.isoformat() if item.due_date else "no date   "
    flag = "!" if item.overdue(today) else " "
    return f"{item.key}  {item.priority}  {due} {flag} {item.status:<12} {item.owner:<10} {item.source:<8} {item.title}"


def known_spelling(people: list[str], name: str | None) -> str | None:
    """``Dana`` is ``dana`` when debrief knows dana (owners are stored as first written)."""
    if name is None:
        return None
    return next((p for p in people if p.lower() == name.strip().lower()), name.strip())


@click.group()
def actions() -> None:
    """Triage action items from the command line."""


@actions.command("list")
@click.option("--mine", is_flag=True, help="Only yours (you: --as, DEBRIEF_USER or `debrief config get me`).")
@click.option("--owner", help="Only this owner's items.")
@click.option("--overdue", is_flag=True, help="Only open items past their due date.")
@click.option(
    "--status",
    type=click.Choice(STATUS_FILTERS),
    default="active",
    show_default=True,
    help="active = open or in progress; closed = done or won't do.",
)
@click.option("--limit", type=click.IntRange(min=1), default=LIMIT, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_cli
def list_(
    cli: CliContext, mine: bool, owner: str | None, overdue: bool, status: str, limit: int, as_json: bool
) -> None:
    """List action items: overdue first, then priority, then due date (! marks overdue)."""
    if mine and owner:
        fail("use either --mine or --owner NAME, not both.")
    store = cli.store()
    who = store.me if mine else known_spelling(store.known_people(), owner)
    items = store.list_action_items(owner=who, overdue=overdue, status=status, limit=limit)
    today = store.now().date()
    if as_json:
        print_json([item_json(i, today) for i in items])
        return
    for item in items:
        click.echo(item_line(item, today))
    counts = store.action_counts(who)
    click.echo(f"{counts.open} open, {counts.overdue} overdue" + (f" ({who})" if who else ""), err=True)


@actions.command("done")
@click.argument("key")
@pass_cli
def done(cli: CliContext, key: str) -> None:
    """Mark action item KEY (AI-0007) done."""
    store = cli.store()
    before = store.get_action_item(key)
    if before.status == "done":
        when = f" on {before.done_at:%Y-%m-%d}" if before.done_at else ""
        click.echo(f"{before.key} was already done{when}: {before.title}")
        return
    item = store.set_action_status(key, "done")
    click.echo(f"{item.key} done: {item.title}")
