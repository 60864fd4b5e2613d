"""``debrief postmortem proposals|accept|discard``: the action items proposed by
``/action`` events logged during the incident, and the decision on each."""

from __future__ import annotations

import click

from store import ACTION_TYPES, PRIORITIES

from ..dates import DateInputError, parse_due_date
from .common import CliContext, fail, pass_cli, print_json
from .postmortem import postmortem


@postmortem.command("proposals")
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_cli
def proposals(cli: CliContext, key: str, as_json: bool) -> None:
    """List the /action events of KEY's incident not yet accepted or discarded."""
    store = cli.store()
    found = store.proposed_actions(store.get_postmortem(key).id)
    if as_json:
        print_json(
            [
                {"event": e.id, "occurred_at": e.occurred_at.isoformat(), "author": e.author, "text": e.text}
                for e in found
            ]
        )
        return
    if not found:
        click.echo("No proposed action items: every /action event has been decided.")
    for event in found:
        click.echo(f"{event.id:>6}  {event.occurred_at:%Y-%m-%d %H:%M}  {event.text}")


@postmortem.command("accept")
@click.argument("key")
@click.argument("event", type=int)
@click.option("--title", help="What will change (default: the event's text).")
@click.option("--owner", default="", help="Who owns it.")
@click.option("--due", default="", help="Due date: 2025-12-01, fri, +7d.")
@click.option("--priority", type=click.Choice(PRIORITIES, case_sensitive=False), default="P2", show_default=True)
@click.option(
    "--type", "kind", type=click.Choice(ACTION_TYPES, case_sensitive=False), default="prevent", show_default=True
)
@pass_cli
def accept(
    cli: CliContext, key: str, event: int, title: str | None, owner: str, due: str, priority: str, kind: str
) -> None:
    """Make the proposed EVENT (an id from `proposals`) an action item of KEY."""
    store = cli.store()
    try:
        due_date = parse_due_date(due, store.now().date(), "--due")
    except DateInputError as exc:
        fail(str(exc))
    fields = {"owner": owner.strip(), "due_date": due_date, "priority": priority.upper(), "type": kind.lower()}
    if title is not None:
        fields["title"] = title
    item = store.accept_proposal(store.get_postmortem(key).id, event, **fields)
    click.echo(item.key)


@postmortem.command("discard")
@click.argument("key")
@click.argument("event", type=int)
@pass_cli
def discard(cli: CliContext, key: str, event: int) -> None:
    """Decide that the proposed EVENT is not a follow-up (it stays on the timeline)."""
    store = cli.store()
    store.discard_proposal(store.get_postmortem(key).id, event)
    click.echo(f"Discarded proposal {event}.")
