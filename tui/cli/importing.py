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
    count = import_file(cli.store(create=True), kind, file)
    if not count:
        click.echo(f"{file} has no data rows under its header; nothing was imported.")
        return
    one, many = WHAT[kind]
    click.echo(f"Imported {count} {one if count == 1 else many} from {file}.")


#: How to count what a file held: (one, many).
WHAT = {"deployments": ("deployment", "deployments"), "alerts": ("weekly alert count", "weekly alert counts"),
        "toil": ("weekly toil entry", "weekly toil entries")}
