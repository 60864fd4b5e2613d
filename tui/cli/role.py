"""``debrief incident role``: who holds which role on an incident, and hand-offs."""

from __future__ import annotations

import click

from .common import CliContext, fail, pass_cli, print_json
from .incident import incident


@incident.command("role")
@click.argument("key", metavar="INC-KEY")
@click.argument("role", required=False)
@click.argument("holder", required=False)
@click.option("--clear", is_flag=True, help="Nobody holds ROLE any more.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (the current holders).")
@pass_cli
def role(cli: CliContext, key: str, role: str | None, holder: str | None, clear: bool, as_json: bool) -> None:
    """Give ROLE to HOLDER on INC-KEY (a hand-off from whoever held it), or list who
    holds which role. Roles: the team's list (`debrief config get --team roles`)."""
    store = cli.store()
    if role is not None and holder is None and not clear:
        fail(f"holder is missing; give a name (debrief incident role {key} {role} NAME) or --clear.")
    if clear and holder is not None:
        fail("give a holder or --clear, not both.")
    if role is not None:
        before = store.role_holders(key).get(store.check_role(role), "")
        after = store.assign_role(key, role, None if clear else holder, source="cli")
        now = after.holder if after else ""
        name = store.check_role(role)
        if before == now:
            click.echo(f"{name}: {now or 'nobody'} already (no change).")
        else:
            click.echo(f"{name}: {before or '—'} → {now or '—'}")
        return
    holders = store.role_holders(key)
    if as_json:
        print_json(holders)
        return
    for name in store.roles():
        click.echo(f"{name:<10} {holders.get(name, '—')}")
