"""The incident screen: its header and its timeline events from the store."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer

from store import TimelineEvent

from ..messages import DataChanged
from ..render import plain, theme_colour, utc
from ..widgets.incident_header import IncidentHeader


class IncidentScreen(Screen):
    """One incident: header and timeline (oldest first), paged from the store."""

    HELP = """
## Incident

The header shows severity, status, commander, duration and the milestone
times that exist; the timeline lists events in UTC, oldest first.

| key | does |
| --- | --- |
| `p` | open the postmortem (started, pre-filled, on first use) |
| `t` | postmortem triggers (customer-facing, data loss, …) |
| `escape` | back to the list |
"""
    BINDINGS = [Binding("escape", "back", "Back", id="incident.back"),
                Binding("p", "postmortem", "Postmortem", id="incident.postmortem"),
                Binding("t", "triggers", "Triggers", id="incident.triggers")]
    PAGE = 500

    def __init__(self, incident_id: int) -> None:
        super().__init__()
        self.incident_id = incident_id

    def compose(self) -> ComposeResult:
        yield IncidentHeader(id="header")
        yield DataTable(cursor_type="row", id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("Time (UTC)", "Kind", "Event", "Author"):
            table.add_column(label, key=label.lower())
        self.reload()

    @on(DataChanged)
    def reload(self) -> None:
        """Read the incident and its first page of events."""
        self.load()

    @work(exclusive=True, group="incident-load", exit_on_error=False)
    async def load(self) -> None:
        store = self.app.store
        incident = await self.app.run_store(store.get_incident, self.incident_id)
        events = await self.app.run_store(store.list_events, self.incident_id, limit=self.PAGE)
        self.query_one(IncidentHeader).show(incident, self.app.clock())
        self.show_events(events)

    def show_events(self, events: list[TimelineEvent]) -> None:
        """Replace the timeline rows."""
        table = self.query_one(DataTable)
        table.clear()
        pin = theme_colour(self.app, "pinned")
        for event in events:
            text = plain(("★ " if event.pinned else "") + event.text)
            if event.pinned:
                text.stylize(f"bold {pin}")
            table.add_row(plain(utc(event.occurred_at)), plain(event.kind), text, plain(event.author),
                          key=str(event.id))

    async def action_postmortem(self) -> None:
        """Open (or start) this incident's postmortem."""
        from ..postmortem_nav import open_postmortem
        await open_postmortem(self.app, self.incident_id)

    async def action_triggers(self) -> None:
        """Set the postmortem triggers of this incident."""
        from ..dialogs.triggers import TriggersDialog
        incident = await self.app.run_store(self.app.store.get_incident, self.incident_id)
        self.app.push_screen(TriggersDialog(incident), lambda saved: saved and self.reload())

    def action_back(self) -> None:
        """Return to the incidents list."""
        self.dismiss()
