"""``debrief update``: a stakeholder update for an incident, from the team's template."""

from __future__ import annotations

import click

from store.updates import clock_text

from ..identity import personal_zone
from .common import CliContext, fail, pass_cli


@click.command("update")
@click.argument("key", metavar="INC-KEY")
@click.option("--text", help="The update's text (default: the draft from the team's template).")
@click.option("--edit", is_flag=True, help="Open the draft in $EDITOR before sending it.")
@click.option("--print", "print_only", is_flag=True, help="Print the draft; log nothing.")
@pass_cli
def update(cli: CliContext, key: str, text: str | None, edit: bool, print_only: bool) -> None:
    """Log a stakeholder update on INC-KEY as a communication event and print it
    (paste it into the chat or status page). The next update is due a cadence later."""
    store = cli.store()
    draft = text if text is not None else store.compose_update(key, zone=personal_zone())
    if print_only:
        click.echo(draft)
        return
    if edit:
        edited = click.edit(draft)
        if edited is None:
            fail("the editor closed without saving; nothing was logged.")
        draft = edited
    if not draft.strip():
        fail("text is empty; write the update or leave out --text for the draft.")
    store.send_update(key, draft.strip(), source="cli")
    click.echo(draft.strip())
    due = store.update_due(key)
    if due is not None:
        click.echo(f"debrief: logged; the next update is due at {clock_text(due.due_at, personal_zone())}.", err=True)
    else:
        click.echo("debrief: logged.", err=True)
