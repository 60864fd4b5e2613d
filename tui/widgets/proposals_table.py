"""Action items proposed by ``/action`` events logged during the incident,
under the postmortem's action items: enter accepts one (owner, due date,
priority in the action item dialog), ``d`` discards it."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from store import TimelineEvent

from ..render import plain


class ProposalsTable(DataTable):
    """Lists proposed action items; the screen handles :class:`Discard` and row selection."""

    BINDINGS = [Binding("d,delete", "discard", "Discard proposal", id="proposals.discard")]

    class Discard(Message):
        """The person wants the highlighted proposal discarded."""

        def __init__(self, event_id: int) -> None:
            super().__init__()
            self.event_id = event_id

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        super().__init__(**kwargs)
        self.events: list[TimelineEvent] = []

    def on_mount(self) -> None:
        self.add_column("Logged (UTC)", key="time")
        self.add_column("By", key="author")
        self.add_column("Proposed action (from the timeline)", key="text")

    def show(self, events: list[TimelineEvent]) -> None:
        """Replace the rows, keeping the cursor row."""
        row = self.cursor_row
        self.events = events
        self.clear()
        for event in events:
            self.add_row(
                plain(f"{event.occurred_at:%m-%d %H:%M}"),
                plain(event.author or "—"),
                plain(event.text),
                key=str(event.id),
            )
        if events:
            self.move_cursor(row=min(row, len(events) - 1), animate=False)

    def selected(self) -> TimelineEvent | None:
        """The highlighted proposal's event."""
        if not self.row_count:
            return None
        return self.events[self.cursor_row]

    def action_discard(self) -> None:
        """Ask the screen to discard the highlighted proposal."""
        event = self.selected()
        if event is not None:
            self.post_message(self.Discard(event.id))
