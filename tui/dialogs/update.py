"""The stakeholder-update composer: the draft from the team's template, editable;
sending logs it as a ``communication`` event and copies it to the clipboard."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label, Static, TextArea

from store import TimelineEvent

from .base import StoreDialog


class UpdateDialog(StoreDialog):
    """Edit and send an update; dismisses with the logged event (None when cancelled).
    A failed write keeps the text here and says why."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="update.cancel"),
        Binding("ctrl+s", "send", "Send", id="update.send"),
    ]

    def __init__(self, incident_id: int, key: str, draft: str) -> None:
        super().__init__()
        self.incident_id = incident_id
        self.key = key
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(f"Stakeholder update · {self.key}"), classes="dialog-title")
            yield TextArea(self.draft, id="update-text", soft_wrap=True, show_line_numbers=False)
            yield Static(
                "ctrl+s sends: logged as a communication event and copied to the clipboard",
                classes="muted",
                markup=False,
            )
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Send", variant="primary", id="send")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @property
    def text(self) -> str:
        """The update as it stands."""
        return self.query_one(TextArea).text.strip()

    @on(Button.Pressed, "#send")
    def action_send(self) -> None:
        """Log the update; the dialog closes once it is on disk."""
        if not self.text:
            self.show_error("The update is empty; write what stakeholders should know.")
            return
        self.send(self.text)

    @work(group="update-send", exit_on_error=False)
    async def send(self, text: str) -> None:
        await self.save_with(self.app.store.send_update, self.incident_id, text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without sending (the draft is rebuilt next time)."""
        self.dismiss(None)


def sent_text(event: TimelineEvent | None) -> str | None:
    """The text to copy once an update was logged."""
    return event.text if event is not None else None
