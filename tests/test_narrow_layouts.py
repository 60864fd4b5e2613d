"""At 80x24 the incident list keeps titles readable and the declare dialog keeps
its buttons in sight; the severity picker says what each severity means."""

from __future__ import annotations

from textual.widgets import Button, DataTable, Select, Static

from store import Store
from tests.conftest import make_app
from tui.dialogs.declare import DeclareDialog

SMALL = (80, 24)


async def settle(app, pilot) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_titles_stay_readable_at_80_columns(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        titles = [str(table.get_cell_at((row, len(table.columns) - 1))) for row in range(table.row_count)]
        assert "Elevated latency on search API" in titles
        cut = [t for t in titles if t.endswith("…")]
        assert cut and min(len(t) for t in cut) >= 28


async def test_declare_dialog_keeps_its_buttons_and_explains_severity(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, DeclareDialog)
        screen_region = dialog.region
        for button in dialog.query(Button):
            assert screen_region.contains_region(button.region) and button.region.height > 0
        meaning = dialog.query_one("#severity-meaning", Static)
        assert "workaround" in str(meaning.render())
        dialog.query_one("#severity", Select).value = "SEV1"
        await pilot.pause()
        assert str(meaning.render()).startswith("SEV1: a core service is down")


async def test_severity_picker_on_the_incident_says_what_each_means(demo_store: Store) -> None:
    from textual.widgets import OptionList

    from tui.dialogs.pick import PickDialog

    app = make_app(demo_store)
    async with app.run_test(size=SMALL) as pilot:
        app.open_incident(14)
        await settle(app, pilot)
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        assert isinstance(app.screen, PickDialog)
        options = app.screen.query_one(OptionList)
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert texts[0].startswith("SEV1  critical:") and "(now)" in texts[2]
