"""A toast never covers the line being typed in (the capture line is at the bottom)."""

from __future__ import annotations

from store import Store
from tests.conftest import SIZE, make_app
from tui.widgets.capture_line import CaptureLine


async def test_toast_does_not_cover_the_capture_line(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.open_incident(14)
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        line = app.screen.query_one(CaptureLine)
        await pilot.press(*"rolled back")
        app.notify("A long message that would sit right where the commander types " * 2, timeout=30)
        await pilot.pause(0.3)
        toasts = list(app.screen.query("Toast"))
        assert toasts
        for toast in toasts:
            assert not toast.region.overlaps(line.region)
