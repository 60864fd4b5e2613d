"""The Incidents screen: declaring through the UI, ordering, themes, markup safety."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from store import Store
from tests.conftest import MARKUP_TRAPS, SIZE, make_app, settle
from themes import THEME_NAMES
from tui.screens.incident import IncidentScreen
from tui.screens.incidents import IncidentsScreen


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_declaring_puts_the_incident_in_the_list_and_database(store: Store) -> None:
    store.set_setting("me", "dana")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.screen.query_one("#commander", Input).value == "dana"
        await pilot.press(*"Checkout down")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentsScreen)
        assert table_rows(app)[0][0] == "INC-0001"
        assert table_rows(app)[0][-1] == "Checkout down"
    saved = store.get_incident("INC-0001")
    assert (saved.title, saved.commander, saved.severity) == ("Checkout down", "dana", "SEV3")


async def test_declare_with_empty_title_keeps_dialog_open(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Title is empty" in str(app.screen.query_one("#error").render())
    assert store.count_incidents() == 0


async def test_active_incidents_first_then_newest(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = table_rows(app)
        assert rows[0][2] == "investigating"
        assert rows[1][-1].startswith("Checkout failures: database")
        started = [r[4] for r in rows[1:]]
        assert started == sorted(started, reverse=True)
        assert len(rows) == demo_store.count_incidents()


async def test_enter_opens_the_incident_with_its_timeline(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
        header = str(app.screen.query_one("#header").render())
        assert "INC-0013" in header and "SEV2" in header
        view = app.screen.timeline
        texts = " ".join(view.render_line(y).text for y in range(view.size.height))
        assert "Deployment of v2.3.1 started" in texts and "Full recovery confirmed" in texts


async def test_markup_in_titles_is_shown_literally(store: Store) -> None:
    for title in MARKUP_TRAPS:
        store.create_incident(title)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = {r[-1] for r in table_rows(app)}
        assert titles == set(MARKUP_TRAPS)
        for _ in MARKUP_TRAPS:
            await pilot.press("enter")
            await settle(app, pilot)
            header = str(app.screen.query_one("#header").render())
            assert any(t in header for t in MARKUP_TRAPS)
            await pilot.press("escape", "down")
            await settle(app, pilot)
        assert app.is_running


async def test_help_shows_the_screen_keys(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, IncidentsScreen)


async def test_theme_choice_is_saved(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "debrief-contrast"
        await settle(app, pilot)
    assert store.get_setting("theme") == "debrief-contrast"
    assert make_app(store, theme=store.get_setting("theme")).initial_theme == "debrief-contrast"


async def test_themes_are_registered_with_debrief_variables(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE):
        for name in THEME_NAMES:
            app.theme = name
            assert app.theme_variables["sev1"] and app.theme_variables["stage-check"]


async def test_data_from_another_process_appears(store: Store, db_path) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        Store(db_path).create_incident("Written elsewhere")
        await pilot.pause(1.5)
        await settle(app, pilot)
        assert [r[-1] for r in table_rows(app)] == ["Written elsewhere"]


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_snapshot_incidents(snap_compare, demo_store: Store, theme: str) -> None:
    async def ready(pilot) -> None:
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(demo_store, theme=theme), terminal_size=SIZE, run_before=ready)


@pytest.mark.parametrize("theme", THEME_NAMES)
async def test_smoke_incidents(demo_store: Store, theme: str) -> None:
    """The snapshot's twin: the same screen renders rows without an exception."""
    app = make_app(demo_store, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == theme
        assert len(table_rows(app)) == demo_store.count_incidents()
        assert app.return_code is None


@pytest.mark.parametrize("width", [80, 100, 109, 110, 200])
async def test_titles_fit_without_scrolling_sideways(demo_store: Store, width: int) -> None:
    """At 80 columns the title is still on screen (Duration and Commander give way)."""
    app = make_app(demo_store)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels[-1] == "Title"
        assert ("Commander" in labels) == (width >= 110)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert any(r[-1].startswith("Checkout fail") for r in table_rows(app))


async def test_resizing_narrow_and_back_keeps_every_row(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(200, 30)) as pilot:
        await settle(app, pilot)
        await pilot.resize_terminal(80, 30)
        await settle(app, pilot)
        assert len(table_rows(app)) == demo_store.count_incidents()
        assert len(table_rows(app)[0]) == 5  # Started, Duration, Commander give way to the title
        await pilot.resize_terminal(200, 30)
        await settle(app, pilot)
        assert len(table_rows(app)[0]) == 8
        assert table_rows(app)[1][-1] == demo_store.get_incident("INC-0013").title


async def test_footer_says_enter_opens(demo_store: Store) -> None:
    """The table's Enter is the screen's main action: the footer names it."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = {k: b.description for k, (_, b, _, _) in app.screen.active_bindings.items() if b.show}
        assert shown.get("enter") == "Open"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
        assert app.screen.incident_id == 14


async def test_f1_opens_help_on_every_main_screen_too(demo_store: Store) -> None:
    """F1 works where ? is typed, so it must work everywhere (it did nothing on the Incidents screen)."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        assert "declare an incident" in app.screen.markdown
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentsScreen)
