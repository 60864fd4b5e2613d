"""Filter the triage list: owner (empty = everyone), status, overdue only."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, Select

from store.actions import STATUS_FILTERS

from .reassign import complete

STATUS_LABELS = {
    "active": "open or in progress",
    "open": "open",
    "in_progress": "in progress",
    "done": "done",
    "wont_do": "won't do",
    "closed": "done or won't do",
    "all": "any status",
}


@dataclass(frozen=True)
class TriageFilter:
    """What the triage list shows: ``owner`` None means everyone."""

    owner: str | None
    status: str = "active"
    overdue: bool = False

    def describe(self) -> str:
        """``dana · open or in progress · overdue only``."""
        parts = [self.owner or "everyone", STATUS_LABELS[self.status]]
        return " · ".join(parts + (["overdue only"] if self.overdue else []))


class TriageFilterDialog(ModalScreen[TriageFilter | None]):
    """Edit the filter; Enter or Apply returns it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="triage-filter.cancel")]

    def __init__(self, current: TriageFilter, people: list[str]) -> None:
        super().__init__()
        self.current = current
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Filter action items", classes="dialog-title")
            yield Label("Owner (empty = everyone)")
            yield Input(
                self.current.owner or "", id="owner", suggester=SuggestFromList(self.people, case_sensitive=False)
            )
            yield Label("Status")
            yield Select(
                [(STATUS_LABELS[s], s) for s in STATUS_FILTERS],
                value=self.current.status,
                allow_blank=False,
                id="status",
            )
            yield Checkbox("Overdue only", self.current.overdue, id="overdue")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Apply", variant="primary", id="apply")

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def apply(self) -> None:
        """Return the filter (a unique prefix of a known name stands for that person, as in reassign)."""
        owner = complete(self.query_one("#owner", Input).value.strip(), self.people) or None
        status = str(self.query_one("#status", Select).value)
        self.dismiss(TriageFilter(owner, status, self.query_one("#overdue", Checkbox).value))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Keep the current filter."""
        self.dismiss(None)
