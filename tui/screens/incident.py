"""The live incident screen: header, virtual timeline, and the capture line.

Type, Enter: the line is parsed (:mod:`tui.capture.grammar`), committed on the
store thread, and only then cleared and shown. A failed write keeps the text in
the line and says why. Other processes' events arrive through ``DataChanged``
without touching the line or the scroll position.

Keys never eat text. ↑ picks an event while the capture line KEEPS the focus, so
every key arrives there in order: a word typed right after ↑ lands whole in the
line (and ends the picking). The keys that act on the picked event cannot be
text (enter, delete, ctrl+b, ctrl+z), nor can the incident keys (ctrl+s, …); see
:mod:`.incident_changes`. A timeline focused with the mouse sends typing to the
capture line too.
"""

from __future__ import annotations

from textual import events, on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from store import Store, StoreError

from ..messages import DataChanged
from ..widgets.capture_line import CaptureLine
from ..widgets.incident_header import IncidentHeader
from ..widgets.team_bar import TeamBar
from ..widgets.timeline_view import AUTHOR_WIDTH, KIND_WIDTH, PAGE, TIME_WIDTH, TimelineView
from .base import DataScreen
from .incident_capture import IncidentCapture
from .incident_changes import IncidentChanges
from .incident_commands import IncidentCommands
from .incident_help import HELP
from .incident_team import BINDINGS as TEAM_BINDINGS
from .incident_team import IncidentTeamMixin

PLACEHOLDER = "Type what happened, Enter logs it · 14:05 or -5m backdates · ! pins · /detect /mitigate /resolve …"
#: The hint under the capture line, by what has the focus (F1 lists every key).
INCIDENT_KEYS = (
    "^g update · ^s status · ^l severity · ^o commander · ^y role · ^r title · ^t triggers · ^n postmortem · F2 who"
)
KEYS_HINT = "↑ pick an event · " + INCIDENT_KEYS + " · F1 all keys"
TIMELINE_HINT = "↑↓ pick · enter edit · del delete · ^b pin · ^z undo delete · typing goes on in the line · esc stop"


def snapshot(store: Store, incident_id: int, cursor_id: int | None) -> tuple:
    """The incident, its event count and the cursor event's row (one store-thread call)."""
    incident = store.get_incident(incident_id)
    total = store.count_events(incident_id)
    position = store.event_position(cursor_id) if cursor_id is not None else None
    return incident, total, position


def column_titles(zone_name: str = "UTC", width: int = 0, authors: bool = False) -> str:
    """The headings above the timeline, aligned with its columns, naming the zone
    (after the Event heading when the name is too long for the time column), and
    ``Who`` over the author column on the right."""
    time = f"Time ({zone_name})"
    if len(time) < TIME_WIDTH:
        titles = time.ljust(TIME_WIDTH) + "Kind".ljust(KIND_WIDTH) + "Event"
    else:
        titles = "Time".ljust(TIME_WIDTH) + "Kind".ljust(KIND_WIDTH) + f"Event    (times in {zone_name})"
    if authors and width > len(titles) + AUTHOR_WIDTH:
        titles = titles.ljust(width - AUTHOR_WIDTH + 1) + "Who"
    return titles


