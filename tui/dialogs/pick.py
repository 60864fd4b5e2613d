"""Pick one of a few values (status, severity, priority, an Act decision) from a list;
the pick is saved before the dialog closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from .base import StoreDialog

R = TypeVar("R")


def severity_choices(current: str) -> list[tuple[str, str]]:
    """Each severity with what it means (the current one marked ``(now)``)."""
    from store.incidents import SEVERITIES, SEVERITY_MEANINGS

    return [(sev, SEVERITY_MEANINGS[sev] + ("  (now)" if sev == current else "")) for sev in SEVERITIES]


class PickDialog(StoreDialog[R]):
    """A titled list of choices ``(value, description)``; Enter saves the highlighted value with
    ``write(value)`` on the store thread and closes with its result. Picking the current value
    closes without a write (result None)."""

    def __init__(
        self, title: str, subject: str, choices: list[tuple[str, str]], current: str | None, write: Callable[[str], R]
    ) -> None:
        super().__init__(write)
        self.dialog_title = title
        self.subject = subject
        self.choices = choices
        self.current = current

    @classmethod
    def of_values(cls, title: str, values: tuple[str, ...], current: str, write: Callable[[str], R]) -> PickDialog[R]:
        """Bare values, the current one marked ``(now)``."""
        return cls(title, "", [(v, "(now)" if v == current else "") for v in values], current, write)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content(self.dialog_title), classes="dialog-title")
            if self.subject:
                yield Static(Content(self.subject), classes="muted")
            options = [Option(Content(f"{value}  {text}".rstrip()), id=value) for value, text in self.choices]
            yield OptionList(*options, id="choices")
            yield Static("", classes="error", id="error", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for value, _ in self.choices]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        """Save the chosen value; picking the current one closes without a write."""
        if event.option.id == self.current:
            self.dismiss(None)
        else:
            self.save_value(event.option.id)
