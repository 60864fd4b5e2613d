"""Ask for one line of text (commander, title) and save it before closing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from .saving import SavingDialog


class TextPromptDialog(SavingDialog):
    """One field; ``save(value)`` runs on the store thread."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="text_prompt.cancel")]

    def __init__(self, title: str, value: str, save: Callable[[str], Any]) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.save_fn = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.title_text), classes="dialog-title")
            yield Input(self.value, id="value")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def submit(self) -> None:
        """Save the value; the dialog closes once it is on disk."""
        self.save(self.query_one(Input).value)

    @work(group="text-prompt", exit_on_error=False)
    async def save(self, value: str) -> None:
        await self.save_with(self.save_fn, value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)
