"""Set an action item's due date with natural input: ``fri``, ``+3d``, ``2025-12-15``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from store import ActionItem

from ..dates import ACCEPTED, DateInputError, parse_due_date
from .base import StoreDialog


class DueDateDialog(StoreDialog[ActionItem]):
    """Shows the date the text means as you type; Enter saves it (empty clears it)."""

    def __init__(
        self, title: str, current: date | None, today: date, write: Callable[[date | None], ActionItem]
    ) -> None:
        super().__init__(write)
        self.item_title = title
        self.current = current
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Due date", classes="dialog-title")
            yield Static(Content(self.item_title), classes="muted")
            yield Input(self.current.isoformat() if self.current else "", placeholder="fri, +3d, 2025-12-15", id="due")
            yield Static(Content(f"Accepted: {ACCEPTED}. Empty clears the date."), id="preview", classes="muted")
            yield Static("", classes="error", id="error", markup=False)

    @on(Input.Changed, "#due")
    def preview(self, event: Input.Changed) -> None:
        """Say which day the text means (or why it is not a date)."""
        try:
            day = parse_due_date(event.value, self.today)
        except DateInputError as exc:
            self.query_one("#preview", Static).update(Content(str(exc)))
            return
        text = f"{day:%A %d %B %Y}" if day else "No due date."
        self.query_one("#preview", Static).update(Content(text))

    @on(Input.Submitted, "#due")
    def submit(self, event: Input.Submitted) -> None:
        """Parse and save; a bad date keeps the text and says what is accepted."""
        try:
            day = parse_due_date(event.value, self.today)
        except DateInputError as exc:
            self.show_error(str(exc))
            return
        self.save_value(day)
