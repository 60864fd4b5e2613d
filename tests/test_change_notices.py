"""Change notices reach every screen that shows data, not only the top one, and reads do not
wait behind a write that waits for another program's lock."""

from __future__ import annotations

import asyncio
import time

from store import Store
from tests.conftest import SIZE, make_app, settle
from tests.faults import Fault
from tests.ui_faults import on_disk
from tui.dialogs.help import HelpScreen
from tui.postmortem_nav import open_postmortem
from tui.screens.incident import IncidentScreen
from tui.screens.postmortem import PostmortemScreen

ACTIVE = 14


def log_elsewhere(store: Store, text: str) -> None:
    """Another program logs an event (its own connection, as `debrief log` would)."""
    other = Store(store.path)
    other.log_event(ACTIVE, text, "note")
    other.close()


async def wait_for(pilot, predicate, seconds: float = 3.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        await pilot.pause(0.1)
    return predicate()


async def test_an_event_logged_under_a_dialog_shows_on_the_incident_screen(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_incident(ACTIVE)
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, IncidentScreen)
        total = screen.timeline.total
        app.action_help()
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        log_elsewhere(demo_store, "seen under the help")
        assert await wait_for(pilot, lambda: screen.timeline.total == total + 1)  # visible under the modal
        assert isinstance(app.screen, HelpScreen)


async def test_an_event_logged_under_the_postmortem_shows_once_uncovered(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_incident(ACTIVE)
        await settle(app, pilot)
        screen = app.screen
        total = screen.timeline.total
        await open_postmortem(app, ACTIVE)
        await settle(app, pilot)
        assert isinstance(app.screen, PostmortemScreen)
        log_elsewhere(demo_store, "seen after the postmortem")
        await pilot.pause(1.5)  # the poll notices; the covered screen is marked stale
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        assert await wait_for(pilot, lambda: screen.timeline.total == total + 1, 1.0)


async def test_the_list_under_an_incident_is_fresh_when_resumed(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        listing = app.screen
        app.open_incident(ACTIVE)
        await settle(app, pilot)
        other = Store(demo_store.path)
        other.create_incident("Declared in another terminal")
        other.close()
        await pilot.pause(1.5)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is listing
        assert await wait_for(
            pilot, lambda: any(i.title == "Declared in another terminal" for i in listing.incidents), 1.0
        )


async def test_reads_do_not_wait_behind_a_write_that_waits_for_a_lock(demo_store: Store) -> None:
    app = make_app(demo_store)
    lock = Fault("locked")
    async with app.run_test(size=SIZE) as pilot:
        app.open_incident(ACTIVE)
        await settle(app, pilot)
        screen = app.screen
        await app.run_store(lambda: lock.start(demo_store.db.conn))
        await app.run_store(lambda: demo_store.db.conn.execute("PRAGMA busy_timeout=5000"))
        screen.capture_line.value = "written once the lock is gone"
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert screen.saving is not None  # the write is waiting for the other program
        started = time.monotonic()
        count = await screen.store_read(demo_store.count_events, ACTIVE)
        waited = time.monotonic() - started
        assert waited < 2.5 and screen.saving is not None  # queued behind the write it would take 5 s
        await asyncio.to_thread(lock.stop, None)
        await settle(app, pilot)
        assert screen.capture_line.value == ""
    assert on_disk(app, "SELECT count(*) FROM timeline_event WHERE incident_id = ?", (ACTIVE,))[0][0] > count


async def test_a_failed_worker_of_a_screen_is_reported_there_not_dropped(demo_store: Store) -> None:
    """``Worker.StateChanged`` does not bubble: the screen's own handler (the DataScreen base)
    turns the refused write of ``p`` (creating the postmortem) into one sentence."""
    from tests.faults import Fault
    from tests.ui_faults import Toasts, fault_off, fault_on

    assert demo_store.postmortem_for_incident(ACTIVE) is None
    app, fault = make_app(demo_store), Fault("read_only")
    async with app.run_test(size=SIZE) as pilot:
        toasts = Toasts(app)
        app.open_incident(ACTIVE)
        await settle(app, pilot)
        screen = app.screen
        await fault_on(app, fault)
        screen.action_postmortem()
        await settle(app, pilot)
        assert app.is_running and app.screen is screen
        assert toasts.errors and toasts.errors[-1].startswith("Not saved: The database file is read-only")
        await fault_off(app, fault)
        screen.action_postmortem()
        await settle(app, pilot)
        assert isinstance(app.screen, PostmortemScreen)
    assert demo_store.postmortem_for_incident(ACTIVE) is not None
