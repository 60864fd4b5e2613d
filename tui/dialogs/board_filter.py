"""Filter the board by status and owner."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select

from store import IMPROVEMENT_STATUSES

from .reassign import complete


@dataclass(frozen=True)
class BoardFilter:
    """Which cards the board shows (None = any)."""

    status: str | None = None
    owner: str | None = None

    def describe(self) -> str:
        """``status in progress · owner dana`` or ``all cards``."""
        parts = ([f"status {self.status.replace('_', ' ')}"] if self.status else []) + (
            [f"owner {self.owner}"] if self.owner else []
        )
        return " · ".join(parts) or "all cards"


class BoardFilterDialog(ModalScreen[BoardFilter | None]):
    """Pick a status and an owner; Apply returns the filter."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="board-filter.cancel")]

    def __init__(self, current: BoardFilter, people: list[str]) -> None:
        super().__init__()
        self.current = current
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Filter improvements", classes="dialog-title")
            yield Label("Status")
            options = [("any status", "any")] + [(s.replace("_", " "), s) for s in IMPROVEMENT_STATUSES]
            yield Select(options, value=self.current.status or "any", allow_blank=False, id="status")
            yield Label("Owner (empty = anyone)")
            yield Input(
                self.current.owner or "", id="owner", suggester=SuggestFromList(self.people, case_sensitive=False)
            )
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Apply", variant="primary", id="apply")

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def apply(self) -> None:
        """Return the filter."""
        status = str(self.query_one("#status", Select).value)
        owner = complete(self.query_one("#owner", Input).value.strip(), self.people) or None
        self.dismiss(BoardFilter(None if status == "any" else status, owner))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Keep the current filter."""
        self.dismiss(None)
