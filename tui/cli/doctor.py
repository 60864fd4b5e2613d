"""``debrief doctor``: check the database (version, integrity, WAL, tables,
foreign keys) and say what to do about anything wrong. Read-only."""

from __future__ import annotations

import sys

import click

from store.doctor import examine

from .common import CliContext, pass_cli, print_json


@click.command("doctor")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@pass_cli
def doctor(cli: CliContext, as_json: bool) -> None:
    """Check the database file without changing it; exit 1 when something is wrong."""
    findings = examine(cli.path)
    if as_json:
        print_json(
            {"database": str(cli.path), "ok": all(f.ok for f in findings), "checks": [vars(f) for f in findings]}
        )
    else:
        click.echo(f"Checking {cli.path}")
        for f in findings:
            click.echo(f"  {'ok     ' if f.ok else 'PROBLEM'}  {f.check}: {f.found}")
            if f.advice:
                click.echo(f"           → {f.advice}")
    if not all(f.ok for f in findings):
        sys.exit(1)
