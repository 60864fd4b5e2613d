"""Pilot tests of the live incident screen: typing, backdating, pinning, resolving,
editing, deleting with undo, failures that keep the text, and others' events."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from textual.widgets import Input, OptionList

from store import Store
from tests.conftest import MARKUP_TRAPS, NOW, SIZE, make_app
from tui.dialogs.edit_event import EditEventDialog
from tui.dialogs.pick import PickDialog
from tui.dialogs.text_prompt import TextPromptDialog
from tui.screens.incident import IncidentScreen

ACTIVE = 14  # the demo's active incident


async def settle(app, pilot, rounds: int = 3) -> None:
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def open_incident(app, pilot, ident: int = ACTIVE) -> IncidentScreen:
    app.open_incident(ident)
    await settle(app, pilot)
    assert isinstance(app.screen, IncidentScreen)
    return app.screen


async def log(app, pilot, line: str) -> None:
    app.screen.capture_line.value = line
    await pilot.press("enter")
    await settle(app, pilot)


def lines(screen: IncidentScreen) -> list[str]:
    view = screen.timeline
    return [view.render_line(y).text for y in range(view.size.height)]


async def test_capture_line_has_focus_and_enter_logs(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        assert app.focused is screen.capture_line
        before = demo_store.count_events(ACTIVE)
        await pilot.press(*"checking dashboards")
        await pilot.press("enter")
        await settle(app, pilot)
        events = demo_store.list_events(ACTIVE)
        assert demo_store.count_events(ACTIVE) == before + 1
        assert (events[-1].text, events[-1].occurred_at, events[-1].kind) == ("checking dashboards", NOW, "note")
        assert screen.capture_line.value == ""
        assert any("checking dashboards" in line for line in lines(screen))


async def test_backdate_and_pin_and_detect(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await log(app, pilot, "08:40 ! /detect first alert")
        [event] = [e for e in demo_store.list_events(ACTIVE) if e.text == "first alert"]
        assert (event.occurred_at, event.pinned, event.kind) == (NOW.replace(hour=8, minute=40), True, "detection")
        first = NOW.replace(hour=8, minute=39)  # the demo incident was detected at 08:39: the first time stays
        assert demo_store.get_incident(ACTIVE).detected_at == first
        assert "the detected milestone stays at 08:39:00 (the first); /detect! moves it" in str(
            screen.query_one("#capture-status").render()
        )
        assert any("★ first alert" in line for line in lines(screen))
        await log(app, pilot, "-90s pool at 100%")
        assert demo_store.list_events(ACTIVE)[-1].occurred_at == NOW - timedelta(seconds=90)


async def test_resolve_updates_status_and_header(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await log(app, pilot, "-5m /mitigate rolled back")
        await log(app, pilot, "/resolve all clear")
        incident = demo_store.get_incident(ACTIVE)
        assert (incident.status, incident.resolved_at) == ("resolved", NOW)
        header = str(screen.query_one("#header").render())
        assert "resolved" in header and "Time to resolve" in header and "Time to mitigate" in header


async def test_future_time_is_refused_and_text_stays(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        await log(app, pilot, "2025-11-28 10:30 not yet")
        assert screen.capture_line.value == "2025-11-28 10:30 not yet"
        assert "in the future" in str(screen.query_one("#capture-status").render())
        assert demo_store.count_events(ACTIVE) == before


async def test_failed_write_keeps_text_and_says_why(demo_store: Store, monkeypatch) -> None:
    def read_only(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        monkeypatch.setattr(demo_store, "capture_events", read_only)
        await log(app, pilot, "! /mitigate rolled back")
        assert screen.capture_line.value == "! /mitigate rolled back"
        assert "readonly database" in str(screen.query_one("#capture-status").render())
        assert demo_store.count_events(ACTIVE) == before
        monkeypatch.undo()
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.capture_line.value == ""
        assert demo_store.count_events(ACTIVE) == before + 2  # the event and the status change


async def test_edit_event_keeps_previous_version(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await log(app, pilot, "-2m restrated search")
        await pilot.press("up")
        await settle(app, pilot)
        assert screen.capture_line.picking and screen.timeline.cursor == screen.timeline.total - 1
        event = screen.timeline.current
        assert event.text == "restrated search"  # ↑ picks the newest event on screen
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EditEventDialog)
        app.screen.query_one("#text", Input).value = "restarted search"
        app.screen.query_one("#time", Input).value = "08:30"
        await pilot.press("enter")
        await settle(app, pilot)
        edited = demo_store.get_event(event.id)
        assert (edited.text, edited.occurred_at) == ("restarted search", NOW.replace(hour=8, minute=30))
        assert [v.text for v in demo_store.event_versions(event.id)] == [event.text]


async def test_edit_refuses_future_time_in_place(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        screen.timeline.focus()
        await settle(app, pilot)
        event = screen.timeline.current
        await pilot.press("enter")
        await settle(app, pilot)
        app.screen.query_one("#time", Input).value = "23:00"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EditEventDialog)
        assert "in the future" in str(app.screen.query_one("#error").render())
        assert demo_store.get_event(event.id).version == 1


async def test_delete_undo_and_pin(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        screen.timeline.focus()
        await settle(app, pilot)
        event = screen.timeline.current
        before = demo_store.count_events(ACTIVE)
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        assert demo_store.get_event(event.id).pinned
        await pilot.press("delete")
        await settle(app, pilot)
        assert demo_store.count_events(ACTIVE) == before - 1
        assert screen.timeline.total == before - 1
        said = str(screen.query_one("#capture-status").render())
        assert said.startswith(f"Deleted {event.occurred_at:%H:%M:%S} UTC {event.kind} “{event.text[:20]}")
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert demo_store.count_events(ACTIVE) == before
        assert str(screen.query_one("#capture-status").render()).startswith(
            f"Restored {event.occurred_at:%H:%M:%S} UTC {event.kind}"
        )
        assert demo_store.get_event(event.id).deleted_at is None


async def test_event_keys_do_not_fire_while_typing(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await pilot.press(*"xuesvcr!")
        await settle(app, pilot)
        assert screen.capture_line.value == "xuesvcr!"
        assert app.screen is screen


async def test_status_severity_commander_title_are_recorded(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)  # the incident keys act while typing: they are never text
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PickDialog)
        app.screen.query_one(OptionList).highlighted = 1  # identified
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        app.screen.query_one(OptionList).highlighted = 0  # SEV1
        await pilot.press("enter")
        await settle(app, pilot)
        for key, value in (("ctrl+o", "marcus"), ("ctrl+r", "Search API latency [b]high")):
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, TextPromptDialog)
            app.screen.query_one(Input).value = value
            await pilot.press("enter")
            await settle(app, pilot)
        incident = demo_store.get_incident(ACTIVE)
        assert (incident.status, incident.severity, incident.commander, incident.title) == (
            "identified",
            "SEV1",
            "marcus",
            "Search API latency [b]high",
        )
        texts = [e.text for e in demo_store.list_events(ACTIVE) if e.kind == "status"]
        assert {"Status: investigating → identified", "Severity: SEV3 → SEV1", "commander: priya → marcus"} <= set(
            texts
        )
        assert "Search API latency [b]high" in str(screen.query_one("#header").render())


async def test_markup_like_text_is_shown_literally(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        for trap in MARKUP_TRAPS:
            await log(app, pilot, f"-- {trap} end")
        shown = "\n".join(lines(screen))
        assert app.is_running and app.screen is screen
        for trap in MARKUP_TRAPS:
            assert f"{trap} end" in shown


async def test_escape_with_unsaved_text_stays(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await pilot.press(*"half a thought")
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and screen.capture_line.value == "half a thought"
        assert "unsaved text" in str(screen.query_one("#capture-status").render())


async def test_other_process_events_arrive_without_disturbing(demo_store: Store, db_path) -> None:
    for n in range(120):
        demo_store.add_event(ACTIVE, f"old {n}", occurred_at=NOW - timedelta(minutes=20, seconds=-n))
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        screen.timeline.focus()
        await pilot.press("home")
        await settle(app, pilot)
        screen.capture_line.focus()
        await pilot.press(*"half typ")
        before = screen.timeline.total
        await pilot.pause(1.1)  # the app's data_version poll has its baseline
        other = Store(db_path)
        other.log_event(ACTIVE, "from the bot", source="cli")
        await pilot.pause(1.3)
        await settle(app, pilot)
        assert screen.timeline.total == before + 1
        assert screen.capture_line.value == "half typ"
        assert screen.timeline.scroll_offset.y == 0 and not screen.timeline.follow
        screen.timeline.focus()
        await pilot.press("end")
        await settle(app, pilot)
        assert any("from the bot" in line for line in lines(screen))


async def test_header_ticks_and_flags_out_of_order(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        header = screen.query_one("#header")
        assert "Elapsed 25m 00s" in str(header.render())
        app.clock = lambda: NOW + timedelta(seconds=7)
        screen.tick()
        assert "Elapsed 25m 07s" in str(header.render())
        app.clock = lambda: NOW
        await log(app, pilot, "-40m /detect alert seen before impact")
        assert "⚠ detected before impact started" in str(header.render())


async def test_f1_shows_the_grammar_from_the_capture_line(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is not screen
        assert "/resolve" in app.screen.markdown and "-1h30m" in app.screen.markdown


async def test_palette_changes_severity_from_the_capture_line(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await pilot.press(*"half")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"change severity")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PickDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen and screen.capture_line.value == "half"


async def test_read_only_database_keeps_the_line(demo_store: Store) -> None:
    """A real SQLite refusal (query_only on the app's connection), not a stub."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        await app.run_store(lambda: demo_store.db.conn.execute("PRAGMA query_only=ON"))
        await log(app, pilot, "-1m /mitigate feature flag off")
        assert screen.capture_line.value == "-1m /mitigate feature flag off"
        assert "read-only" in str(screen.query_one("#capture-status").render())
        assert demo_store.count_events(ACTIVE) == before
        assert demo_store.get_incident(ACTIVE).mitigated_at is None
