"""The debrief App: main screens as modes, global keys, themes, store access."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import tzinfo
from zoneinfo import ZoneInfo

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.signal import Signal
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from store import Incident, Store
from store.clock import Clock, system_clock
from themes import DEFAULT_THEME, STYLESHEET, THEME_NAMES, THEMES, VARIABLE_DEFAULTS

from . import keys
from .commands import DebriefCommands
from .commands_search import SearchCommands
from .dialogs.declare import DeclareDialog
from .dialogs.help import HelpScreen
from .dialogs.quit import QuitQuestion
from .dialogs.who_are_you import WhoAreYouDialog
from .identity import ConfigError, write_config
from .runner import StoreRunner
from .screens.board import BoardScreen
from .screens.incident import IncidentScreen
from .screens.incidents import IncidentsScreen
from .screens.metrics import MetricsScreen
from .screens.search import SearchScreen
from .screens.triage import TriageScreen


@dataclass(frozen=True)
class MainScreen:
    """A main screen: its mode name, number key, title and class."""

    mode: str
    key: str
    title: str
    screen: Callable[[], Screen]


MAIN_SCREENS: tuple[MainScreen, ...] = (
    MainScreen("incidents", "1", "Incidents", IncidentsScreen),
    MainScreen("actions", "2", "Action items", TriageScreen),
    MainScreen("improvements", "3", "Improvements", BoardScreen),
    MainScreen("metrics", "4", "Metrics", MetricsScreen),
    MainScreen("search", "5", "Search", SearchScreen),
)


class DebriefApp(App[None]):
    """debrief's terminal app over one :class:`store.Store`."""

    TITLE = "debrief"
    CSS_PATH = str(STYLESHEET)
    COMMANDS = App.COMMANDS | {DebriefCommands, SearchCommands}
    MODES = {m.mode: m.screen for m in MAIN_SCREENS}
    DEFAULT_MODE = "incidents"
    BINDINGS = [keys.QUIT, keys.HELP, keys.HELP_F1, keys.PALETTE] + [
        Binding(m.key, f"switch_mode('{m.mode}')", m.title, id=f"app.mode.{m.mode}", show=False) for m in MAIN_SCREENS
    ]
    POLL_SECONDS = 1.0

    def __init__(
        self,
        store: Store,
        clock: Clock = system_clock,
        theme: str | None = None,
        user: str | None = None,
        zone: tzinfo | None = None,
        keymap: dict[str, str] | None = None,
        seat: bool = False,
    ) -> None:
        super().__init__()
        if keymap:
            self.set_keymap(keymap)  # the ``keymap`` setting: binding id → keys (see tui/keymap.py)
        self.seat = seat
        self.base_store = store
        self.store = store.as_user(user) if user else store
        #: Who is acting; None while a browser seat (``seat``) has not been told who is there.
        self.user: str | None = self.store.me if user or not seat else None
        if user and seat:
            self.sub_title = user
        self.clock = clock
        #: The person's time zone (a ``zoneinfo.ZoneInfo``, UTC by default; a fixed offset for an
        #: abbreviation such as EST): times are shown in it and bare times typed are read in it (stored UTC).
        self.zone: tzinfo = zone or ZoneInfo("UTC")
        #: Writes (and reads that must see them at once) run here, one at a time.
        self.run_store = StoreRunner(self.store)
        #: Screen reads run here, on their own connection: with WAL they never wait behind a write.
        self.read_store = StoreRunner(self.store, "debrief-read")
        #: Published when another connection committed (``PRAGMA data_version`` moved); every
        #: :class:`~tui.screens.base.DataScreen` subscribes, whether or not it is on top.
        self.data_changed_signal: Signal[int] = Signal(self, "data-changed")
        self.initial_theme = theme if theme in THEME_NAMES else DEFAULT_THEME
        self._saved_theme = self.initial_theme
        self._data_version: int | None = None
        #: Sentences to show once the app is up (personal settings moved out of the database).
        self.notices: list[str] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(VARIABLE_DEFAULTS)

    def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = self.initial_theme
        self.theme_changed_signal.subscribe(self, self.save_theme)
        for notice in self.notices:
            self.notify(notice, title="Personal settings", timeout=10, markup=False)
        self.run_worker(self.poll_changes(), group="poll", exit_on_error=False)
        self.set_interval(self.POLL_SECONDS, self.poll_changes)
        if self.user is None:
            self.push_screen(WhoAreYouDialog(), self.act_as)
        elif self.seat:
            self.say_joined()

    def act_as(self, name: str | None) -> None:
        """From now on everything this app writes is credited to ``name`` (a browser
        seat's answer to who is there)."""
        if name:
            self.store = self.base_store.as_user(name)
            self.run_store.store = self.read_store.store = self.store
            self.user = name
            self.sub_title = name
            self.say_joined()

    def say_joined(self) -> None:
        """Tell a browser seat whose name its writes carry."""
        self.notify(f"You are {self.user} here: what you write is credited to that name.", title="Joined", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Until a browser seat knows who is there, only help and quit work (no screen
        switch, no palette: nothing can be written without a name)."""
        return self.user is not None or action in ("quit", "help")

    async def on_unmount(self) -> None:
        self.run_store.shutdown()
        self.read_store.shutdown()

    def save_theme(self, theme: Theme) -> None:
        """Remember the chosen theme in the personal config file (not the shared database;
        not in a browser seat, whose config file is the server's)."""
        if not self.seat and theme.name in THEME_NAMES and theme.name != self._saved_theme:
            try:
                write_config({"theme": theme.name})
                self._saved_theme = theme.name
            except ConfigError as exc:
                self.notify(str(exc), title="Theme not saved", severity="warning", markup=False)

    async def poll_changes(self) -> None:
        """Tell every screen that shows data when someone else (another process, or the app's
        own store thread) has committed. Polled on the read thread, so a write that waits for
        a lock does not hold it up."""
        version = await self.read_store(self.store.db.data_version)
        if self._data_version is not None and version != self._data_version:
            self.data_changed_signal.publish(version)
        self._data_version = version

    async def action_quit(self) -> None:
        """Quit, asking first when any screen of any mode holds unsaved text
        (``unsaved_on_quit``); quitting again on that question means "stay"."""
        if isinstance(self.screen, QuitQuestion):
            self.screen.dismiss(False)
            return
        losses = [
            loss
            for screen in self.every_screen()
            if (check := getattr(screen, "unsaved_on_quit", None)) and (loss := await check())
        ]
        if not losses:
            self.exit()
            return
        self.push_screen(QuitQuestion(losses), lambda leave: self.exit() if leave else None)

    def every_screen(self) -> list[Screen]:
        """Every open screen: the current mode's, top first, then the other modes'."""
        modes = [self.current_mode] + [mode for mode in self.MODES if mode != self.current_mode]
        screens: list[Screen] = []
        for mode in modes:
            try:
                screens += reversed(self.get_screen_stack(mode))
            except KeyError:  # a mode not opened yet
                continue
        return screens

    def action_help(self) -> None:
        """Show the current screen's keys."""
        screen = self.screen
        title = getattr(screen, "HELP_TITLE", None) or type(screen).__name__.removesuffix("Screen")
        self.push_screen(HelpScreen(f"Help · {title}", getattr(screen, "HELP", "") or ""))

    def declare_incident(self) -> None:
        """Open the declare dialog; open the incident once it is saved."""

        def opened(incident: Incident | None) -> None:
            if incident is not None:
                self.notify(f"{incident.key} declared and saved.", markup=False)
                self.open_incident(incident.id)

        self.push_screen(DeclareDialog(), opened)

    def open_incident(self, incident_id: int) -> None:
        """Show one incident."""
        self.push_screen(IncidentScreen(incident_id))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for main in MAIN_SCREENS:
            yield SystemCommand(
                f"Go to {main.title}", f"Main screen {main.key}", lambda mode=main.mode: self.switch_mode(mode)
            )
        yield SystemCommand("Declare incident", "Declare a new incident (n)", self.declare_incident)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Turn a failed worker into one readable toast instead of a crash."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(f"{event.worker.error}", title="Something failed", severity="error", markup=False)
