"""Edit a timeline event: its text, time and kind. The store keeps the previous
version; the dialog closes only once the edit is saved."""

from __future__ import annotations

from datetime import UTC

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from store import KINDS, TimelineEvent

from ..capture.grammar import GrammarError, parse_when
from ..capture.zones import zone_label
from .base import StoreDialog


class EditEventDialog(StoreDialog[TimelineEvent]):
    """Asks for the new text, time (UTC, any capture time token) and kind."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="edit_event.cancel")]

    def __init__(self, event: TimelineEvent) -> None:
        super().__init__()
        self.event = event

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Edit event (the previous version is kept)", classes="dialog-title")
            yield Label("Text")
            yield Input(self.event.text, id="text", select_on_focus=False)  # typing adds; it never wipes the text
            yield Label(
                f"Time ({zone_label(self.zone)}): 2025-11-27 14:05:30, -5m, 11:10 EST, or 14:05 "
                f"(on {self.local:%Y-%m-%d})",
                markup=False,
            )
            yield Input(self.local.strftime("%Y-%m-%d %H:%M:%S"), id="time")
            yield Label("Kind")
            yield Select([(k, k) for k in KINDS], value=self.event.kind, allow_blank=False, id="kind")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    @property
    def zone(self):
        """The person's zone: the time is shown and read in it."""
        return getattr(self.app, "zone", UTC)

    @property
    def local(self):
        return self.event.occurred_at.astimezone(self.zone)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def submit(self) -> None:
        """Read the fields, refuse an unreadable or future time in place, then save."""
        try:
            when = parse_when(self.query_one("#time", Input).value, self.app.clock(), self.zone, self.local.date())
        except GrammarError as exc:
            self.show_error(f"Time: {exc}")
            self.query_one("#time", Input).focus()
            return
        self.save(self.query_one("#text", Input).value, when, str(self.query_one("#kind", Select).value))

    @work(group="edit-event", exit_on_error=False)
    async def save(self, text: str, when, kind: str) -> None:
        """Write the edit on the store thread."""
        await self.save_with(self.app.store.edit_event, self.event.id, text=text, occurred_at=when, kind=kind)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without changing the event."""
        self.dismiss(None)
