"""``debrief postmortem``: start one from an incident, show its status, move
it through review (``draft`` → ``in_review`` → ``published``)."""

from __future__ import annotations

import click

from store.postmortem_parts import SECTIONS

from .common import CliContext, pass_cli, print_json


@click.group()
def postmortem() -> None:
    """Start, inspect and review postmortems."""


@postmortem.command("new")
@click.argument("incident")
@click.option("--author", help="Author (default: you; see `debrief config get me`).")
@pass_cli
def new(cli: CliContext, incident: str, author: str | None) -> None:
    """Start the postmortem of INCIDENT, such as INC-0013, pre-filled from it."""
    created = cli.store().create_postmortem(incident, author=author)
    click.echo(created.key)


def filled_sections(store, pm_id: int) -> dict[str, bool]:
    """Which template sections have content."""
    bodies = store.section_bodies(pm_id)
    has_actions = bool(store.action_items_for_postmortem(pm_id))
    return {
        s.name: bool(bodies.get(s.name, "").strip())
        or (s.name == "actions" and has_actions)
        or s.kind in ("timeline", "impact")
        for s in SECTIONS
    }


@postmortem.command("status")
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_cli
def status(cli: CliContext, key: str, as_json: bool) -> None:
    """Status, reviewers and sign-offs, and which sections are filled."""
    store = cli.store()
    pm = store.get_postmortem(key)
    reviewers = store.reviewers(pm.id)
    filled = filled_sections(store, pm.id)
    if as_json:
        print_json(
            {
                "key": pm.key,
                "status": pm.status,
                "author": pm.author,
                "facilitator": pm.facilitator,
                "reviewers": [r.model_dump(mode="json") for r in reviewers],
                "sections": filled,
            }
        )
        return
    click.echo(f"{pm.key}  {pm.status}  author {pm.author or '—'}  facilitator {pm.facilitator or '—'}")
    for r in reviewers:
        signed = f"signed off {r.signed_off_at:%Y-%m-%d %H:%M}Z" if r.signed_off_at else "not signed off"
        click.echo(f"  reviewer {r.name}: {signed}")
    for s in SECTIONS:
        click.echo(f"  [{'x' if filled[s.name] else ' '}] {s.title}")


@postmortem.command("review")
@click.argument("key")
@click.option("--reviewer", "reviewers", multiple=True, required=True, help="Reviewer name (repeatable).")
@pass_cli
def review(cli: CliContext, key: str, reviewers: tuple[str, ...]) -> None:
    """Send the postmortem KEY to review with named reviewers."""
    store = cli.store()
    pm = store.request_review(store.get_postmortem(key).id, list(reviewers), facilitator=store.me)
    click.echo(f"{pm.key} is in review with {', '.join(reviewers)}.")


@postmortem.command("signoff")
@click.argument("key")
@click.option("--as", "name", help="Reviewer name (default: you; see `debrief config get me`).")
@pass_cli
def signoff(cli: CliContext, key: str, name: str | None) -> None:
    """Record a reviewer's sign-off on KEY, with the time."""
    store = cli.store()
    reviewer = store.sign_off(store.get_postmortem(key).id, name or store.me)
    click.echo(f"{reviewer.name} signed off at {reviewer.signed_off_at:%Y-%m-%d %H:%M}Z.")


@postmortem.command("publish")
@click.argument("key")
@click.option("--force", is_flag=True, help="Publish even though the publish check finds something left.")
@pass_cli
def publish(cli: CliContext, key: str, force: bool) -> None:
    """Publish KEY (it must be in review). Runs the same check as the app's review
    dialog (F4): warning-level hints, unfilled placeholders, empty required sections,
    reviewers not signed off; refuses with the list unless --force."""
    from tui.hints import Linter

    from ..postmortem_state import text_checker

    store = cli.store()
    pm = store.publish_postmortem(store.get_postmortem(key).id, text_checker(Linter()), force=force)
    click.echo(f"{pm.key} published.")
