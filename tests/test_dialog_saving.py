"""The dialogs that write before closing share one base (tui/dialogs/saving.py):
a refused write keeps the dialog and the values, and says why; picking the value
that is already set writes nothing."""

from __future__ import annotations

from textual.widgets import Checkbox, OptionList, Static

from store import Store
from tests.conftest import SIZE, make_app, settle
from tui.dialogs.pick import PickDialog
from tui.dialogs.pick import PickDialog
from tui.dialogs.triggers import TriggersDialog
from tui.screens.incident import IncidentScreen

ACTIVE = 14  # the demo's active incident


def read_only(app, on: bool = True):
    """A real SQLite refusal on the app's own connection (not a stub)."""
    return app.run_store(lambda: app.store.db.conn.execute(f"PRAGMA query_only={'ON' if on else 'OFF'}"))


def error_line(app) -> str:
    return str(app.screen.query_one("#error", Static).render())


async def open_incident(app, pilot) -> IncidentScreen:
    app.open_incident(ACTIVE)
    await settle(app, pilot)
    app.screen.timeline.focus()
    return app.screen


async def test_a_refused_status_keeps_the_dialog_and_says_why(demo_store: Store) -> None:
    before = demo_store.get_incident(ACTIVE).status
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PickDialog)
        await read_only(app)
        dialog.query_one(OptionList).highlighted = 3  # resolved
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog
        assert "Not saved" in error_line(app) and "read-only" in error_line(app)
        await read_only(app, False)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
    assert before != "resolved" and demo_store.get_incident(ACTIVE).status == "resolved"


async def test_picking_the_current_value_writes_nothing(demo_store: Store) -> None:
    events = demo_store.count_events(ACTIVE)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot)
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert isinstance(app.screen, PickDialog)
        assert "(now)" in str(app.screen.query_one(OptionList).highlighted_option.prompt)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
    assert demo_store.count_events(ACTIVE) == events


async def test_a_refused_priority_keeps_the_dialog(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await settle(app, pilot)
        item = app.screen.selected()
        await pilot.press("p")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, PickDialog)
        await read_only(app)
        target = next(p for p in ("P1", "P2", "P3") if p != item.priority)
        dialog.query_one(OptionList).highlighted = int(target[1]) - 1
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog and "Not saved" in error_line(app)
    assert demo_store.get_action_item(item.id).priority == item.priority


async def test_a_refused_trigger_change_keeps_the_ticks(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot)
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, TriggersDialog)
        box = dialog.query_one("#security", Checkbox)
        ticked = not box.value
        box.value = ticked
        await read_only(app)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog and box.value == ticked and "Not saved" in error_line(app)
        await read_only(app, False)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
    assert demo_store.get_incident(ACTIVE).security == ticked
