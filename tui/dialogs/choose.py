"""Pick one value from a short list (status, severity) and save it at once."""

from __future__ import annotations

from typing import Any, Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from .saving import SavingDialog


class ChooseDialog(SavingDialog):
    """Arrow keys and Enter pick a value; ``save(value)`` runs on the store thread."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choose.cancel")]

    def __init__(self, title: str, choices: tuple[str, ...], current: str, save: Callable[[str], Any]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current
        self.save_fn = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.title_text), classes="dialog-title")
            options = [Option(Content(c + ("  (now)" if c == self.current else "")), id=c) for c in self.choices]
            yield OptionList(*options, id="choices")
            yield Static("", classes="error", id="error", markup=False)

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        if self.current in self.choices:
            choices.highlighted = self.choices.index(self.current)
        choices.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        """Save the chosen value (nothing to do when it is the current one)."""
        if event.option.id == self.current:
            self.dismiss(None)
            return
        self.save(event.option.id)

    @work(group="choose", exit_on_error=False)
    async def save(self, value: str) -> None:
        await self.save_with(self.save_fn, value)

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)
