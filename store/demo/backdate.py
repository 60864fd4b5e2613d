"""Give demo rows the times they would have had in real life.

The other seeders write through the store, so postmortems and action items get
the clock's "now" as their creation time. Here they are moved to just after
their incident was resolved, and done items are closed a week and a bit later,
so timeliness, completion and days-to-close read like a team's history.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import TYPE_CHECKING

from ..clock import to_iso
from .dates import moved

if TYPE_CHECKING:
    from ..store import Store

ISO = "%Y-%m-%dT%H:%M:%fZ"
#: Postmortems whose draft came late (days after resolution), so timeliness is not a perfect 100%.
LATE_DRAFTS = {2: "+4 days", 6: "+3 days"}
#: When the action items with no incident were written (moved to follow today).
UNLINKED_CREATED = "2025-11-03"


def unlinked_created(store: Store) -> str:
    """10:00 UTC on the moved :data:`UNLINKED_CREATED` day, as stored text."""
    return to_iso(datetime.combine(moved(store, UNLINKED_CREATED), time(10), tzinfo=UTC))


def seed(store: Store) -> None:
    """Backdate postmortems and action items relative to their incidents."""
    conn = store.db.conn
    for incident_id in store.db.query("SELECT incident_id FROM postmortem"):
        delay = LATE_DRAFTS.get(incident_id[0], "+16 hours")
        conn.execute(
            f"UPDATE postmortem SET created_at = strftime('{ISO}', i.resolved_at, ?) "
            "FROM incident i WHERE i.id = postmortem.incident_id AND postmortem.incident_id = ? "
            "AND i.resolved_at IS NOT NULL",
            (delay, incident_id[0]),
        )
    conn.execute(
        f"UPDATE action_item SET created_at = coalesce((SELECT strftime('{ISO}', resolved_at, '+16 hours') "
        "FROM incident WHERE incident.id = action_item.incident_id), ?)",
        (unlinked_created(store),),
    )
    conn.execute(
        f"UPDATE action_item SET done_at = strftime('{ISO}', created_at, '+9 days'), updated_at = "
        f"strftime('{ISO}', created_at, '+9 days') WHERE status IN ('done', 'wont_do')"
    )
