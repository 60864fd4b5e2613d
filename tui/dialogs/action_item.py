"""Add or edit an action item: title, owner (completed from people already
known), due date (``2025-12-01``, ``fri``, ``+7d``), priority and type. The
row is on disk before the dialog closes; a failed write keeps the text."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static
from textual.widgets.input import Selection as InputSelection

from store import ACTION_TYPES, PRIORITIES, ActionItem

from ..dates import DateInputError, parse_due_date
from ..hints import Linter
from ..hints.rewrite import Edit, plan
from .base import StoreDialog

LINTER = Linter()


class ActionItemDialog(StoreDialog[ActionItem]):
    """Creates (``item`` None) or edits an action item of a postmortem."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="action_item.cancel"),
        Binding("ctrl+s", "submit", "Save", id="action_item.save"),
        Binding("ctrl+r", "reword", "Rewrite", id="action_item.reword"),
    ]

    def __init__(
        self,
        postmortem_id: int,
        people: list[str],
        today: date,
        item: ActionItem | None = None,
        draft: tuple[str, tuple[int, int]] | None = None,
    ) -> None:
        """``draft`` is a reworded title and the range to select in it (ctrl+r
        on a hinted item): shown in place of the saved title until saved."""
        super().__init__()
        self.postmortem_id = postmortem_id
        self.people = people
        self.today = today
        self.item = item
        self.draft = draft

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(classes="dialog"):
            yield Label(f"Edit {item.key}" if item else "Add an action item", classes="dialog-title", markup=False)
            yield Label("Action (what will change)")
            yield Input(item.title if item else "", id="title", placeholder="e.g. Alert on pool saturation above 80%")
            yield Static("", id="title-hint", markup=False)
            yield Label("Owner")
            yield Input(
                item.owner if item else "",
                id="owner",
                suggester=SuggestFromList(self.people, case_sensitive=False),
                placeholder="a name; → accepts the completion",
            )
            yield Label("Due date")
            due = item.due_date.isoformat() if item and item.due_date else ""
            yield Input(due, id="due", placeholder="2025-12-01, fri, +7d")
            yield Static("", id="due-preview", markup=False)
            with Horizontal(classes="row"):
                yield Select(
                    [(p, p) for p in PRIORITIES],
                    value=item.priority if item else "P2",
                    allow_blank=False,
                    id="priority",
                )
                yield Select(
                    [(t, t) for t in ACTION_TYPES], value=item.type if item else "prevent", allow_blank=False, id="type"
                )
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        title = self.query_one("#title", Input)
        title.focus()
        if self.draft is not None:
            text, (start, end) = self.draft
            title.value = text
            title.selection = InputSelection(start, end)
        self.title_changed()
        self.due_changed()

    @on(Input.Changed, "#due")
    def due_changed(self) -> None:
        """Say which day ``fri`` or ``+7d`` means, as it is typed."""
        preview = self.query_one("#due-preview", Static)
        try:
            due = parse_due_date(self.query_one("#due", Input).value, self.today)
        except DateInputError:
            due = None
        preview.update(f"→ {due:%a %d %b %Y}" if due else "")
        preview.display = due is not None

    def title_rewrite(self) -> Edit | None:
        """What ctrl+r does to the title's first hint (None without a hint)."""
        title = self.query_one("#title", Input).value
        hints = LINTER.lint(title, "Action Items")
        return plan(title, hints[0], LINTER.by_id[hints[0].rule]) if hints else None

    @on(Input.Changed, "#title")
    def title_changed(self) -> None:
        """Blameless hints on the title as it is typed (punitive remedies and the like)."""
        hints = LINTER.lint(self.query_one("#title", Input).value, "Action Items")
        edit = self.title_rewrite() if hints else None
        text = f"Hint: {hints[0].message}" + (f" ctrl+r will {edit.label}." if edit else "") if hints else ""
        hint = self.query_one("#title-hint", Static)
        hint.update(text)
        hint.display = bool(hints)

    def action_reword(self) -> None:
        """ctrl+r: apply the title hint's rewrite, selecting any placeholder to fill in."""
        edit = self.title_rewrite()
        if edit is None:
            self.notify("The action has no blameless hint to rewrite.", markup=False)
            return
        title = self.query_one("#title", Input)
        title.value = edit.apply(title.value)
        title.focus()
        title.selection = InputSelection(*edit.select)

    def action_submit(self) -> None:
        """ctrl+s: save from any field."""
        self.submit()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def submit(self) -> None:
        """Check the fields, then write the row."""
        title = self.query_one("#title", Input).value.strip()
        if not title:
            self.show_error("Action is empty: say what will change.", "#title")
            return
        try:
            due = parse_due_date(self.query_one("#due", Input).value, self.today)
        except DateInputError as exc:
            self.show_error(str(exc), "#due")
            return
        fields = {
            "title": title,
            "owner": self.query_one("#owner", Input).value.strip(),
            "due_date": due,
            "priority": self.query_one("#priority", Select).value,
            "type": self.query_one("#type", Select).value,
        }
        self.save(fields)

    @work(group="action-item", exit_on_error=False)
    async def save(self, fields: dict) -> None:
        """Create or update on the store thread; close only once saved (else keep the fields, say why)."""
        store = self.app.store
        if self.item is None:
            await self.save_with(store.create_action_item, postmortem_id=self.postmortem_id, **fields)
        else:
            await self.save_with(store.update_action_item, self.item.id, **fields)

    def show_error(self, message: str, focus: str | None = None) -> None:
        """One sentence under the fields; the typed text stays."""
        self.query_one("#error", Static).update(message)
        if focus:
            self.query_one(focus, Input).focus()

    def typed(self) -> bool:
        """True when the title differs from what is saved (a new title, or an edit)."""
        title = self.query_one("#title", Input).value.strip()
        return title != (self.item.title if self.item else "")

    async def unsaved_on_quit(self) -> str | None:
        """Called by the app before it quits (ctrl+q): what quitting would lose."""
        if not self.typed():
            return None
        return f"Action item: {self.query_one('#title', Input).value.strip()}"

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
