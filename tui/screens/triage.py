"""The Action items screen: triage every action item, "mine, overdue first" by default."""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from store import StoreError
from store.actions import TriageItem

from ..dialogs.due_date import DueDateDialog
from ..dialogs.improvement_form import FORM_FIELDS, ImprovementForm
from ..dialogs.pick import PickDialog
from ..dialogs.reassign import ReassignDialog
from ..dialogs.triage_filter import TriageFilter, TriageFilterDialog
from ..messages import DataChanged
from ..postmortem_nav import open_postmortem
from ..render import plain, theme_colour
from ..widgets.paged_table import PagedTable
from .base import DataScreen
from .triage_layout import TriageLayout

PRIORITY_CHOICES = [("P1", "urgent: do this first"), ("P2", "important"), ("P3", "when there is time")]
SNOOZE_DAYS = 7


def read_view(store, f: TriageFilter, limit: int):
    """One store-thread call: the first items of the view, the counts, and the people known (for completion)."""
    items = store.list_action_items(owner=f.owner, overdue=f.overdue, status=f.status, limit=limit)
    return items, store.action_counts(f.owner), store.known_people()


class TriageScreen(TriageLayout, DataScreen):
    """Action items across postmortems, overdue first, then priority, then due date; paged in SQL."""

    HELP_TITLE = "Action items"
    HELP = """
## Action items

Shows your open items first (the `me` setting): overdue ones on top, then by
priority, then by due date. The header counts open and overdue items.

| key | does |
| --- | --- |
| `d` | mark done |
| `s` | start (in progress) |
| `w` | won't do |
| `p` | set priority (P1–P3) |
| `u` | set the due date: `fri`, `+3d`, `2025-12-15` |
| `z` | snooze: due a week from today |
| `a` | reassign (→ completes known people) |
| `enter` | open the source postmortem (or incident) |
| `i` | promote to an improvement: a new card in Plan, prefilled, linked to the item |
| `m` / `e` | mine / everyone |
| `v` | overdue only, on or off |
| `f` | filter by owner and status |
| `r` | reload |
"""
    BINDINGS = [
        Binding("d", "set_status('done')", "Done", id="triage.done"),
        Binding("s", "set_status('in_progress')", "Start", id="triage.start"),
        Binding("w", "set_status('wont_do')", "Won't do", id="triage.wont_do"),
        Binding("p", "priority", "Priority", id="triage.priority"),
        Binding("u", "due_date", "Due", id="triage.due_date"),
        Binding("z", "snooze", "Snooze", id="triage.snooze"),
        Binding("a", "reassign", "Reassign", id="triage.reassign"),
        Binding("enter", "open_source", "Source", id="triage.open_source"),
        Binding("i", "promote", "Improve", id="triage.promote"),
        Binding("m", "mine", "Mine", id="triage.mine"),
        Binding("e", "everyone", "All", id="triage.everyone"),
        Binding("v", "toggle_overdue", "Overdue", id="triage.overdue"),
        Binding("f", "filter", "Filter", id="triage.filter"),
        Binding("r", "reload", "Reload", id="triage.reload", show=False),
    ]
    PAGE = 200

    def __init__(self) -> None:
        super().__init__()
        self.items: list[TriageItem] = []
        self.filter: TriageFilter | None = None
        self.me = ""
        #: After the user's own change the cursor stays on the same row (the next item
        #: moves up); after a plain reload it follows the same item.
        self.keep_row = False
        #: Known people for the reassign dialog, read with each load so the dialog opens at once.
        self.people: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("debrief · Action items"), classes="title-bar")
        yield Static(Content(""), id="triage-counts")
        yield PagedTable(page=self.PAGE, id="triage-table")
        yield Static(
            Content("No action items match this filter. Press e for everyone's, or f to filter."),
            classes="empty-state",
            id="empty",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.add_columns()
        self.query_one("#empty").display = False
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    @on(DataChanged)
    def action_reload(self) -> None:
        """Reload what is shown (at least a page)."""
        self.load(max(len(self.items), self.PAGE))

    @property
    def today(self) -> date:
        """Today by the app's clock (UTC)."""
        return self.app.clock().date()

    @work(exclusive=True, group="triage-load", exit_on_error=False)
    async def load(self, limit: int) -> None:
        """Read the first ``limit`` items and the counts; keep the cursor where it was."""
        store = self.app.store
        if self.filter is None:
            self.me = await self.store_read(lambda: store.me)
            self.filter = TriageFilter(self.me)
        items, counts, self.people = await self.store_read(read_view, store, self.filter, limit)
        self.show_counts(counts.open, counts.overdue)
        self.show(items)
        self.query_one(PagedTable).start_over(len(items) < limit)

    @on(PagedTable.MoreWanted)
    def more_wanted(self, message: PagedTable.MoreWanted) -> None:
        self.load_more(int(message.after))

    @work(exclusive=True, group="triage-more", exit_on_error=False)
    async def load_more(self, after: int) -> None:
        """Append the items that sort after item ``after`` (keyset paging)."""
        f = self.filter
        more = await self.store_read(
            self.app.store.list_action_items,
            owner=f.owner,
            overdue=f.overdue,
            status=f.status,
            limit=self.PAGE,
            after=after,
        )
        self.append_rows(more, page=True)

    def show_counts(self, open_count: int, overdue: int) -> None:
        """``Mine (dana) · 6 open · 4 overdue · showing: …``."""
        f = self.filter
        scope = f"Mine ({f.owner})" if f.owner == self.me else (f.owner or "Everyone")
        bad = f"bold {theme_colour(self.app, 'status-bad')}" if overdue else "dim"
        self.query_one("#triage-counts", Static).update(
            Content.assemble(
                (scope, "bold"),
                " · ",
                f"{open_count} open",
                " · ",
                (f"{overdue} overdue", bad),
                ("   showing: ", "dim"),
                f.describe(),
            )
        )

    def show(self, items: list[TriageItem]) -> None:
        """Replace the rows, keeping the cursor on the same item (or the same row if it left)."""
        table = self.query_one(DataTable)
        selected, row = self.selected_id(), table.cursor_row
        table.clear()
        self.items = []
        self.append_rows(items)
        self.query_one("#empty").display = not items
        if table.display != bool(items):
            table.display = bool(items)
            table.focus() if items else None
        ids = [i.id for i in items]
        if selected in ids and not self.keep_row:
            row = ids.index(selected)
        self.keep_row = False
        if items:
            table.move_cursor(row=min(row, len(items) - 1), animate=False)

    def append_rows(self, items: list[TriageItem], page: bool = False) -> None:
        """Add rows for items not shown yet (``page``: the answer to a MoreWanted)."""
        table = self.query_one(PagedTable)
        rows = [(str(item.id), self.row(item)) for item in items]
        added = set(table.add_page(rows) if page else table.add_rows_once(rows))
        self.items.extend(item for item in items if str(item.id) in added)
        self.call_after_refresh(self.fit_title)

    def row(self, item: TriageItem) -> tuple:
        """The cells of one item; overdue dates in the theme's ``$status-bad``."""
        due = plain(item.due_date.isoformat() if item.due_date else "—")
        if item.overdue(self.today):
            due = Text(
                f"{item.due_date.isoformat()} !", style=Style(color=theme_colour(self.app, "status-bad"), bold=True)
            )
        pri = Text(item.priority, style=Style(bold=item.priority == "P1"))
        status = plain(item.status.replace("_", " "))
        cells = {
            "key": plain(item.key),
            "priority": pri,
            "due": due,
            "status": status,
            "owner": plain(item.owner or "—"),
            "source": plain(item.source or "—"),
            "card": plain(item.improvement_key or ""),
            "title": Text(item.title, no_wrap=True, overflow="ellipsis"),
        }
        return tuple(cells[key.value] for key in self.query_one(DataTable).columns)

    def selected_id(self) -> int | None:
        """The highlighted item's id."""
        key = self.query_one(PagedTable).selected_key
        return int(key) if key is not None else None

    def selected(self) -> TriageItem | None:
        """The highlighted item."""
        ident = self.selected_id()
        return next((i for i in self.items if i.id == ident), None)

    # ---------------------------------------------------------------- changes

    @work(group="triage-change", exit_on_error=False)
    async def change(self, message: str, fn, *args, **kwargs) -> None:
        """Run one store write; say what happened; reload."""
        try:
            await self.store_write(fn, *args, **kwargs)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(message, markup=False)
        self.keep_row = True
        self.action_reload()

    def action_set_status(self, status: str) -> None:
        """Start, done or won't do for the highlighted item."""
        item = self.selected()
        if item is not None:
            words = {"done": "done", "in_progress": "started", "wont_do": "won't do"}[status]
            self.change(f"{item.key} {words}: {item.title}", self.app.store.set_action_status, item.id, status)

    def action_snooze(self) -> None:
        """Push the due date a week from today."""
        from datetime import timedelta

        item = self.selected()
        if item is not None:
            day = self.today + timedelta(days=SNOOZE_DAYS)
            self.change(f"{item.key} snoozed to {day}.", self.app.store.update_action_item, item.id, due_date=day)

    def edited(self, say):
        """A dialog callback: notify ``say(item)`` and reload when the dialog saved the item."""

        def done(result) -> None:
            if result is not None:
                self.notify(say(result), markup=False)
                self.keep_row = True
                self.action_reload()

        return done

    def store_call(self, fn, ident: int, field: str):
        """A store-thread function that writes one field of one item (for a dialog to run)."""

        def save(value):
            return fn(ident, **{field: value})

        return save

    def action_priority(self) -> None:
        """Choose P1–P3."""
        item = self.selected()
        if item is not None:
            save = self.store_call(self.app.store.update_action_item, item.id, "priority")
            self.app.push_screen(
                PickDialog("Priority", item.title, PRIORITY_CHOICES, item.priority, save),
                self.edited(lambda saved: f"{saved.key} priority {saved.priority}."),
            )

    def action_due_date(self) -> None:
        """Type a due date (fri, +3d, 2025-12-15)."""
        item = self.selected()
        if item is not None:
            save = self.store_call(self.app.store.update_action_item, item.id, "due_date")
            self.app.push_screen(
                DueDateDialog(item.title, item.due_date, self.today, save),
                self.edited(lambda saved: f"{saved.key} due date: {saved.due_date or 'cleared'}."),
            )

    def action_reassign(self) -> None:
        """Type the new owner, completing from known people."""
        item = self.selected()
        if item is not None:
            save = self.store_call(self.app.store.update_action_item, item.id, "owner")
            self.app.push_screen(
                ReassignDialog(item.title, item.owner, self.people, save),
                self.edited(lambda saved: f"{saved.key} reassigned to {saved.owner}."),
            )

    @work(group="triage-open", exit_on_error=False)
    async def action_open_source(self) -> None:
        """Open the postmortem the item came from at its Action Items (the incident when it has none)."""
        item = self.selected()
        if item is None or not (item.postmortem_id or item.incident_id):
            self.notify("This item has no source postmortem or incident.", markup=False)
            return
        if item.pm_incident:
            await open_postmortem(self.app, item.pm_incident, "actions")
        else:
            self.app.open_incident(item.pm_incident or item.incident_id)

    @on(DataTable.RowSelected)
    def selected_row(self) -> None:
        """Enter on a row opens its source."""
        self.action_open_source()

    def action_promote(self) -> None:
        """Open a new improvement card prefilled from the item; saving links the item to it."""
        item = self.selected()
        if item is None:
            return
        if item.improvement_key:
            self.notify(f"{item.key} is already part of {item.improvement_key}.", severity="warning", markup=False)
            return
        store = self.app.store
        prefill = {"title": item.title, "owner": item.owner, "sources": item.postmortem_key or "", "actions": item.key}

        def save(data: dict):  # on the store thread
            fields = {k: data[k] for k in FORM_FIELDS}
            return store.save_improvement(None, data["sources"], data["actions"], **fields)

        def done(card) -> None:
            if card is not None:
                self.notify(f"{card.key} created in Plan from {item.key}. Press 3 for the board.", markup=False)
                self.action_reload()

        form = ImprovementForm(
            None, [], self.people, save, prefill=prefill, heading=f"Promote {item.key} to an improvement"
        )
        self.app.push_screen(form, done)

    # ---------------------------------------------------------------- filters

    def set_filter(self, new: TriageFilter | None) -> None:
        """Show another view (from the first row)."""
        if new is None or self.filter is None:
            return
        self.filter = new
        self.query_one(DataTable).move_cursor(row=0, animate=False)
        self.items = []
        self.load(self.PAGE)

    def action_mine(self) -> None:
        """Only mine, open, overdue first."""
        self.set_filter(TriageFilter(self.me))

    def action_everyone(self) -> None:
        """Everyone's open items."""
        self.set_filter(TriageFilter(None, self.filter.status if self.filter else "active"))

    def action_toggle_overdue(self) -> None:
        """Overdue only, on or off."""
        if self.filter is not None:
            f = self.filter
            self.set_filter(TriageFilter(f.owner, f.status, not f.overdue))

    def action_filter(self) -> None:
        """Owner, status and overdue in a dialog."""
        if self.filter is not None:
            self.app.push_screen(TriageFilterDialog(self.filter, self.people), self.set_filter)
