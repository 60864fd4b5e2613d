"""Snapshot of the live incident screen with the seed's example incident, and its smoke twin."""

from __future__ import annotations

from store import Store
from tests.conftest import SIZE, make_app, settle
from tui.screens.incident import IncidentScreen

SEED = 13  # INC-0013, the seed's example incident


async def open_seed(pilot) -> None:
    app = pilot.app
    app.open_incident(SEED)
    for _ in range(3):
        await settle(app, pilot)


def test_incident_screen_snapshot(snap_compare, demo_store: Store) -> None:
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=open_seed)


async def test_incident_screen_smoke(demo_store: Store) -> None:
    """The same screen, asserting on what it shows."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        screen = app.screen
        assert isinstance(screen, IncidentScreen)
        header = str(screen.query_one("#header").render())
        for part in (
            "INC-0013",
            "SEV2",
            "Checkout failures",
            "resolved",
            "dana",
            "Duration",
            "2h 15m",
            "Time to detect 5m",
            "Time to ack 5m",
            "Time to mitigate 35m",
            "Time to resolve 2h 15m",
        ):
            assert part in header, part
        view = screen.timeline
        assert view.total == demo_store.count_events(SEED)
        shown = [view.render_line(y).text for y in range(view.size.height)]
        assert any("★ Root cause identified" in line for line in shown)
        assert any(line.startswith("14:00:00") and "deploy" in line for line in shown)
        assert app.focused is screen.capture_line
