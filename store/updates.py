"""Stakeholder updates: the draft from the team's template, sending it (a
``communication`` event), when the next one is due by the cadence, and the
nudges an active incident needs (no commander, not acknowledged)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from .base import StoreBase
from .clock import format_duration, from_iso
from .events import TimelineEvent
from .incidents import Incident
from .team import fill_template

#: Kinds whose latest events say "what is being done".
DOING_KINDS = ("action", "mitigation", "decision", "deploy", "escalation")
ACK_GRACE = timedelta(minutes=15)


@dataclass(frozen=True)
class UpdateDue:
    """When the next stakeholder update is due, and what that is counted from."""

    due_at: datetime
    cadence_minutes: int
    last_sent_at: datetime | None

    def seconds_left(self, now: datetime) -> float:
        """Seconds until due; negative once overdue."""
        return (self.due_at - now).total_seconds()


def impact_text(incident: Incident) -> str:
    """Users affected, revenue and SLO impact as one line (or 'being assessed')."""
    parts = []
    users = getattr(incident, "users_affected_text", "") or (
        f"{incident.users_affected:,} users affected" if incident.users_affected is not None else ""
    )
    for part in (users, incident.revenue_impact, incident.slo_impact):
        if part and part.strip():
            parts.append(part.strip())
    return "; ".join(parts) or "being assessed"


def clock_text(when: datetime, zone: tzinfo) -> str:
    """``14:35 UTC`` (or the person's zone)."""
    local = when.astimezone(zone)
    return f"{local:%H:%M} {local.tzname() or 'UTC'}"


class UpdatesMixin(StoreBase):
    """Compose, send and schedule stakeholder updates; nudges."""

    def update_due(self, incident: int | str) -> UpdateDue | None:
        """The next update's due time for an active incident whose severity has a cadence;
        counted from the last ``communication`` event, else from the declaration."""
        found = self.get_incident(incident)  # type: ignore[attr-defined]
        minutes = self.update_cadence().get(found.severity)  # type: ignore[attr-defined]
        if not found.active or minutes is None:
            return None
        row = self.db.one(
            "SELECT max(occurred_at) FROM timeline_event WHERE incident_id = ? "
            "AND kind = 'communication' AND deleted_at IS NULL",
            (found.id,),
        )
        last = from_iso(row[0]) if row[0] else None
        return UpdateDue((last or found.declared_at) + timedelta(minutes=minutes), minutes, last)

    def compose_update(self, incident: int | str, zone: tzinfo = UTC) -> str:
        """A stakeholder update from the team's template, filled from the incident."""
        found = self.get_incident(incident)  # type: ignore[attr-defined]
        holders = self.role_holders(found.id)  # type: ignore[attr-defined]
        return fill_template(
            self.update_template(),
            {  # type: ignore[attr-defined]
                "key": found.key,
                "title": found.title,
                "status": found.status,
                "severity": found.severity,
                "commander": holders.get("commander") or "not assigned",
                "roles": ", ".join(f"{role} {who}" for role, who in holders.items()) or "none assigned",
                "impact": impact_text(found),
                "doing": self._doing(found.id),
                "duration": found.duration_text(self.now()),
                "next_update": self._next_text(found, zone),
            },
        )

    def _doing(self, incident_id: int) -> str:
        """The latest three actions, mitigations, decisions (newest first)."""
        marks = ", ".join("?" for _ in DOING_KINDS)
        rows = self.db.query(
            f"SELECT text FROM timeline_event WHERE incident_id = ? AND kind IN ({marks}) "
            "AND deleted_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT 3",
            (incident_id, *DOING_KINDS),
        )
        return "; ".join(r["text"] for r in rows) or "investigating"

    def _next_text(self, incident: Incident, zone: tzinfo) -> str:
        """When the next update will come, by the cadence from now."""
        minutes = self.update_cadence().get(incident.severity)  # type: ignore[attr-defined]
        if not incident.active:
            return f"none planned: the incident is {incident.status}"
        if minutes is None:
            return "when there is news"
        return f"by {clock_text(self.now() + timedelta(minutes=minutes), zone)} (in {minutes} min)"

    def send_update(
        self, incident: int | str, text: str, author: str | None = None, source: str = "tui"
    ) -> TimelineEvent:
        """Log a stakeholder update as a ``communication`` event (the next one is due a
        cadence from now). Committed when this returns."""
        return self.add_event(incident, text, kind="communication", author=author, source=source)  # type: ignore[attr-defined]

    def nudges(self, incident: int | str) -> list[str]:
        """What an active incident is missing: a commander, a severity (declared without
        one), or an acknowledgement 15 minutes after it was declared. (An overdue update
        shows on its countdown.)"""
        found = self.get_incident(incident)  # type: ignore[attr-defined]
        if not found.active:
            return []
        now, found_nudges = self.now(), []
        if not self.role_holders(found.id).get("commander"):  # type: ignore[attr-defined]
            found_nudges.append("No commander: ctrl+o names one (ctrl+y for any role)")
        if not found.severity_assessed:
            found_nudges.append(f"No severity yet ({found.severity} by default): ctrl+l sets it")
        since = now - found.declared_at
        if found.acknowledged_at is None and since >= ACK_GRACE:
            found_nudges.append(
                f"Not acknowledged {format_duration(since.total_seconds())} after it was declared: log /ack"
            )
        return found_nudges
