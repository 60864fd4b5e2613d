"""The live incident screen as a commander finds its keys: the footer and the hint
line say where the event and incident keys act, and deleting a milestone event
(with undo) moves the header's milestones and status."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from store import Store
from tests.conftest import SIZE, make_app
from tests.test_capture_screen import ACTIVE, log, open_incident, settle
from tui.dialogs.confirm import ConfirmDialog
from tui.screens.incident import KEYS_HINT, TIMELINE_HINT


def footer_keys(app) -> dict[str, str]:
    """Key → description of the bindings the footer shows now."""
    return {key: binding.description for key, (_, binding, _, _) in app.screen.active_bindings.items() if binding.show}


def status_line(screen) -> str:
    return str(screen.query_one("#capture-status").render())


async def test_footer_points_from_the_capture_line_to_the_timeline_keys(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        assert app.screen.query_one(Footer) is not None
        assert "Pick an event" in footer_keys(app)["up"]
        typing = footer_keys(app)
        assert {"ctrl+s", "ctrl+l", "ctrl+o", "ctrl+r", "ctrl+t", "ctrl+n"} <= set(typing)
        assert not {"enter", "delete", "ctrl+z", "ctrl+b"} & set(typing)  # event keys act in the timeline only
        assert status_line(screen) == KEYS_HINT
        await pilot.press("up")
        await settle(app, pilot)
        shown = footer_keys(app)
        assert {"ctrl+b", "ctrl+z", "ctrl+s", "ctrl+l", "ctrl+o", "ctrl+r"} <= set(shown)
        assert not any(len(key) == 1 for key in shown if key != "q")  # the event keys are never text
        assert status_line(screen) == TIMELINE_HINT
        assert "enter edit" in TIMELINE_HINT and "del delete" in TIMELINE_HINT
        assert app.focused is screen.capture_line  # picking keeps the focus: typed keys all arrive in order
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.focused is screen.capture_line and not screen.capture_line.picking
        assert status_line(screen) == KEYS_HINT
        assert not {"ctrl+b", "ctrl+z"} & set(footer_keys(app))


async def test_an_error_stays_when_the_focus_moves(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await log(app, pilot, "99:99 nope")
        await pilot.press("up")
        await settle(app, pilot)
        assert "not a time of day" in status_line(screen)


async def test_deleting_the_resolve_event_reopens_and_undo_resolves_again(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await log(app, pilot, "-5m /mitigate rolled back")
        await log(app, pilot, "/resolve all clear")
        assert demo_store.get_incident(ACTIVE).status == "resolved"
        await pilot.press("up")
        await settle(app, pilot)
        while screen.timeline.current is None or screen.timeline.current.kind != "resolution":
            await pilot.press("up")
            await settle(app, pilot)
        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)  # a milestone event: asked first, naming it
        assert "09:00:00 UTC resolution “all clear”" in " ".join(str(w.render()) for w in app.screen.query("Static"))
        await pilot.click("#yes")
        await settle(app, pilot)
        assert "Deleted 09:00:00 UTC resolution “all clear”" in status_line(screen)
        incident = demo_store.get_incident(ACTIVE)
        assert (incident.status, incident.resolved_at) == ("monitoring", None)
        header = str(screen.query_one("#header").render())
        assert "Status monitoring" in header and "Resolved" not in header
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert demo_store.get_incident(ACTIVE).status == "resolved"
        assert "Status resolved" in str(screen.query_one("#header").render())


@pytest.mark.parametrize("theme", ["debrief-light", "debrief-contrast"])
async def test_cursor_covers_the_whole_pinned_row(demo_store: Store, theme: str) -> None:
    """A pinned row's own style must not hide the cursor (it did in light and contrast)."""
    app = make_app(demo_store, theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot, 13)  # the seed incident ends with a pinned event
        await pilot.press("up")
        await settle(app, pilot)
        view = screen.timeline
        assert view.current is not None and view.current.pinned
        cursor = view.get_component_rich_style("timeline--cursor").bgcolor
        row = view.render_line(view.cursor - view.scroll_offset.y)
        assert {segment.style.bgcolor for segment in row if segment.text.strip()} == {cursor}


