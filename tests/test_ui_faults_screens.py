"""Refused writes in the screens, with real SQLite faults (tests/faults.py): the capture line,
the postmortem editor, triage and the board keep what was typed, say why in one sentence
where the user is, leave nothing half-written, and the next write after the fault lands on
disk (read back through a second connection)."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from store import Store
from tests.conftest import SIZE, make_app, settle
from tests.faults import FAULT_NAMES, Fault
from tests.ui_faults import Toasts, fault_off, fault_on, intact, on_disk, run
from tui.dialogs.confirm import ConfirmDialog
from tui.postmortem_nav import open_postmortem
from tui.screens.board import BoardScreen
from tui.screens.incident import IncidentScreen
from tui.screens.postmortem import PostmortemScreen
from tui.widgets.improvement_card import ImprovementCard

ACTIVE = 14
LINE = "rolled back the [b]deploy[/b] of users-api"


def one_sentence(text: str, word: str) -> bool:
    return word in text and "Traceback" not in text and "\n" not in text


@pytest.mark.parametrize("name", FAULT_NAMES)
async def test_capture_line(demo_store: Store, name: str) -> None:
    fault, app = Fault(name), make_app(demo_store)
    count = "SELECT count(*) FROM timeline_event WHERE incident_id = ?"
    async with app.run_test(size=SIZE) as pilot:
        app.open_incident(ACTIVE)
        await run(app, pilot)
        screen = app.screen
        assert isinstance(screen, IncidentScreen)
        before = on_disk(app, count, (ACTIVE,))
        await fault_on(app, fault)
        screen.capture_line.value = LINE
        await run(app, pilot, "enter")
        status = str(screen.query_one("#capture-status").render())
        assert screen.capture_line.value == LINE
        assert one_sentence(status, fault.says) and status.startswith("Not logged")
        assert on_disk(app, count, (ACTIVE,)) == before and intact(app)
        await fault_off(app, fault)
        await run(app, pilot, "enter")
        assert screen.capture_line.value == ""
    assert on_disk(
        app, "SELECT text FROM timeline_event WHERE incident_id = ? ORDER BY id DESC LIMIT 1", (ACTIVE,)
    ) == [(LINE,)]


async def open_editor(app, pilot) -> PostmortemScreen:
    await open_postmortem(app, 12, "lessons")
    await run(app, pilot)
    screen = app.screen
    assert isinstance(screen, PostmortemScreen) and screen.current == "lessons"
    screen.editor.focus()
    return screen


def section_on_disk(app) -> list[tuple]:
    return on_disk(
        app,
        "SELECT s.body FROM postmortem_section s JOIN postmortem p ON p.id = s.postmortem_id "
        "WHERE p.incident_id = 12 AND s.name = 'lessons'",
    )


@pytest.mark.parametrize("name", FAULT_NAMES)
async def test_postmortem_editor_ctrl_s_section_move_and_escape(demo_store: Store, name: str) -> None:
    fault, app = Fault(name), make_app(demo_store)
    text = "Alerts on the [pool] size would have paged us earlier."
    async with app.run_test(size=SIZE) as pilot:
        toasts = Toasts(app)
        screen = await open_editor(app, pilot)
        before = section_on_disk(app)
        await fault_on(app, fault)
        screen.editor.load_text(text)
        await run(app, pilot, "ctrl+s")
        title = str(screen.query_one("#title-bar").render())
        assert "Not saved" in title and fault.says in title
        assert toasts.errors and one_sentence(toasts.errors[-1], fault.says)
        await run(app, pilot, "ctrl+down")  # the section move saves first: refused, it stays
        assert screen.current == "lessons" and screen.editor.text == text
        await run(app, pilot, "escape")  # leaving asks before dropping the text
        assert isinstance(app.screen, ConfirmDialog)
        await run(app, pilot, "escape")
        assert app.screen is screen and screen.editor.text == text
        assert section_on_disk(app) == before and intact(app)
        await fault_off(app, fault)
        await run(app, pilot, "ctrl+s")
        assert "Saved" in str(screen.query_one("#title-bar").render())
    assert section_on_disk(app) == [(text,)]


@pytest.mark.parametrize("name", FAULT_NAMES)
async def test_triage_done(demo_store: Store, name: str) -> None:
    fault, app = Fault(name), make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        toasts = Toasts(app)
        await run(app, pilot, "2")
        screen = app.screen
        item = screen.selected()
        status = "SELECT status FROM action_item WHERE id = ?"
        before = on_disk(app, status, (item.id,))
        await fault_on(app, fault)
        await run(app, pilot, "d")
        assert toasts.errors and one_sentence(toasts.errors[-1], fault.says)
        assert on_disk(app, status, (item.id,)) == before != [("done",)] and intact(app)
        await fault_off(app, fault)
        screen.query_one(DataTable).move_cursor(row=screen.items.index(item))
        await run(app, pilot, "d")
        assert on_disk(app, status, (item.id,)) == [("done",)]


@pytest.mark.parametrize("name", FAULT_NAMES)
async def test_board_move(demo_store: Store, name: str) -> None:
    fault, app = Fault(name), make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        toasts = Toasts(app)
        await run(app, pilot, "3")
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        card = next(c.card for c in screen.query(ImprovementCard) if c.card.stage in ("plan", "do"))
        next(c for c in screen.query(ImprovementCard) if c.card.id == card.id).focus()
        stage = "SELECT stage FROM improvement WHERE id = ?"
        await fault_on(app, fault)
        await run(app, pilot, "right_square_bracket")
        assert toasts.errors and one_sentence(toasts.errors[-1], fault.says)
        assert on_disk(app, stage, (card.id,)) == [(card.stage,)] and intact(app)
        await fault_off(app, fault)
        await settle(app, pilot)
        next(c for c in screen.query(ImprovementCard) if c.card.id == card.id).focus()
        await run(app, pilot, "right_square_bracket")
    assert on_disk(app, stage, (card.id,)) != [(card.stage,)]
