"""The live incident screen: header, virtual timeline, and the capture line.

Type, Enter: the line is parsed (:mod:`tui.capture.grammar`), committed on the
store thread, and only then cleared and shown. A failed write keeps the text in
the line and says why. Other processes' events arrive through ``DataChanged``
without touching the line or the scroll position.
"""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from store import SEVERITIES, STATUSES, Store, StoreError
from store.events import MILESTONE_KINDS

from ..capture.grammar import Capture, GrammarError, command_of, parse_line
from ..dialogs.choose import ChooseDialog
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.edit_event import EditEventDialog
from ..dialogs.text_prompt import TextPromptDialog
from ..dialogs.triggers import TriggersDialog
from ..messages import DataChanged
from ..postmortem_nav import open_postmortem
from ..widgets.capture_line import CaptureLine
from ..widgets.incident_header import IncidentHeader
from ..widgets.team_bar import TeamBar
from ..widgets.timeline_view import AUTHOR_WIDTH, KIND_WIDTH, PAGE, TIME_WIDTH, TimelineView
from .incident_commands import IncidentCommands
from .incident_help import HELP
from .incident_team import BINDINGS as TEAM_BINDINGS, IncidentTeamMixin

PLACEHOLDER = "Type what happened, Enter logs it · 14:05 or -5m backdates · ! pins · /detect /mitigate /resolve …"
#: The hint under the capture line, by what has the focus (the event and incident keys act from the timeline;
#: F1 lists every key).
KEYS = ("s status · v severity · c commander · o role · r title · e edit · x delete · u undo · ! pin · "
        "p postmortem · w who")
KEYS_HINT = "ctrl+o stakeholder update · ↑ timeline keys: " + KEYS
TIMELINE_HINT = "esc back to typing · " + KEYS


def snapshot(store: Store, incident_id: int, cursor_id: int | None) -> tuple:
    """The incident, its event count and the cursor event's row (one store-thread call)."""
    incident = store.get_incident(incident_id)
    total = store.count_events(incident_id)
    position = store.event_position(cursor_id) if cursor_id is not None else None
    return incident, total, position


def column_titles(width: int = 0, authors: bool = False) -> str:
    """The headings above the timeline, aligned with its columns (``Who`` on the right)."""
    titles = "Time (UTC)".ljust(TIME_WIDTH) + "Kind".ljust(KIND_WIDTH) + "Event"
    if authors and width > len(titles) + AUTHOR_WIDTH:
        titles = titles.ljust(width - AUTHOR_WIDTH + 1) + "Who"
    return titles