def test_demo_declarations_are_by_the_demo_person(store: Store) -> None:
    from store.demo import load_demo

    load_demo(store)
    declared = [e for e in store.list_events(13) if e.text.startswith("Declared")]
    assert [e.author for e in declared] == ["dana"]


async def test_editing_an_old_event_to_a_clock_time_keeps_its_day(demo_store: Store) -> None:
    """14:07 on an event of 2025-11-27 means that day, not today."""
    from datetime import UTC, datetime

    from textual.widgets import Input

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot, 13)
        await pilot.press("up")
        await settle(app, pilot)
        event = screen.timeline.current
        assert event.occurred_at.date().isoformat() == "2025-11-27"
        await pilot.press("enter")
        await settle(app, pilot)
        app.screen.query_one("#time", Input).value = "16:07"
        await pilot.press("enter")
        await settle(app, pilot)
    assert demo_store.get_event(event.id).occurred_at == datetime(2025, 11, 27, 16, 7, tzinfo=UTC)


def test_milestones_break_between_milestones_not_inside_one(demo_store: Store) -> None:
    from tui.widgets.incident_header import durations, milestones

    incident = demo_store.get_incident(13)
    lines = milestones(incident, 60).plain.split("\n")
    assert lines == [
        "Impact 2025-11-27 14:00  Detected 14:05  Declared 14:08",
        "Acked 14:10  Mitigated 14:35  Resolved 16:15  (UTC)",
    ]
    assert all(len(line) <= 60 for line in durations(incident, 60).plain.split("\n"))
    assert "\n" not in milestones(incident, 200).plain


async def test_enter_while_the_previous_line_is_saving_logs_each_line_once_in_order(demo_store: Store) -> None:
    """Typing on and pressing Enter while a slow write is in flight logs the first line once, then the
    second (a fast typist's Enters are not dropped), and keeps what is typed after."""
    import threading

    release = threading.Event()
    real = demo_store.capture_events

    def slow(*args, **kwargs):
        release.wait(5)
        return real(*args, **kwargs)

    demo_store.capture_events = slow
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        screen.capture_line.value = "first"
        await pilot.press("enter")
        await pilot.pause()
        screen.capture_line.value = "first second"
        await pilot.press("enter")
        await pilot.pause()
        assert "this one follows" in status_line(screen)
        screen.capture_line.value = "first second thi"  # still typing while the first line saves
        release.set()
        await settle(app, pilot)
        assert screen.capture_line.value == "thi"
    texts = [e.text for e in demo_store.list_events(ACTIVE)][-2:]
    assert demo_store.count_events(ACTIVE) == before + 2
    assert texts == ["first", "second"]


async def test_quitting_with_a_half_typed_line_asks_first(demo_store: Store) -> None:
    """ctrl+q used to quit and drop the capture line's text; a second ctrl+q on the question means stay."""
    from tui.dialogs.quit import QuitQuestion

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        screen.capture_line.value = "db failover [/] started"
        await pilot.press("up")
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert isinstance(app.screen, QuitQuestion)
        assert any("db failover [/] started" in str(s.render()) for s in app.screen.query("Static"))
        await pilot.press("ctrl+q")  # pressed again, as when the dialog seems slow: stay
        await settle(app, pilot)
        assert app.screen is screen and app.return_code is None
        assert screen.capture_line.value == "db failover [/] started"
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        await pilot.press("enter")  # "Stay" has the focus
        await settle(app, pilot)
        assert app.screen is screen and app.return_code is None
        screen.capture_line.value = ""
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert app.return_code == 0


async def test_typing_a_letter_that_is_not_a_timeline_key_goes_to_the_capture_line(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        screen.capture_line.value = ""
        await pilot.press("up")
        await settle(app, pilot)
        await pilot.press(*"hello there")
        await settle(app, pilot)
        assert app.focused is screen.capture_line
        assert screen.capture_line.value == "hello there"
        assert app.screen is screen  # 'e' and 't' were typed, not taken as edit and triggers
