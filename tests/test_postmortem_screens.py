"""Pilot tests of search, meeting mode, triggers and the overdue marker, plus
snapshot tests of the editor and meeting mode (each with its smoke twin above)."""

from __future__ import annotations

from textual.widgets import Checkbox, DataTable, Input

from store import Store
from tests.conftest import SIZE, make_app
from tui.postmortem_nav import open_postmortem
from tui.screens.meeting import MeetingScreen
from tui.screens.postmortem import PostmortemScreen
from tui.screens.search import SearchScreen

BLAME = "\n\nThe engineer should have tested the pool size in staging."


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_search_view_finds_and_jumps_to_section(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"evening pe")
        await settle(app, pilot)
        assert [(h.kind, h.section) for h in screen.hits] == [("section", "lucky")]
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PostmortemScreen) and app.screen.current == "lucky"


async def test_search_syntax_error_is_a_message(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        app.screen.query_one(Input).value = "pool"
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count > 0
        app.screen.query_one(Input).value = '"pool AND ('
        await settle(app, pilot)
        assert "not a valid query: a quote is not closed" in str(app.screen.query_one("#search-status").render())
        assert app.is_running and app.screen.query_one(DataTable).row_count == 0 and app.screen.hits == []


async def test_incidents_marks_overdue_postmortem(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.screen.query_one(DataTable)
        cell = lambda key: table.get_cell(key, "postmortem").plain  # noqa: E731
        assert (cell("12"), cell("13"), cell("11"), cell("7")) == ("overdue", "in review", "", "recommended")
        demo_store.create_postmortem(12)
        app.screen.action_reload()
        await settle(app, pilot)
        assert cell("12") == "draft"


async def test_triggers_dialog_sets_incident_triggers(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_incident(11)
        await settle(app, pilot)
        await pilot.press("ctrl+t")  # the triggers key acts from the capture line too
        await settle(app, pilot)
        app.screen.query_one("#data_loss", Checkbox).value = True
        await pilot.click("#save")
        await settle(app, pilot)
    assert demo_store.get_incident(11).data_loss and demo_store.get_incident(11).needs_postmortem


async def test_meeting_mode_steps_and_captures_action(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_postmortem(app, 13)
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen) and meeting.current == "summary"
        assert "Duration: 2h 15m" in str(meeting.query_one("#meeting-text").render())
        await pilot.press("right", "right")
        assert meeting.current == "root_cause"
        assert "How did the system allow this" in str(meeting.query_one("#meeting-prompt").render())
        timeline = str(meeting.query_one("#meeting-timeline").render())
        assert "14:05 ★ First error alerts" in timeline and "16:15 ★ Full recovery" in timeline
        await pilot.press("a")
        await settle(app, pilot)
        app.screen.query_one("#title", Input).value = "Page the database team on pool alerts"
        app.screen.query_one("#due", Input).value = "+7d"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is meeting and meeting.current == "actions"
        text = str(meeting.query_one("#meeting-text").render())
        assert "Page the database team" in text and "⚠" not in text
        assert len(demo_store.action_items_for_postmortem(1)) == 5
        await pilot.press("a")
        await settle(app, pilot)
        app.screen.query_one("#title", Input).value = "Remind engineers to check the pool size [b]x"
        await pilot.press("enter")
        await settle(app, pilot)
        text = str(meeting.query_one("#meeting-text").render())
        assert "Remind engineers to check the pool size [b]x" in text
        assert text.count("⚠") == 1 and "⚠ A reminder relies on memory" in text


async def editor_with_hint(pilot) -> None:
    app = pilot.app
    await open_postmortem(app, 13, "root_cause")
    await app.workers.wait_for_complete()
    await pilot.pause()
    editor = app.screen.editor
    editor.move_cursor(editor.document.end)
    editor.insert(BLAME)
    await pilot.press("ctrl+n")
    await pilot.pause()


async def meeting_at_root_cause(pilot) -> None:
    app = pilot.app
    await open_postmortem(app, 13, "root_cause")
    await app.workers.wait_for_complete()
    await pilot.press("f5")
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_snapshot_editor(snap_compare, demo_store: Store, monkeypatch) -> None:
    # The picture is of typed, not yet saved text: the one-second autosave must not
    # land before it on a slow machine.
    monkeypatch.setattr("tui.screens.postmortem.AUTOSAVE_SECONDS", 3600)
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=editor_with_hint)


def test_snapshot_meeting_contrast(snap_compare, demo_store: Store) -> None:
    assert snap_compare(
        make_app(demo_store, theme="debrief-contrast"), terminal_size=SIZE, run_before=meeting_at_root_cause
    )


async def test_smoke_editor_snapshot_state(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await editor_with_hint(pilot)
        screen = app.screen
        assert isinstance(screen, PostmortemScreen) and screen.current == "root_cause"
        assert [h.rule for h in screen.hints] == ["should-have-done"]
        assert "should have tested" in str(screen.query_one("#hint-detail").render())


async def test_smoke_meeting_snapshot_state(demo_store: Store) -> None:
    app = make_app(demo_store, theme="debrief-contrast")
    async with app.run_test(size=SIZE) as pilot:
        await meeting_at_root_cause(pilot)
        assert isinstance(app.screen, MeetingScreen) and app.theme == "debrief-contrast"
        assert "v2.3.1 changed the pool" in str(app.screen.query_one("#meeting-text").render())


async def test_palette_search_jumps_to_postmortem_section(demo_store: Store) -> None:
    from tui.commands_search import SearchCommands

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        provider = SearchCommands(app.screen)
        hits = [hit async for hit in provider.search("evening peak")]
        assert len(hits) == 1 and "Where We Got Lucky" in str(hits[0].match_display)
        assert [hit async for hit in provider.search('"(')] == []
        hits[0].command()
        await settle(app, pilot)
        assert isinstance(app.screen, PostmortemScreen) and app.screen.current == "lucky"


async def test_search_down_moves_from_the_box_to_the_results(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await settle(app, pilot)
        await pilot.press(*"INC-0013")
        await settle(app, pilot)
        assert [(h.kind, h.incident_id) for h in app.screen.hits] == [("incident", 13)]
        await pilot.press("down")
        assert app.focused is app.screen.query_one("#search-results")
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "IncidentScreen"


async def test_search_escape_leaves_the_box_so_number_keys_switch_screens(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await settle(app, pilot)
        await pilot.press("escape", "1")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "IncidentsScreen"
