"""User text is never markup, on any screen (STYLE.md).

One store whose every user-typed field holds the markup traps (``[/``, ``[/]``,
``[b]bold``, ``[@click=app.quit]x``); Pilot walks every main screen, the
incident screen, the postmortem editor, meeting mode, the triage and board
dialogs, help and the palette. After each step the app still runs, nothing
reported an error, and the traps are on screen exactly as typed.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import Store
from tests.conftest import MARKUP_TRAPS, NOW, SIZE, make_app, settle

#: All four traps in one string (as prose would hold them).
PROSE = " ".join(MARKUP_TRAPS)
ME = MARKUP_TRAPS[3]


def fill(store: Store) -> None:
    """Incidents, events, a postmortem, action items, cards and a deployment, all with traps."""
    store.set_setting("me", ME)
    day = NOW - timedelta(days=1)
    for n, trap in enumerate(MARKUP_TRAPS):
        start = day + timedelta(hours=n)
        store.create_incident(
            trap,
            "SEV2",
            commander=trap,
            impact_started_at=start,
            declared_at=start,
            resolved_at=start + timedelta(minutes=40),
            status="resolved",
        )
        store.add_event(n + 1, f"event {trap}", occurred_at=start + timedelta(minutes=5), pinned=n == 0)
    pm = store.create_postmortem(1)
    for section in ("summary", "root_cause", "went_well", "lessons"):
        store.save_section(pm.id, section, PROSE)
    store.set_reviewers(pm.id, list(MARKUP_TRAPS))
    for trap in MARKUP_TRAPS:
        store.create_action_item(trap, owner=trap, postmortem_id=pm.id, due_date=NOW.date() - timedelta(days=2))
    for trap, stage in zip(MARKUP_TRAPS, ("plan", "do", "check", "act"), strict=False):
        store.create_improvement(
            trap, owner=trap, sources=[trap], stage=stage, before_metric=trap, expected_impact=trap
        )
    store.record_deployment(MARKUP_TRAPS[2], day, caused=[1], source="tui")


@pytest.fixture
def trap_store(store: Store) -> Store:
    fill(store)
    return store


def screen_text(app) -> str:
    """What the current screen shows, as plain text (only the dialog, when one is open)."""
    strips = app.screen._compositor.render_strips()
    dialogs = app.screen.query(".dialog")
    if not dialogs:
        return "\n".join(strip.text for strip in strips)
    box = dialogs.first().region
    return "\n".join(strip.crop(box.x, box.right).text for strip in strips[box.y : box.bottom])


class Watch:
    """Drives the app and checks it after each step: running, no error toast, traps literal."""

    def __init__(self, app, pilot) -> None:
        self.app, self.pilot = app, pilot
        self.errors: list[str] = []
        notify = app.notify

        def spy(message, *args, **kwargs):
            if kwargs.get("severity") == "error":
                self.errors.append(str(message))
            return notify(message, *args, **kwargs)

        app.notify = spy

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await settle(self.app, self.pilot)
        await settle(self.app, self.pilot)

    def check(self, *expected: str, where: str) -> str:
        """The app runs, nothing failed, and every ``expected`` text is on screen."""
        assert self.app.is_running, where
        assert self.app._exception is None, where
        assert not self.errors, f"{where}: {self.errors}"
        shown = screen_text(self.app)
        missing = [text for text in expected if text not in shown]
        assert not missing, f"{where}: {missing} not shown literally in:\n{shown}"
        return shown

    async def visit(
        self,
        keys: str | tuple[str, ...],
        *expected: str,
        where: str,
        close: str | None = "escape",
        kind: type | None = None,
    ) -> str:
        """Press ``keys``, check the screen it shows, then ``close`` it."""
        await self.press(*((keys,) if isinstance(keys, str) else keys))
        if kind is not None:
            assert isinstance(self.app.screen, kind), f"{where}: {type(self.app.screen).__name__}"
        shown = self.check(*expected, where=where)
        if close:
            await self.press(close)
        return shown


async def test_incidents_incident_screen_and_its_dialogs(trap_store: Store) -> None:
    from tui.dialogs.edit_event import EditEventDialog
    from tui.dialogs.help import HelpScreen
    from tui.dialogs.pick import PickDialog
    from tui.dialogs.text_prompt import TextPromptDialog
    from tui.dialogs.triggers import TriggersDialog
    from tui.screens.incident import IncidentScreen

    app = make_app(trap_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = Watch(app, pilot)
        await settle(app, pilot)
        w.check(*MARKUP_TRAPS, where="incidents list")
        await w.visit("question_mark", "Incidents", where="incidents help", kind=HelpScreen)
        await w.press("ctrl+home")
        await w.press("enter")
        assert isinstance(app.screen, IncidentScreen)
        w.check("[@click=app.quit]x", "event [@click=app.quit]x", where="incident screen")
        await w.visit("f1", "capture line", where="incident help", kind=HelpScreen)
        await w.press("up")
        await w.visit("enter", "event [@click=app.quit]x", where="edit event", kind=EditEventDialog)
        await w.visit("ctrl+o", "[@click=app.quit]x", where="commander", kind=TextPromptDialog, close=None)
        app.screen.query_one("#value").value = "[b]cmdr [/]"
        await w.press("enter")
        w.check("[b]cmdr [/]", where="commander changed")
        await w.visit("ctrl+r", "[@click=app.quit]x", where="title", kind=TextPromptDialog)
        await w.visit("ctrl+s", "resolved", where="status", kind=PickDialog)
        await w.visit("ctrl+t", "Near miss", where="triggers", kind=TriggersDialog)
        await w.press(*"[b]bold [/] live", "enter")  # typing in the timeline goes to the capture line
        w.check("[b]bold [/] live", where="captured event")
        await w.press("escape")
        await w.press("n", *"[/] new", "enter")
        w.check("[/] new", where="declared incident")


async def test_postmortem_editor_meeting_and_dialogs(trap_store: Store) -> None:
    from tui.dialogs.action_item import ActionItemDialog
    from tui.dialogs.export import ExportDialog
    from tui.dialogs.review import ReviewDialog
    from tui.dialogs.revisions import RevisionsDialog
    from tui.screens.meeting import MeetingScreen
    from tui.screens.postmortem import PostmortemScreen

    app = make_app(trap_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = Watch(app, pilot)
        await settle(app, pilot)
        await w.press("ctrl+end")
        await w.press("enter", "ctrl+n")
        assert isinstance(app.screen, PostmortemScreen)
        w.check(PROSE, "PM-0001 · [/ ·", where="postmortem summary")
        await w.visit("f2", PROSE, where="revisions", kind=RevisionsDialog)
        await w.visit("f4", *MARKUP_TRAPS, where="review", kind=ReviewDialog)
        await w.visit("f3", "PM-0001.md", where="export", kind=ExportDialog)
        for _ in range(8):
            await w.press("ctrl+down")
        assert app.screen.current == "actions"
        w.check(*MARKUP_TRAPS, where="action items section")
        await w.visit("enter", *MARKUP_TRAPS[:1], where="edit action item", kind=ActionItemDialog)
        await w.press("ctrl+down")
        assert app.screen.current == "lessons"
        await w.press("f5")
        assert isinstance(app.screen, MeetingScreen)
        w.check("event [/", PROSE, where="meeting")
        await w.press("left")
        w.check("[@click=app.quit]x", "[b]bold", where="meeting action items")
        await w.visit("a", "Add an action item", where="meeting action dialog", kind=ActionItemDialog)
        await w.press("escape")
        assert isinstance(app.screen, PostmortemScreen)
        w.check(where="back in the editor")


async def test_triage_and_its_dialogs(trap_store: Store) -> None:
    from tui.dialogs.due_date import DueDateDialog
    from tui.dialogs.improvement_form import ImprovementForm
    from tui.dialogs.pick import PickDialog
    from tui.dialogs.reassign import ReassignDialog
    from tui.dialogs.triage_filter import TriageFilterDialog

    app = make_app(trap_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = Watch(app, pilot)
        await w.press("2")
        w.check(ME, where="triage mine")
        await w.press("e")
        w.check(*MARKUP_TRAPS, where="triage everyone")
        title = app.screen.selected().title
        await w.visit("p", title, where="priority", kind=PickDialog)
        await w.visit("u", title, where="due date", kind=DueDateDialog)
        await w.visit("a", title, app.screen.selected().owner, where="reassign", kind=ReassignDialog)
        await w.visit("f", "Filter action items", where="filter", kind=TriageFilterDialog)
        await w.visit("i", title, where="promote", kind=ImprovementForm)
        await w.press("d")
        w.check(f"done: {title}", where="done toast")


async def test_board_and_its_dialogs(trap_store: Store) -> None:
    from tui.dialogs.board_filter import BoardFilterDialog
    from tui.dialogs.improvement_form import ImprovementForm
    from tui.dialogs.pick import PickDialog

    app = make_app(trap_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = Watch(app, pilot)
        await w.press("3")
        w.check(*MARKUP_TRAPS, where="board")
        card = app.screen.focused_card().card
        await w.visit("enter", card.title, card.owner, where="card form", kind=ImprovementForm)
        await w.visit("d", f"{card.key} {card.title}", where="decide", kind=PickDialog)
        await w.visit("f", "Filter improvements", where="board filter", kind=BoardFilterDialog)
        await w.press("right_square_bracket")
        w.check(*MARKUP_TRAPS, where="card moved")


async def test_metrics_search_help_and_palette(trap_store: Store) -> None:
    from tui.dialogs.record_ops import RecordOpsDialog

    app = make_app(trap_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        w = Watch(app, pilot)
        await w.press("4")
        app.screen.query_one("#metrics-body").scroll_end(animate=False)
        await w.press("r")
        app.screen.query_one("#metrics-body").scroll_end(animate=False)
        await pilot.pause()
        w.check(*MARKUP_TRAPS, where="metrics lists")
        await w.press("d")
        assert isinstance(app.screen, RecordOpsDialog)
        app.screen.query_one("#ops-service").value = "[/] svc"
        app.screen.query_one("#ops-caused").value = ""
        await w.press("enter")
        w.check("Deployment of [/] svc at", where="deployment recorded")
        await w.visit("question_mark", "Metrics", where="metrics help")
        await w.press("5")
        for trap in MARKUP_TRAPS:
            app.screen.query_one("#search-box").value = trap
            await settle(app, pilot)
            w.check(trap, where=f"search for {trap!r}")
        app.screen.query_one("#search-box").value = ""
        await w.press(*"bold")
        w.check("[b]bold", where="search results")
        await w.press(*' "[/')
        w.check('"[/', where="search syntax error")
        await w.press("ctrl+p")
        await w.press(*"bold")
        await pilot.pause(0.3)
        await settle(app, pilot)
        w.check("Search:", "[b]bold", where="palette search hits")
        await w.press("escape")
        assert app.is_running
