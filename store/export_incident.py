"""An incident as Markdown (header and the ``| Time | Kind | Event |`` timeline table, UTC)
or as JSON (every field and event)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .clock import format_duration
from .events import TimelineEvent
from .export_timeline import timeline_markdown, timeline_rows
from .incidents import Incident

if TYPE_CHECKING:
    from .store import Store

PAGE = 2000
MILESTONE_NAMES = (
    ("impact_started_at", "Impact started"),
    ("detected_at", "Detected"),
    ("declared_at", "Declared"),
    ("acknowledged_at", "Acknowledged"),
    ("mitigated_at", "Mitigated"),
    ("resolved_at", "Resolved"),
)


def all_events(store: Store, incident_id: int) -> Iterable[TimelineEvent]:
    """Every (not deleted) event, oldest first, read a page at a time."""
    offset = 0
    while True:
        page = store.list_events(incident_id, limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def header_lines(incident: Incident, now: Any) -> list[str]:
    """Title and the facts of the incident as Markdown bullets."""
    lines = [
        f"# {incident.key}: {incident.title}",
        "",
        f"- **Severity:** {incident.severity}",
        f"- **Status:** {incident.status}",
        f"- **Commander:** {incident.commander or '—'}",
        f"- **Duration:** {incident.duration_text(now)}",
    ]
    if incident.services:
        lines.append(f"- **Services:** {', '.join(incident.services)}")
    for field, name in MILESTONE_NAMES:
        value = getattr(incident, field)
        if value is not None:
            lines.append(f"- **{name}:** {value:%Y-%m-%d %H:%M:%S} UTC")
    for label, seconds in incident.milestone_durations():
        lines.append(f"- **Time to {label}:** {format_duration(seconds)}")
    return lines


def incident_markdown(store: Store, ref: int | str, timeline: str = "all") -> str:
    """The incident header and its timeline table (UTC; ``timeline`` as in :mod:`store.export_timeline`)."""
    incident = store.get_incident(ref)
    lines = header_lines(incident, store.now())
    for problem in incident.out_of_order():
        lines.append(f"- **Check milestones:** {problem}")
    if incident.summary:
        lines += ["", incident.summary]
    lines += [
        "",
        "## Timeline (UTC)",
        "",
        timeline_markdown(timeline_rows(incident, all_events(store, incident.id), timeline)),
    ]
    return "\n".join(lines) + "\n"


def incident_json(store: Store, ref: int | str) -> dict[str, Any]:
    """Every field of the incident and every (not deleted) event."""
    incident = store.get_incident(ref)
    data = {"key": incident.key, **incident.model_dump(mode="json")}
    data["events"] = [event.model_dump(mode="json") for event in all_events(store, incident.id)]
    return data
