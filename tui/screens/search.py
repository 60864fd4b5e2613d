"""The Search screen: full-text search across postmortems, timeline events,
incidents and action items. Enter jumps to the incident or section."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Input, Static

from store import StoreError
from store.search import SearchHit, friendly_query

from ..postmortem_nav import open_hit
from ..render import plain
from ..search_render import is_fts_query, snippet_text, where
from .base import DataScreen

HINT = 'Type words to search as you type; "a phrase", pool*, a OR b and NOT work too.'


class SearchScreen(DataScreen):
    """Search box on top, hits below (best first)."""

    HELP_TITLE = "Search"
    HELP = """
## Search

Searches postmortem sections, timeline events, incident titles and summaries,
and action items (SQLite FTS5). Plain words search as you type; quotes,
`*`, `OR`, `AND`, `NOT` are used as written.

| key | does |
| --- | --- |
| `enter` or `down` (in the box) | go to the results |
| `enter` (on a result) | open the postmortem section or the incident |
| `/` | back to the search box |
| `escape` | out of the box (then `1`–`5` switch screens, `q` quits), or back into it |
"""
    BINDINGS = [
        Binding("slash", "focus_box", "Search box", id="search.focus"),
        Binding("escape", "toggle_focus", "Leave the box", id="search.escape", show=False),
        Binding("down", "focus_results", "Results", id="search.results", show=False),
    ]
    LIMIT = 100

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("debrief · Search"), classes="title-bar")
        yield Input(placeholder="Search postmortems and timelines", id="search-box")
        yield Static(Content(HINT), id="search-status", classes="muted")
        yield DataTable(cursor_type="row", id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Where", key="where", width=44)
        table.add_column("Match", key="match")
        self.query_one(Input).focus()

    @on(Input.Changed, "#search-box")
    def typed(self, event: Input.Changed) -> None:
        """Search as the person types."""
        self.run_search(event.value)

    @on(Input.Submitted, "#search-box")
    def submitted(self) -> None:
        if self.hits:
            self.query_one(DataTable).focus()

    @work(exclusive=True, group="search", exit_on_error=False)
    async def run_search(self, text: str) -> None:
        """Query the index on the store thread; a bad query says why."""
        query = text if is_fts_query(text) else friendly_query(text)
        try:
            hits = await self.store_read(self.app.store.search, query, self.LIMIT)
        except StoreError as exc:
            self.show([], text)
            self.query_one("#search-status", Static).update(Content(str(exc)))
            return
        self.show(hits, text)

    def show(self, hits: list[SearchHit], text: str) -> None:
        """Replace the results."""
        self.hits = hits
        table = self.query_one(DataTable)
        table.clear()
        for index, hit in enumerate(hits):
            table.add_row(plain(where(hit)), snippet_text(hit.snippet), key=str(index))
        status = f"{len(hits)} result{'s' if len(hits) != 1 else ''}" if text.strip() else HINT
        self.query_one("#search-status", Static).update(Content(status))

    @on(DataTable.RowSelected, "#search-results")
    async def open_selected(self, event: DataTable.RowSelected) -> None:
        """Jump to the hit."""
        await open_hit(self.app, self.hits[int(event.row_key.value)])

    def action_focus_box(self) -> None:
        self.query_one(Input).focus()

    def action_toggle_focus(self) -> None:
        """Escape: out of the box to the results (so number keys work again), or back in."""
        box = self.query_one(Input)
        if box.has_focus:
            self.query_one(DataTable).focus()
        else:
            box.focus()

    def action_focus_results(self) -> None:
        """From the box down into the results (when there are any)."""
        if self.hits and self.query_one(Input).has_focus:
            self.query_one(DataTable).focus()
