"""Every action item as CSV (for a tracker's import; the first column is the
key, so a re-import can match rows) or JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .actions import TriageItem

if TYPE_CHECKING:
    from .store import Store

CSV_HEADERS = ("Key", "Summary", "Assignee", "Due date", "Priority", "Status", "Type", "Source")
PAGE = 5000


def all_items(store: Store) -> Iterator[TriageItem]:
    """Every action item in triage order, read a page at a time."""
    offset = 0
    while True:
        page = store.list_action_items(status="all", limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def item_json(item: TriageItem, today: Any) -> dict[str, Any]:
    """One action item for ``--json`` and ``export actions --format json``."""
    return {
        "key": item.key,
        "title": item.title,
        "owner": item.owner,
        "due_date": item.due_date.isoformat() if item.due_date else None,
        "priority": item.priority,
        "type": item.type,
        "status": item.status,
        "source": item.source,
        "overdue": item.overdue(today),
        "improvement": item.improvement_key,
    }


def actions_json(store: Store) -> list[dict[str, Any]]:
    """Every action item as JSON-ready dicts."""
    today = store.now().date()
    return [item_json(i, today) for i in all_items(store)]


def actions_csv(store: Store) -> str:
    """Every action item as CSV with a header row (see :data:`CSV_HEADERS`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADERS)
    for item in all_items(store):
        due = item.due_date.isoformat() if item.due_date else ""
        writer.writerow((item.key, item.title, item.owner, due, item.priority, item.status, item.type, item.source))
    return out.getvalue()
