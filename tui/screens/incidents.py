"""The Incidents screen: active incidents first, then the rest newest first."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from store import ACTIVE_STATUSES, Incident, Store
from themes import VARIABLE_DEFAULTS

from ..messages import DataChanged
from ..postmortem_state import postmortem_mark
from ..render import plain, severity_text, theme_colour, utc
from ..widgets.paged_table import PagedTable
from .base import DataScreen

COLUMNS = (
    ("Key", "key"),
    ("Sev", "sev"),
    ("Status", "status"),
    ("Postmortem", "postmortem"),
    ("Started (UTC)", "started"),
    ("Duration", "duration"),
    ("Commander", "commander"),
    ("Title", "title"),
)
#: Column sets by terminal width: (from this width, columns left out, width of the
#: columns other than Title). Narrower terminals leave out Duration and Commander,
#: then Started, so the title stays readable (the incident screen shows them all).
LAYOUTS = (
    (110, (), 86),
    (96, ("duration", "commander"), 64),
    (0, ("duration", "commander", "started"), 47),
)
EMPTY = (
    "No incidents yet. Press n to declare one, or quit and run `make demo` "
    "(or `debrief demo`) to look around with example data."
)


class IncidentTable(PagedTable):
    """The incident list; its Enter shows in the footer as "Open" (DataTable's own is hidden)."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", id="incidents.open_row")]


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis (the incident view shows it whole)."""
    return text if len(text) <= width else text[: width - 1] + "…"


def read_page(store: Store, limit: int, after: int | None = None) -> tuple[list[Incident], dict[int, str], int, int]:
    """One read-thread call: a page of incidents (those after incident ``after``), their
    postmortem states, and the counts."""
    incidents = store.list_incidents(limit=limit, after=after)
    states = store.postmortem_statuses([i.id for i in incidents])
    return incidents, states, store.count_incidents(), store.count_incidents(status=ACTIVE_STATUSES)


class IncidentsScreen(DataScreen):
    """Lists incidents, pages more in as the cursor reaches the end, and opens one."""

    HELP = """
## Incidents

Active incidents come first, then the rest, newest first. Durations run from
the start of impact (the declaration until impact is logged) to resolution.

| key | does |
| --- | --- |
| `n` | declare an incident |
| `enter` | open the highlighted incident |
| `r` | reload |

Under 110 columns, Duration and Commander are left out and Started shows the
date only, so titles stay readable (the incident screen shows everything).

The Postmortem column shows its status; `overdue` marks a required
postmortem (customer-facing, data loss, on-call escalation, security) with no
draft 48 hours after resolution.
"""
    BINDINGS = [
        Binding("n", "declare", "Declare", id="incidents.declare"),
        Binding("enter", "open", "Open", id="incidents.open", show=True),
        Binding("r", "reload", "Reload", id="incidents.reload", show=False),
    ]
    PAGE = 200

    def __init__(self) -> None:
        super().__init__()
        self.incidents: list[Incident] = []
        self.pm_status: dict[int, str] = {}
        self.left_out: tuple[str, ...] | None = None  # columns not shown (None until the first fit)

    def compose(self) -> ComposeResult:
        yield Static(Content("debrief · Incidents"), classes="title-bar", id="title-bar")
        yield Static(Content(EMPTY), classes="empty-state", id="empty")
        yield IncidentTable(page=self.PAGE, id="incident-table")
        yield Footer()

    def on_mount(self) -> None:
        self.fit_columns()
        self.query_one("#empty").display = False
        self.set_interval(30, self.action_reload)
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def on_resize(self) -> None:
        """Re-fit the columns and the title to the new width (no new query)."""
        self.fit_columns()
        if self.incidents:
            self.show(list(self.incidents))

    @property
    def column_layout(self) -> tuple[int, tuple[str, ...], int]:
        """The column set for the current width (see :data:`LAYOUTS`)."""
        return next(layout for layout in LAYOUTS if self.size.width >= layout[0])

    @property
    def narrow(self) -> bool:
        """True when some columns are left out (Started then shows the date only)."""
        return bool(self.column_layout[1])

    def fit_columns(self) -> None:
        """All columns when the title has room; fewer on a narrow terminal."""
        left_out = self.column_layout[1]
        if left_out == self.left_out:
            return
        self.left_out = left_out
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label, key in COLUMNS:
            if key not in left_out:
                table.add_column(label, key=key)

    @on(DataChanged)
    def action_reload(self) -> None:
        """Reload the first pages from the store."""
        self.load(max(len(self.incidents), self.PAGE))

    @work(exclusive=True, group="incidents-load", exit_on_error=False)
    async def load(self, limit: int) -> None:
        """Read ``limit`` incidents and show them, keeping the cursor on the same row."""
        incidents, self.pm_status, total, active = await self.store_read(read_page, self.app.store, limit)
        self.show(incidents)
        self.query_one(IncidentTable).start_over(len(incidents) < limit)
        self.query_one("#title-bar", Static).update(Content(f"debrief · Incidents · {active} active · {total} in all"))

    @on(PagedTable.MoreWanted)
    def more_wanted(self, message: PagedTable.MoreWanted) -> None:
        self.load_more(int(message.after))

    @work(exclusive=True, group="incidents-more", exit_on_error=False)
    async def load_more(self, after: int) -> None:
        """Append the incidents that sort after incident ``after`` (keyset paging)."""
        more, states, _, _ = await self.store_read(read_page, self.app.store, self.PAGE, after)
        self.pm_status.update(states)
        self.append_rows(more, page=True)

    def show(self, incidents: list[Incident]) -> None:
        """Replace the rows."""
        table = self.query_one(DataTable)
        selected = self.selected_id()
        table.clear()
        self.incidents = []
        self.append_rows(incidents)
        self.query_one("#empty").display = not incidents
        if selected is not None and str(selected) in {str(i.id) for i in incidents}:
            table.move_cursor(row=table.get_row_index(str(selected)), animate=False)

    def append_rows(self, incidents: list[Incident], page: bool = False) -> None:
        """Add rows for incidents not shown yet (``page``: the answer to a MoreWanted)."""
        table = self.query_one(IncidentTable)
        now = self.app.clock()
        rows = [(str(i.id), self.row(i, now)) for i in incidents]
        added = set(table.add_page(rows) if page else table.add_rows_once(rows))
        self.incidents.extend(i for i in incidents if str(i.id) in added)

    def row(self, incident: Incident, now) -> tuple:
        """The cells of one incident, for the columns shown."""
        _, left_out, other = self.column_layout
        cells = {
            "key": plain(incident.key),
            "sev": severity_text(self.app, incident.severity),
            "status": plain(incident.status),
            "postmortem": self.postmortem_cell(incident, now),
            "started": plain(f"{incident.started_at:%Y-%m-%d}" if self.narrow else utc(incident.started_at)),
            "duration": plain(incident.duration_text(now)),
            "commander": plain(incident.commander),
            "title": plain(shorten(incident.title, max(self.size.width - other, 12))),
        }
        return tuple(cells[key] for _, key in COLUMNS if key not in left_out)

    def postmortem_cell(self, incident: Incident, now) -> Text:
        """Postmortem status; ``overdue`` when required and no draft 48 h after resolution."""
        label, variable = postmortem_mark(incident, self.pm_status.get(incident.id), now)
        return Text(label, style=theme_colour(self.app, variable) if variable in VARIABLE_DEFAULTS else "")

    def selected_id(self) -> int | None:
        """The id of the highlighted incident, if any."""
        key = self.query_one(IncidentTable).selected_key
        return int(key) if key is not None else None

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        """Open the highlighted incident."""
        ident = self.selected_id()
        if ident is not None:
            self.app.open_incident(ident)

    def action_declare(self) -> None:
        """Declare an incident in a dialog; open it once it is saved."""
        self.app.declare_incident()
