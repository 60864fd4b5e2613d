"""``debrief demo``: fill an empty database with demo data."""

from __future__ import annotations

import click

from store.demo import load_demo

from .common import CliContext, pass_cli


@click.command()
@click.option("--force", is_flag=True, help="Add the demo data even when the database is not empty.")
@pass_cli
def demo(cli: CliContext, force: bool) -> None:
    """Fill the database with the seed's example incident and six months of history."""
    store = cli.store(create=True)
    load_demo(store, force=force)
    click.echo(
        f"Demo data written to {store.path}, mostly by dana; you are {store.me} "
        "(to see it as dana: debrief --as dana; to change who you are: debrief config set me NAME)."
    )
    click.echo(f"Open it with: debrief --db {store.path}")
