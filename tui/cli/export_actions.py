"""``debrief export actions``: every action item as CSV (for a tracker's import) or JSON."""

from __future__ import annotations

import csv
import sys

import click

from .actions import item_json
from .common import CliContext, pass_cli, print_json
from .export import export

CSV_HEADERS = ("Summary", "Assignee", "Due date", "Priority", "Status", "Source")
PAGE = 5000


def all_items(store):
    """Every action item in triage order, read a page at a time."""
    offset = 0
    while True:
        page = store.list_action_items(status="all", limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


@export.command("actions")
@click.option("--format", "fmt", type=click.Choice(("csv", "json")), default="csv", show_default=True)
@pass_cli
def export_actions(cli: CliContext, fmt: str) -> None:
    """Write every action item to stdout (CSV headers: Summary, Assignee, Due date, Priority, Status, Source)."""
    store = cli.store()
    if fmt == "json":
        today = store.now().date()
        print_json([item_json(i, today) for i in all_items(store)])
        return
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(CSV_HEADERS)
    for item in all_items(store):
        due = item.due_date.isoformat() if item.due_date else ""
        writer.writerow((item.title, item.owner, due, item.priority, item.status, item.source))
