"""Under the incident header: who holds each role now, the countdown to the next
stakeholder update (a warning once overdue), and nudges (no commander, not
acknowledged). A line, never a modal: the commander keeps typing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from textual.content import Content
from textual.widgets import Static

from store import format_duration
from store.updates import UpdateDue, clock_text


@dataclass(frozen=True)
class TeamState:
    """What the bar shows, read in one store call."""

    holders: dict[str, str] = field(default_factory=dict)
    due: UpdateDue | None = None
    nudges: list[str] = field(default_factory=list)


def roles_line(holders: dict[str, str]) -> Content:
    """``Roles commander dana · comms priya`` (names are text, never markup)."""
    if not holders:
        return Content.assemble(("Roles", "dim"), " ", ("none assigned: ctrl+y assigns one", "dim"))
    parts: list[Content | str | tuple[str, str]] = [("Roles", "dim"), " "]
    for i, (role, holder) in enumerate(holders.items()):
        parts += ([("  ·  ", "dim")] if i else []) + [(role, "dim"), " ", (holder, "bold")]
    return Content.assemble(*parts)


def update_line(due: UpdateDue | None, now: datetime, zone: tzinfo) -> Content:
    """``Next update in 12m (09:30 UTC)`` or, overdue, a warning with the key to send it."""
    if due is None:
        return Content("")
    left = due.seconds_left(now)
    at = clock_text(due.due_at, zone)
    if left < 0:
        return Content.assemble(
            (f"⚠ Stakeholder update overdue by {format_duration(-left)} (due {at})", "bold $warning"),
            ("  ctrl+g composes it", "dim"),
        )
    return Content.assemble(
        ("Next update", "dim"),
        " in ",
        (format_duration(left), "bold"),
        (f" ({at}, every {due.cadence_minutes} min)", "dim"),
    )


class TeamBar(Static):
    """Roles, update countdown and nudges for the open incident; :meth:`show` redraws."""

    state: TeamState = TeamState()

    def show(self, state: TeamState | None, now: datetime, zone: tzinfo) -> None:
        """Render ``state`` (or the last one, for the ticking countdown)."""
        self.state = state or self.state
        due = update_line(self.state.due, now, zone)
        first = (
            Content.assemble(roles_line(self.state.holders), "   ", due)
            if due.cell_length
            else roles_line(self.state.holders)
        )
        lines = [first] + [Content.assemble(("● ", "bold $warning"), (n, "$warning")) for n in self.state.nudges]
        self.set_class(self.state.due is not None and self.state.due.seconds_left(now) < 0, "overdue")
        self.update(Content("\n").join(lines))
