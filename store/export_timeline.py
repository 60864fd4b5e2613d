"""The timeline a reader of an export sees: the events people logged and the
milestones that stand, without the bookkeeping rows the store writes for each
change (``Mitigated at: … → —``, ``Status: investigating → monitoring``).

Three choices, shared by every export (``--timeline``):

- ``all``: every event people logged, the declaration, severity changes, and
  each milestone the incident holds now;
- ``key``: the key moments only: pinned (★) events, milestone events and the
  milestones that stand;
- ``pinned``: only the events people pinned (★).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from .errors import InvalidInputError
from .events import MILESTONE_KINDS, TimelineEvent
from .incidents import Incident
from .markdown import cell, time_label

TIMELINE_CHOICES = ("all", "key", "pinned")
#: Milestone field → (the kind of event that sets it, how the row reads).
MILESTONE_ROWS: dict[str, tuple[str, str]] = {
    "impact_started_at": ("impact", "Impact started"),
    "detected_at": ("detection", "Detected"),
    "declared_at": ("declared", "Declared"),
    "acknowledged_at": ("acknowledgement", "Acknowledged"),
    "mitigated_at": ("mitigation", "Mitigated"),
    "resolved_at": ("resolution", "Resolved"),
}
#: How a kind reads in the Kind column.
KIND_LABELS = {"acknowledgement": "ack", "communication": "comms", "declared": "declared", "status": "status"}


@dataclass(frozen=True)
class TimelineRow:
    """One row of an exported timeline."""

    at: datetime
    kind: str
    text: str
    pinned: bool = False
    milestone: bool = False

    @property
    def kind_label(self) -> str:
        """The Kind column (``ack`` for acknowledgement, ``comms`` for communication)."""
        return KIND_LABELS.get(self.kind, self.kind)


def check_timeline(choice: str | None) -> str:
    """``all``, ``key`` or ``pinned``; anything else is one sentence naming the choices."""
    value = (choice or "all").strip().lower()
    if value not in TIMELINE_CHOICES:
        raise InvalidInputError(f"timeline {choice!r} is not a choice; use all, key or pinned.")
    return value


def is_bookkeeping(event: TimelineEvent) -> bool:
    """A row the store wrote to record a change (milestone moves, status changes).
    The declaration and severity changes are history a reader wants, so they stay."""
    if event.kind != "status" or event.source != "system":
        return False
    return not (event.text.startswith("Declared ") or event.text.startswith("Severity: "))


def _declaration(event: TimelineEvent) -> bool:
    return event.kind == "status" and event.source == "system" and event.text.startswith("Declared ")


def _row(event: TimelineEvent) -> TimelineRow:
    kind = "declared" if _declaration(event) else event.kind
    return TimelineRow(event.occurred_at, kind, event.text, event.pinned, kind in MILESTONE_KINDS or kind == "declared")


def standing_milestones(incident: Incident, logged: list[TimelineRow]) -> list[TimelineRow]:
    """A row for each milestone the incident holds that no logged row already shows at that time."""
    shown = {(row.kind, row.at) for row in logged}
    rows = []
    for field, (kind, label) in MILESTONE_ROWS.items():
        at = getattr(incident, field)
        if at is not None and (kind, at) not in shown:
            rows.append(TimelineRow(at, kind, label, milestone=True))
    return rows


def timeline_rows(incident: Incident, events: Iterable[TimelineEvent], choice: str = "all") -> list[TimelineRow]:
    """The exported timeline for ``choice`` (see the module docstring), in time order."""
    choice = check_timeline(choice)
    logged = [_row(e) for e in events if not is_bookkeeping(e)]
    if choice == "pinned":
        return [row for row in logged if row.pinned]
    rows = logged + standing_milestones(incident, logged)
    if choice == "key":
        rows = [row for row in rows if row.pinned or row.milestone]
    return sorted(rows, key=lambda row: row.at)


def timeline_markdown(rows: list[TimelineRow], day: datetime | None = None) -> str:
    """The ``| Time | Kind | Event |`` table (UTC); key (pinned) moments marked ★."""
    lines = ["| Time | Kind | Event |", "| --- | --- | --- |"]
    for row in rows:
        mark = "★ " if row.pinned else ""
        lines.append(f"| {time_label(row.at, day)} | {row.kind_label} | {mark}{cell(row.text)} |")
    if not rows:
        lines.append("| — | — | Nothing logged for this choice of timeline. |")
    return "\n".join(lines)