class IncidentScreen(IncidentTeamMixin, Screen):
    """One incident, live: header, timeline (newest at the bottom) and capture line."""

    HELP = HELP
    AUTO_FOCUS = "#capture"
    COMMANDS = {IncidentCommands}
    BINDINGS = [
        Binding("escape", "escape", "Back", id="incident.back"),
        Binding("f1", "app.help", "Help", id="incident.help"),
        Binding("up", "focus_timeline", "Timeline", show=False, id="incident.timeline"),
        Binding("a", "focus_capture", "Log", show=False, id="incident.capture"),
        Binding("e,enter", "edit", "Edit", id="incident.edit"),
        Binding("exclamation_mark", "pin", "Pin", id="incident.pin"),
        Binding("x,delete", "delete", "Delete", id="incident.delete"),
        Binding("u", "undo", "Undo", id="incident.undo"),
        Binding("s", "status", "Status", id="incident.status"),
        Binding("v", "severity", "Severity", id="incident.severity"),
        Binding("c", "commander", "Commander", id="incident.commander"),
        Binding("r", "title", "Title", id="incident.title"),
        Binding("p", "postmortem", "Postmortem", id="incident.postmortem"),
        Binding("t", "triggers", "Triggers", id="incident.triggers"),
        *TEAM_BINDINGS,
    ]

    def __init__(self, incident_id: int) -> None:
        super().__init__()
        self.incident_id = incident_id
        self.deleted: list[int] = []
        self.saving: str | None = None

    def compose(self) -> ComposeResult:
        yield IncidentHeader(id="header")
        yield TeamBar(id="team-bar")
        yield Static(column_titles(), id="timeline-columns", markup=False)
        yield TimelineView(id="timeline")
        yield CaptureLine(placeholder=PLACEHOLDER, id="capture", select_on_focus=False)
        yield Static(KEYS_HINT, id="capture-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.set_interval(1, self.tick)

    @property
    def timeline(self) -> TimelineView:
        return self.query_one(TimelineView)

    @property
    def capture_line(self) -> Input:
        return self.query_one("#capture", Input)

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
        incident, total, position = await self.app.run_store(snapshot, self.app.store, self.incident_id, cursor_id)
        self.query_one(IncidentHeader).show(incident, self.app.clock())
        self.timeline.start_day = incident.started_at.date()
        self.timeline.reset(total, position if position is not None else self.timeline.cursor)

    @on(TimelineView.PageWanted)
    def page_wanted(self, message: TimelineView.PageWanted) -> None:
        self.load_page(message.page, message.generation)

    @work(group="timeline-page", exit_on_error=False)
    async def load_page(self, page: int, generation: int) -> None:
        """Read one page of rows for the view."""
        rows = await self.app.run_store(self.app.store.list_events, self.incident_id, limit=PAGE, offset=page * PAGE)
        self.timeline.set_page(page, rows, generation)

    # -- capturing -----------------------------------------------------------

    @on(Input.Submitted, "#capture")
    def capture(self, event: Input.Submitted) -> None:
        """Parse the line; refuse it in place with the reason, or save it."""
        line = event.value
        if not line.strip():
            return
        if self.saving is not None:  # the line still starts with the one being saved: never log it twice
            self.say("Still saving the previous line; press Enter again in a moment.")
            return
        if (command := command_of(line)) is not None:  # /update: the composer; the line stays until sent
            self.compose_update(command[1] or None, line)
            return
        try:
            parsed = parse_line(line, self.app.clock())
        except GrammarError as exc:
            self.say(f"Not logged: {exc}", error=True)
            return
        self.saving = line
        self.save_capture(line, parsed)

    @work(group="capture", exit_on_error=False)
    async def save_capture(self, line: str, parsed: Capture) -> None:
        """Commit the event; only then clear the line (keeping anything typed since)."""
        try:
            event = await self.app.run_store(self.app.store.log_event, self.incident_id, parsed.text, parsed.kind,
                                             parsed.occurred_at, parsed.pinned)
        except Exception as exc:  # noqa: BLE001 - locked, read-only, disk full: the text stays
            self.say(self.failure(exc), error=True)
            return
        finally:
            self.saving = None
        value = self.capture_line.value
        self.capture_line.value = value[len(line):].lstrip() if value.startswith(line) else value
        pin = " pinned" if event.pinned else ""
        self.say(f"Logged {event.occurred_at:%H:%M:%S} UTC · {event.kind}{pin}")
        self.timeline.follow = True
        self.reload()

    @staticmethod
    def failure(exc: Exception) -> str:
        """Why a capture was not saved, in one sentence."""
        if isinstance(exc, StoreError):
            return f"Not logged: {exc} Your text is still in the line."
        return f"Not logged ({exc}); your text is still in the line: press Enter to try again."

    def say(self, message: str, error: bool = False) -> None:
        """One line under the capture line."""
        status = self.query_one("#capture-status", Static)
        status.update(message)
        status.set_class(error, "error")

    def on_descendant_focus(self) -> None:
        """The hint line names the keys of the part that has the focus (an error stays)."""
        if not self.query_one("#capture-status", Static).has_class("error"):
            self.say(TIMELINE_HINT if self.timeline.has_focus else KEYS_HINT)

    # -- moving --------------------------------------------------------------

    def action_focus_timeline(self) -> None:
        """From the capture line up into the timeline."""
        self.timeline.focus()

    def action_focus_capture(self) -> None:
        """Back to the capture line."""
        self.capture_line.focus()

    def action_escape(self) -> None:
        """Timeline → capture line → back to the list (never dropping typed text)."""
        if self.timeline.has_focus:
            self.capture_line.focus()
        elif self.capture_line.value.strip():
            self.say("The capture line holds unsaved text: Enter logs it, ctrl+u clears it.", error=True)
        else:
            self.dismiss()

    def on_key(self, event: events.Key) -> None:
        """In the timeline, a printable key that is not one of its keys starts typing in the
        capture line (instead of being dropped)."""
        if (self.timeline.has_focus and event.is_printable and event.character
                and event.key not in self.active_bindings):
            event.stop()
            event.prevent_default()
            self.set_focus(self.capture_line)  # at once: the keys already on their way must follow it
            self.capture_line.insert_text_at_cursor(event.character)

    async def save_before_quit(self) -> bool:
        """Quitting with text in the capture line asks first (that text is not an event yet)."""
        if not self.capture_line.value.strip():
            return True
        question = f"The capture line holds text that is not logged: {self.capture_line.value.strip()}"
        self.app.push_screen(ConfirmDialog("Quit without logging it?", question, "Quit without logging", "Stay"),
                             lambda leave: self.app.exit() if leave else self.capture_line.focus())
        return False

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Event keys act on the timeline only (typing goes to the capture line)."""
        if action in ("edit", "pin", "delete") and not self.timeline.has_focus:
            return False
        return True

    # -- changing events -----------------------------------------------------

    def action_edit(self) -> None:
        """Edit the highlighted event's text, time or kind."""
        event = self.timeline.current
        if event is not None:
            self.app.push_screen(EditEventDialog(event), self.changed)

    def action_pin(self) -> None:
        """Pin or unpin the highlighted event."""
        event = self.timeline.current
        if event is not None:
            self.change(self.app.store.edit_event, event.id, pinned=not event.pinned)

    def action_delete(self) -> None:
        """Delete the highlighted event (u undoes it)."""
        event = self.timeline.current
        if event is not None:
            self.deleted.append(event.id)
            note = "Event deleted: press u to undo."
            if event.kind in MILESTONE_KINDS:
                note = "Event deleted; its milestone now follows the remaining events: press u to undo."
            self.change(self.app.store.delete_event, event.id, note=note)

    def action_undo(self) -> None:
        """Bring back the last deleted event."""
        if not self.deleted:
            self.notify("Nothing to undo.", markup=False)
            return
        self.change(self.app.store.restore_event, self.deleted.pop(), note="Event restored.")

    @work(group="incident-change", exit_on_error=False)
    async def change(self, fn, *args, note: str | None = None, **kwargs) -> None:
        """Run a store change, then reload; a failure is one toast."""
        try:
            await self.app.run_store(fn, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        if note:
            self.notify(note, markup=False)
        self.reload()

    def changed(self, result: object) -> None:
        """A dialog saved something: show it."""
        if result is not None:
            self.reload()

    # -- changing the incident -----------------------------------------------

    def _incident(self):
        return self.query_one(IncidentHeader).incident

    def action_status(self) -> None:
        """Change the status (recorded as a status event)."""
        if (incident := self._incident()) is not None:
            save = lambda value: self.app.store.set_status(self.incident_id, value)  # noqa: E731
            self.app.push_screen(ChooseDialog("Status", STATUSES, incident.status, save), self.changed)

    def action_severity(self) -> None:
        """Change the severity (recorded as a status event)."""
        if (incident := self._incident()) is not None:
            save = lambda value: self.app.store.set_severity(self.incident_id, value)  # noqa: E731
            self.app.push_screen(ChooseDialog("Severity", SEVERITIES, incident.severity, save), self.changed)

    def action_commander(self) -> None:
        """Hand over command (recorded as a status event)."""
        if (incident := self._incident()) is not None:
            save = lambda value: self.app.store.update_incident(self.incident_id, commander=value)  # noqa: E731
            self.app.push_screen(TextPromptDialog("Incident commander", incident.commander, save), self.changed)

    def action_title(self) -> None:
        """Retitle the incident (recorded as a status event)."""
        if (incident := self._incident()) is not None:
            save = lambda value: self.app.store.update_incident(self.incident_id, title=value)  # noqa: E731
            self.app.push_screen(TextPromptDialog("Incident title", incident.title, save), self.changed)

    def action_postmortem(self) -> None:
        """Open this incident's postmortem (started and pre-filled on first use)."""
        self.run_worker(open_postmortem(self.app, self.incident_id), group="postmortem", exit_on_error=False)

    def action_triggers(self) -> None:
        """Set which postmortem triggers apply (customer-facing, data loss, …)."""
        if (incident := self._incident()) is not None:
            self.app.push_screen(TriggersDialog(incident), lambda saved: saved and self.reload())
