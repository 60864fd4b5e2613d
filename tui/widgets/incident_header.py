"""The header of an incident: key, title, severity, status, commander, milestones."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.widgets import Static

from store import Incident
from themes import severity_variable

from ..render import utc

MILESTONE_LABELS = (
    ("impact_started_at", "Impact"),
    ("detected_at", "Detected"),
    ("declared_at", "Declared"),
    ("acknowledged_at", "Acked"),
    ("mitigated_at", "Mitigated"),
    ("resolved_at", "Resolved"),
)


def headline(incident: Incident, now: datetime) -> Content:
    """``INC-0042  SEV2  title  · status · commander · 1h 35m``."""
    sev = f"bold ${severity_variable(incident.severity)}"
    return Content.assemble(
        (incident.key, "bold"), "  ", (incident.severity, sev), "  ", (incident.title, "bold"),
        "\n", ("Status ", "dim"), incident.status, ("  Commander ", "dim"), incident.commander or "—",
        ("  Duration ", "dim"), incident.duration_text(now),
    )


def milestones(incident: Incident) -> Content:
    """The milestone times that exist, in UTC."""
    parts: list = []
    for field, label in MILESTONE_LABELS:
        value = getattr(incident, field)
        if value is not None:
            parts += [(f"{label} ", "dim"), utc(value), "  "]
    return Content.assemble(*parts) if parts else Content("")


class IncidentHeader(Static):
    """Shows one incident's header; call :meth:`show` with fresh data."""

    def show(self, incident: Incident, now: datetime) -> None:
        """Render the incident (its text is never parsed as markup)."""
        self.update(Content("\n").join([headline(incident, now), milestones(incident)]))
