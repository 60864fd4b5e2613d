"""``debrief import``: deployments, alerts or toil from a CSV file, all or nothing."""

from __future__ import annotations

import click

from store.ops_csv import COLUMNS, import_file

from .common import CliContext, pass_cli


@click.command("import")
@click.argument("kind", type=click.Choice(tuple(COLUMNS)))
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@pass_cli
def import_(cli: CliContext, kind: str, file: str) -> None:
    """Import a CSV file of deployments, alerts or toil.

    \b
    deployments: service,deployed_at[,failed,caused,version]
    alerts:      week,total,actionable[,source]
    toil:        person,week,toil_minutes,working_minutes[,category]

    Every row is checked first; one bad row refuses the whole file.
    """
    count = import_file(cli.store(), kind, file)
    click.echo(f"Imported {count} {kind} row{'s' if count != 1 else ''} from {file}.")
