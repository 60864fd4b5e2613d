"""Declaring an incident: the one use case behind the app's Declare dialog and
``debrief incident new``.

A live incident is declared now; its impact may have started earlier
(``impact_started_at``) and it may already be detected. An incident that is
already over (a retrospective entry) also gives its resolution time: it is
declared at its detection and stored as resolved. Every backfilled milestone
also gets its timeline event, so the timeline and every export show it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .base import StoreBase
from .clock import as_utc, to_iso
from .errors import InvalidInputError
from .incidents import Incident

#: Backfilled milestone → (event kind, event text, how a person names it).
BACKFILL = {
    "impact_started_at": ("impact", "Impact started", "impact started"),
    "detected_at": ("detection", "Detected", "detected"),
    "resolved_at": ("resolution", "Resolved", "resolved"),
}


def check_backfill(times: dict[str, datetime | None], now: datetime) -> dict[str, datetime]:
    """The given milestones, in order and not in the future, or one sentence saying which is wrong."""
    given = {field: as_utc(when) for field, when in times.items() if when is not None}
    for field, when in given.items():
        if when > now:
            raise InvalidInputError(
                f"{BACKFILL[field][2]} time {to_iso(when)} is in the future; give a time that has passed."
            )
    ordered = [given[f] for f in BACKFILL if f in given]
    if ordered != sorted(ordered):
        raise InvalidInputError("times out of order: impact started ≤ detected ≤ resolved.")
    if "resolved_at" in given and "detected_at" not in given and "impact_started_at" not in given:
        raise InvalidInputError("resolved needs impact started or detected too, so the incident has a duration.")
    return given


class DeclareMixin(StoreBase):
    """``declare_incident``: create an incident, with its backfilled milestones."""

    def declare_incident(
        self,
        title: str,
        severity: str = "SEV3",
        commander: str | None = None,
        *,
        impact_started_at: datetime | None = None,
        detected_at: datetime | None = None,
        resolved_at: datetime | None = None,
        source: str = "tui",
        **fields: Any,
    ) -> Incident:
        """Declare an incident in one transaction; each backfilled milestone gets its event.

        Declared now while live; declared at detection (or impact start) and
        ``resolved`` when ``resolved_at`` is given. Refused, with nothing
        written, when the times are in the future or out of order.
        """
        given = check_backfill(
            {"impact_started_at": impact_started_at, "detected_at": detected_at, "resolved_at": resolved_at}, self.now()
        )
        if "resolved_at" in given:
            fields.update(status="resolved", declared_at=given.get("detected_at", given.get("impact_started_at")))
        with self.db.write():
            incident = self.create_incident(title, severity, commander, source=source, **given, **fields)
            for field, when in given.items():
                kind, text, _ = BACKFILL[field]
                self.add_event(incident.id, text, kind, occurred_at=when, source=source)
        return self.get_incident(incident.id)
