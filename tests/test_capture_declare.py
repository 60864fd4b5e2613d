"""Declaring an incident that is already over: impact start, detection, resolution."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Checkbox, Input

from store import Store
from tests.conftest import SIZE, make_app
from tui.dialogs.declare import DeclareDialog
from tui.screens.incident import IncidentScreen


async def fill(app, pilot, impact: str, detected: str, resolved: str) -> DeclareDialog:
    app.declare_incident()
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, DeclareDialog)
    dialog.query_one("#title", Input).value = "Retro: cache stampede"
    dialog.query_one("#backfill", Checkbox).value = True
    await pilot.pause()
    for ident, value in (("impact", impact), ("detected", detected), ("resolved", resolved)):
        dialog.query_one(f"#{ident}", Input).value = value
    dialog.query_one("#title", Input).focus()
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


async def test_backfilled_incident_has_real_durations(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await fill(app, pilot, "2025-11-20 10:00", "2025-11-20 10:07", "2025-11-20 11:30")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, IncidentScreen)
    incident = store.get_incident(1)
    assert incident.impact_started_at == datetime(2025, 11, 20, 10, 0, tzinfo=UTC)
    assert incident.detected_at == datetime(2025, 11, 20, 10, 7, tzinfo=UTC)
    assert incident.resolved_at == datetime(2025, 11, 20, 11, 30, tzinfo=UTC)
    assert incident.status == "resolved"
    assert incident.duration_text(datetime(2025, 11, 28, tzinfo=UTC)) == "1h 30m"


async def test_backfill_refuses_unreadable_or_disordered_times(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await fill(app, pilot, "yesterday-ish", "2025-11-20 10:07", "2025-11-20 11:30")
        assert app.screen is dialog
        assert "Impact started" in str(dialog.query_one("#error").render())
        dialog.query_one("#impact", Input).value = "2025-11-20 12:00"
        dialog.query_one("#title", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "out of order" in str(dialog.query_one("#error").render())
        assert dialog.query_one("#title", Input).value == "Retro: cache stampede"
    assert store.count_incidents() == 0


async def test_backfilled_milestones_are_on_the_timeline(store: Store) -> None:
    """The retrospective's timeline (and its export) shows impact, detection and resolution."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await fill(app, pilot, "2025-11-20 10:00", "2025-11-20 10:07", "2025-11-20 11:30")
    events = [(e.kind, e.occurred_at.strftime("%H:%M")) for e in store.list_events(1) if e.kind != "status"]
    assert events == [("impact", "10:00"), ("detection", "10:07"), ("resolution", "11:30")]
    resolution = [e for e in store.list_events(1) if e.kind == "resolution"][0]
    store.delete_event(resolution.id)
    assert store.get_incident(1).resolved_at is None


async def test_declare_dialog_scrolls_on_a_short_terminal(store: Store) -> None:
    """At 80x24 the backfill fields and the Declare button are reachable (they were cut off)."""
    from textual.widgets import Button

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.declare_incident()
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#backfill", Checkbox).value = True
        await pilot.pause()
        button = dialog.query_one("#declare", Button)
        button.focus()
        await pilot.pause()
        await pilot.pause()
        assert dialog.query_one(".dialog").scroll_y > 0
        assert button.region.bottom <= 24 and button.region.height > 0
