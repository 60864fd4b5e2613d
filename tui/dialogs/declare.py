"""Declare an incident: title, severity, commander. The incident is on disk
before the dialog closes; if the write fails, the text stays and the reason shows."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from store import SEVERITIES, Incident, StoreError


class DeclareDialog(ModalScreen[Incident | None]):
    """Asks for title, severity and commander, then creates the incident."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="declare.cancel")]

    def __init__(self, commander: str) -> None:
        super().__init__()
        self.default_commander = commander

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Declare an incident", classes="dialog-title")
            yield Label("Title")
            yield Input(placeholder="What is broken, as users see it", id="title")
            yield Label("Severity")
            options = [(s, s) for s in SEVERITIES]
            yield Select(options, value="SEV3", allow_blank=False, id="severity")
            yield Label("Commander")
            yield Input(self.default_commander, id="commander")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Declare", variant="primary", id="declare")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#declare")
    def submit(self) -> None:
        """Validate, then write; the dialog closes only once the incident is saved."""
        title = self.query_one("#title", Input).value.strip()
        if not title:
            self.show_error("Title is empty: say what is broken, as users see it.")
            self.query_one("#title", Input).focus()
            return
        self.save(title, str(self.query_one("#severity", Select).value),
                  self.query_one("#commander", Input).value.strip())

    @work(group="declare", exit_on_error=False)
    async def save(self, title: str, severity: str, commander: str) -> None:
        """Create the incident on the store thread."""
        store = self.app.store
        try:
            incident = await self.app.run_store(store.create_incident, title, severity, commander or None)
        except StoreError as exc:
            self.show_error(f"Not saved: {exc}")
            return
        except Exception as exc:  # noqa: BLE001 - disk full, locked: keep the text, say why
            self.show_error(f"Not saved: {exc}. Your text is still here.")
            return
        self.dismiss(incident)

    def show_error(self, message: str) -> None:
        """One sentence under the fields; the typed text stays."""
        self.query_one("#error", Static).update(message)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without declaring."""
        self.dismiss(None)
