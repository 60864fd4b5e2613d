"""Reassign an action item, with completion from the people debrief knows."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from store import ActionItem

from .base import StoreDialog


def complete(name: str, people: list[str]) -> str:
    """The known person ``name`` names (any case), or the one whose name starts with it, else ``name``."""
    if not name:
        return name
    exact = [p for p in people if p.lower() == name.lower()]
    if exact:
        return name if name in exact else exact[0]
    matches = [p for p in people if p.lower().startswith(name.lower())]
    return matches[0] if len(matches) == 1 else name


def ambiguous(name: str, people: list[str]) -> list[str]:
    """The known people ``name`` could be short for, when it is not a name itself and fits more than one."""
    if name.lower() in (p.lower() for p in people):
        return []
    matches = [p for p in people if p.lower().startswith(name.lower())]
    return matches if len(matches) > 1 else []


class ReassignDialog(StoreDialog[ActionItem]):
    """Type a name (→ completes from known people); Enter saves."""

    def __init__(self, title: str, owner: str, people: list[str], write: Callable[[str], ActionItem]) -> None:
        super().__init__(write)
        self.item_title = title
        self.owner = owner
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Reassign", classes="dialog-title")
            yield Static(Content(self.item_title), classes="muted")
            yield Input(
                self.owner,
                placeholder="owner",
                id="owner",
                suggester=SuggestFromList(self.people, case_sensitive=False),
            )
            yield Static(Content("Enter saves (a unique prefix of a known name completes to it)."), classes="muted")
            yield Static("", classes="error", id="error", markup=False)

    @on(Input.Submitted, "#owner")
    def submit(self, event: Input.Submitted) -> None:
        """An owner is required."""
        name = complete(event.value.strip(), self.people)
        if not name:
            self.show_error("Owner is empty: type a name (known people complete with →).")
            return
        several = ambiguous(name, self.people)
        if several:
            self.show_error(f"'{name}' could be {', '.join(several[:-1])} or {several[-1]}; type more of the name.")
            return
        self.save_value(name)
