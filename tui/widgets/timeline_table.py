"""A read-only timeline table (UTC, oldest first, pinned moments marked ★)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from store import TimelineEvent

from ..render import plain, theme_colour


class TimelineTable(DataTable):
    """Shows an incident's events; the parent calls :meth:`show`."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        super().__init__(**kwargs)

    def on_mount(self) -> None:
        self.add_column("Time (UTC)", key="time")
        self.add_column("Event", key="event")

    def show(self, events: list[TimelineEvent], app) -> None:
        """Replace the rows."""
        self.clear()
        pin = theme_colour(app, "pinned")
        for event in events:
            text = Text(("★ " if event.pinned else "") + event.text)
            if event.pinned:
                text.stylize(f"bold {pin}")
            self.add_row(plain(f"{event.occurred_at:%H:%M}"), text, key=str(event.id))