class IncidentScreen(IncidentTeamMixin, IncidentCapture, IncidentChanges, DataScreen):
    """One incident, live: header, timeline (newest at the bottom) and capture line."""

    HELP = HELP
    AUTO_FOCUS = "#capture"
    COMMANDS = {IncidentCommands}
    BINDINGS = [
        Binding("escape", "escape", "Back", id="incident.back"),
        Binding("f1", "app.help", "Help", id="incident.help"),
        Binding("enter", "edit", "Edit", id="incident.edit"),
        Binding("delete,ctrl+d", "delete", "Delete", key_display="del", id="incident.delete"),
        Binding("ctrl+b", "pin", "Pin ★", id="incident.pin"),
        Binding("ctrl+z", "undo", "Undo delete", id="incident.undo"),
        Binding("ctrl+s", "status", "Status", id="incident.status"),
        Binding("ctrl+l", "severity", "Severity", id="incident.severity"),
        Binding("ctrl+o", "commander", "Commander", id="incident.commander"),
        Binding("ctrl+r", "title", "Title", id="incident.title"),
        Binding("ctrl+t", "triggers", "Triggers", id="incident.triggers"),
        Binding("ctrl+n", "postmortem", "Postmortem", id="incident.postmortem"),
        *TEAM_BINDINGS,
    ]
    #: Keys that act on the highlighted event: only from the timeline.
    EVENT_ACTIONS = ("edit", "pin", "delete", "undo")

    def __init__(self, incident_id: int) -> None:
        super().__init__()
        self.incident_id = incident_id
        self.deleted: list = []
        self.saving: str | None = None
        #: Lines whose Enter came while the previous line was still saving (logged after it, in order).
        self.queued: list[tuple[str, bool]] = []

    def compose(self) -> ComposeResult:
        yield IncidentHeader(id="header")
        yield TeamBar(id="team-bar")
        yield Static(column_titles(), id="timeline-columns", markup=False)
        yield TimelineView(id="timeline")
        yield Static("", id="event-detail", markup=False)
        yield CaptureLine(placeholder=PLACEHOLDER, id="capture", select_on_focus=False)
        yield Static(KEYS_HINT, id="capture-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        zone = self.app.zone
        self.timeline.zone = self.query_one(IncidentHeader).zone = zone
        self.titles()
        self.query_one("#event-detail").display = False
        self.reload()
        self.set_interval(1, self.tick)

    @property
    def timeline(self) -> TimelineView:
        return self.query_one(TimelineView)

    @property
    def capture_line(self) -> CaptureLine:
        return self.query_one("#capture", CaptureLine)

    def tick(self) -> None:
        """Advance the elapsed clock once a second while the incident is active."""
        header = self.query_one(IncidentHeader)
        if header.incident is not None and header.incident.active:
            header.show(None, self.app.clock())
            self.show_team()

    # -- reading -------------------------------------------------------------

    @on(DataChanged)
    def reload(self) -> None:
        """Re-read the header, the team bar and the row count; visible pages reload on demand."""
        self.load(self.timeline.cursor_id)
        self.load_team()

    @work(exclusive=True, group="incident-load", exit_on_error=False)
    async def load(self, cursor_id: int | None) -> None:
        incident, total, position = await self.store_read(snapshot, self.app.store, self.incident_id, cursor_id)
        self.query_one(IncidentHeader).show(incident, self.app.clock())
        self.timeline.start_day = incident.started_at.astimezone(self.app.zone).date()
        self.timeline.reset(total, position if position is not None else self.timeline.cursor)

    @on(TimelineView.PageWanted)
    def page_wanted(self, message: TimelineView.PageWanted) -> None:
        self.load_page(message.page, message.generation)

    @work(group="timeline-page", exit_on_error=False)
    async def load_page(self, page: int, generation: int) -> None:
        """Read one page of rows for the view."""
        rows = await self.store_read(self.app.store.list_events, self.incident_id, limit=PAGE, offset=page * PAGE)
        self.timeline.set_page(page, rows, generation)
        self.show_detail()

    @on(TimelineView.CursorMoved)
    def show_detail(self) -> None:
        """Under the timeline, the whole text of a highlighted event its row cuts short."""
        detail = self.query_one("#event-detail", Static)
        event = self.timeline.current if self.picking else None
        detail.display = event is not None and self.timeline.cut_short(event)
        if detail.display:
            detail.update(f"{self.describe(event).split(' “')[0]} · {event.author}\n{event.text}")

    # -- saying --------------------------------------------------------------

    @staticmethod
    def failure(exc: Exception) -> str:
        """Why a capture was not saved, in one sentence."""
        if isinstance(exc, StoreError):
            return f"Not logged: {exc} Your text is still in the line."
        return f"Not logged ({exc}); your text is still in the line: press Enter to try again."

    def say(self, message: str, error: bool = False) -> None:
        """A message under the capture line (it wraps to the width, never cut at the edge)."""
        status = self.query_one("#capture-status", Static)
        status.update(message)
        status.set_class(error, "error")
        status.remove_class("lines")

    def hint(self) -> None:
        """The keys of the part that has the focus."""
        self.say(TIMELINE_HINT if self.picking else KEYS_HINT)

    def on_descendant_focus(self) -> None:
        """The hint line names the keys of the part that has the focus (an error stays)."""
        if not self.query_one("#capture-status", Static).has_class("error"):
            self.hint()
        self.show_detail()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self.show_detail)

    # -- moving --------------------------------------------------------------

    @property
    def picking(self) -> bool:
        """True while an event is picked for the event keys (from the capture line or a focused timeline)."""
        return self.capture_line.picking or self.timeline.has_focus

    def action_pick(self, delta: int) -> None:
        """↑ from the capture line picks the newest event on screen; then ↑/↓ move the pick."""
        if self.capture_line.picking:
            self.timeline.action_cursor(delta)
        elif delta < 0:
            self.set_picking(True)
            self.timeline.select_last_visible()
        else:
            raise SkipAction()

    def action_pick_page(self, direction: int) -> None:
        """Page up/down while picking moves the pick a screen at a time."""
        if not self.capture_line.picking:
            raise SkipAction()
        self.timeline.action_page(direction)

    def set_picking(self, on: bool) -> None:
        """Show (or stop showing) the picked event; the capture line keeps the focus."""
        self.capture_line.picking = self.timeline.picking = on
        self.timeline.refresh()
        self.refresh_bindings()
        if not self.query_one("#capture-status", Static).has_class("error"):
            self.hint()
        self.show_detail()

    def on_capture_line_picking_ended(self) -> None:
        self.set_picking(False)

    def on_capture_line_row_key(self, message: CaptureLine.RowKey) -> None:
        getattr(self, f"action_{message.action}")()

    def action_escape(self) -> None:
        """Picking or timeline → capture line → back to the list (never dropping typed text)."""
        if self.capture_line.picking:
            self.set_picking(False)
        elif self.timeline.has_focus:
            self.set_focus(self.capture_line)
        elif self.capture_line.value.strip():
            self.say("The capture line holds unsaved text: Enter logs it, ctrl+u clears it.", error=True)
        else:
            self.dismiss()

    def on_key(self, event: events.Key) -> None:
        """In the timeline, every printable key (and backspace) goes to the capture line:
        the timeline's own keys are never text, so nothing typed is eaten."""
        if not self.timeline.has_focus:
            return
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.set_focus(self.capture_line)  # at once: the keys already on their way must follow it
            self.capture_line.insert_text_at_cursor(event.character)
        elif event.key == "backspace":
            event.stop()
            event.prevent_default()
            self.set_focus(self.capture_line)
            self.capture_line.action_delete_left()

    def on_paste(self, event: events.Paste) -> None:
        """A paste while the timeline has the focus goes to the capture line too."""
        if self.timeline.has_focus:
            event.stop()
            self.set_focus(self.capture_line)
            self.capture_line.paste_text(event.text)

    async def unsaved_on_quit(self) -> str | None:
        """Called by the app before it quits: the capture line's text is not an event yet."""
        text = self.capture_line.value.strip()
        key = self.query_one(IncidentHeader).incident
        where = f"{key.key} capture line" if key else "Capture line"
        return f"{where}, not logged: {text}" if text else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Event keys act only while an event is picked (the footer shows them then)."""
        if action in self.EVENT_ACTIONS and not self.picking:
            return False
        return True
