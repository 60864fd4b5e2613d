"""Typing during an outage: keys never eat text, ↑ picks what the person sees, deletes
name what they delete, quit asks every screen, pasted lines are all kept, kind
typos get a suggestion, and times are read and shown in the person's zone."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from textual import events

from store import Store
from store.clock import fixed_clock
from tests.conftest import NOW, SIZE, make_app
from tests.test_capture_screen import ACTIVE, log, open_incident, settle
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.quit import QuitQuestion

#: Words that start with every key that used to act in the timeline (and the app's q, ?, digits).
WORDS = [
    "rollback started",
    "users seeing 500s",
    "status page updated",
    "edit config reverted",
    "x-ray traces",
    "paging sam",
    "traffic shifted",
    "cache flushed",
    "version pinned",
    "alerts quiet",
    "queue draining",
    "2 pods restarted",
    "!important db at 100%",
    "-- /var/log full",
]
KEY_NAMES = {" ": "space", "!": "exclamation_mark", "-": "minus", "/": "slash", "%": "percent_sign"}


def status(screen) -> str:
    return str(screen.query_one("#capture-status").render())


def burst(app, *keys: str) -> None:
    """Keys as a terminal delivers a fast typist's burst: all queued before any is handled."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(KEY_NAMES.get(key, key), key))
        else:
            app.post_message(events.Key(key, None))


@pytest.mark.parametrize("word", WORDS)
async def test_a_word_typed_right_after_up_lands_whole_in_the_line(demo_store: Store, word: str) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        burst(app, "up", *word)
        await settle(app, pilot)
        assert app.screen is screen, "no dialog opened, no screen switched"
        assert screen.capture_line.value == word and not screen.capture_line.picking
        await pilot.press("up", *word[:3])  # one key at a time too
        await settle(app, pilot)
        assert screen.capture_line.value == word + word[:3]
    assert demo_store.count_events(ACTIVE) == before, "nothing was deleted, restored or logged by a letter"


async def test_a_burst_of_lines_after_up_logs_each_once_in_order(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        for word in WORDS[:8]:
            burst(app, "up", *word, "enter")
        await settle(app, pilot, rounds=8)
    texts = [e.text for e in demo_store.list_events(ACTIVE)][-8:]
    assert demo_store.count_events(ACTIVE) == before + 8
    assert texts == WORDS[:8]


async def test_up_picks_the_newest_row_on_screen_not_row_zero(demo_store: Store) -> None:
    for n in range(60):
        demo_store.log_event(ACTIVE, f"update {n}", occurred_at=NOW - timedelta(seconds=60 - n))
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        view = screen.timeline
        await pilot.press("up")
        await settle(app, pilot)
        assert view.cursor == view.total - 1 and view.cursor_visible()
        assert view.current.text == "update 59"
        await pilot.press("escape")
        view.scroll_to(y=5, animate=False, immediate=True)  # the person scrolled up to read
        await settle(app, pilot)
        await pilot.press("up")
        await settle(app, pilot)
        bottom = view.scroll_offset.y + view.size.height - 1  # the bottom row the person can see
        assert view.cursor_visible() and bottom - 1 <= view.cursor <= bottom < view.total - 1


async def test_delete_acts_only_on_a_picked_row_on_screen(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        await pilot.press("ctrl+z", "delete")  # not picking: delete edits the text, ctrl+z does nothing
        await settle(app, pilot)
        assert demo_store.count_events(ACTIVE) == before
        for n in range(50):  # another terminal logs a lot: the picked row scrolls away
            demo_store.log_event(ACTIVE, f"bot {n}", source="cli")
        screen.reload()  # what the change poll does within a second
        await settle(app, pilot)
        await pilot.press("up")
        await settle(app, pilot)
        picked = screen.timeline.current
        screen.timeline.scroll_to(y=0, animate=False, immediate=True)
        await settle(app, pilot)
        assert not screen.timeline.cursor_visible()
        await pilot.press("delete")
        await settle(app, pilot)
        assert demo_store.get_event(picked.id).deleted_at is None
        assert "not on screen" in status(screen)


async def test_deleting_a_milestone_event_asks_and_keep_keeps_it(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await log(app, pilot, "-1m /ack on it")
        await pilot.press("up")
        await settle(app, pilot)
        event = screen.timeline.current
        assert event.kind == "acknowledgement"
        await pilot.press("delete")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        question = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "08:59:00 UTC acknowledgement “on it” sets the acknowledged milestone" in question
        await pilot.press("enter")  # "Keep it" has the focus
        await settle(app, pilot)
        assert demo_store.get_event(event.id).deleted_at is None
        assert demo_store.get_incident(ACTIVE).acknowledged_at == event.occurred_at


async def test_quit_asks_about_capture_text_on_a_screen_of_another_mode(demo_store: Store) -> None:
    """↑ 2 q (or ↑ s, ctrl+q) used to drop the capture line's text: quit asks every mode's screens."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        burst(app, *"db failover started")
        await settle(app, pilot)
        await app.run_action("switch_mode('actions')")
        await settle(app, pilot)
        assert app.current_mode == "actions"
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert isinstance(app.screen, QuitQuestion)
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "INC-0014 capture line, not logged: db failover started" in shown
        await pilot.press("ctrl+q")
        await settle(app, pilot)
        assert app.return_code is None and not isinstance(app.screen, QuitQuestion)
        assert screen.capture_line.value == "db failover started"


async def test_a_multi_line_paste_says_what_enter_does_then_logs_every_line(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        await pilot.press("up")  # a paste while picking goes to the line too
        screen.capture_line.post_message(events.Paste("-3m db slow\n-2m /mitigate failover\r\n\nall green\n"))
        await settle(app, pilot)
        assert screen.capture_line.value == "-3m db slow ⏎ -2m /mitigate failover ⏎ all green"
        assert status(screen) == "3 lines: Enter logs 3 events, ctrl+j keeps them as one event."
        await pilot.press("enter")
        await settle(app, pilot)
        events_ = [e for e in demo_store.list_events(ACTIVE) if e.kind != "status"][-3:]
        assert demo_store.count_events(ACTIVE) == before + 4  # and the status change /mitigate made
        assert [(e.text, e.kind) for e in sorted(events_, key=lambda e: e.id)] == [
            ("db slow", "note"),
            ("failover", "mitigation"),
            ("all green", "note"),
        ]
        assert screen.capture_line.value == ""
        assert status(screen).startswith("Logged 3 events from 08:57:00 UTC")


async def test_ctrl_j_keeps_pasted_lines_as_one_event_shown_whole_when_picked(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        screen.capture_line.post_message(events.Paste("/decision fail over to eu-west\nowner: sam\nETA 10 min"))
        await settle(app, pilot)
        await pilot.press("ctrl+j")
        await settle(app, pilot)
        event = demo_store.list_events(ACTIVE)[-1]
        assert (event.kind, event.text) == ("decision", "fail over to eu-west\nowner: sam\nETA 10 min")
        detail = screen.query_one("#event-detail")
        assert not detail.display
        await pilot.press("up")
        await settle(app, pilot)
        assert detail.display and "owner: sam\nETA 10 min" in str(detail.render())


async def test_one_bad_pasted_line_logs_none_and_names_the_line(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        screen.capture_line.post_message(events.Paste("db slow\n/mitgate failover"))
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert demo_store.count_events(ACTIVE) == before
        assert "line 2 of 2" in status(screen) and "did you mean /mitigate?" in status(screen)
        assert screen.capture_line.value == "db slow ⏎ /mitgate failover"


async def test_a_kind_typo_is_suggested_wraps_to_the_width_and_clears_with_the_line(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(70, 30)) as pilot:
        screen = await open_incident(app, pilot)
        await log(app, pilot, "/decisoin roll back")
        said = screen.query_one("#capture-status")
        assert "did you mean /decision?" in status(screen)
        assert said.size.height > 1 and said.size.width <= 70, "wrapped, not cut at the screen edge"
        assert status(screen).endswith("(start with -- to log it as text).")
        await pilot.press("ctrl+u")  # clear the line
        await settle(app, pilot)
        assert "did you mean" not in status(screen)


async def test_times_are_shown_and_read_in_the_persons_zone(demo_store: Store) -> None:
    from tui.app import DebriefApp

    app = DebriefApp(demo_store, clock=fixed_clock(NOW), zone=ZoneInfo("America/New_York"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        columns = str(screen.query_one("#timeline-columns").render())
        assert columns.startswith("Time ") and columns.index("Kind") == 15 and "America/New_York" in columns
        assert "(America/New_York)" in str(screen.query_one("#header").render())
        await log(app, pilot, "03:58 db slow")  # 08:58 UTC, after the impact started
        event = demo_store.list_events(ACTIVE)[-1]
        assert (event.text, event.occurred_at) == ("db slow", NOW.replace(hour=8, minute=58))
        assert status(screen).startswith("Logged 03:58:00 America/New_York")
        row = [screen.timeline.render_line(y).text for y in range(screen.timeline.size.height)]
        assert any(line.startswith("03:58:00") and "db slow" in line for line in row)


async def test_a_typed_time_before_the_incident_started_asks_first(demo_store: Store) -> None:
    """A commander west of UTC typing local 11:00 with the zone left at UTC: hours before impact."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        before = demo_store.count_events(ACTIVE)
        await log(app, pilot, "04:00 db failover started")
        assert isinstance(app.screen, ConfirmDialog)
        question = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "04:00 UTC is 2025-11-28 04:00" in question and "before impact started (08:35)" in question
        await pilot.press("enter")  # "Change the time" has the focus
        await settle(app, pilot)
        assert demo_store.count_events(ACTIVE) == before
        assert screen.capture_line.value == "04:00 db failover started"
        await log(app, pilot, "04:00 EST db failover started")  # 09:00 UTC: no question
        assert demo_store.list_events(ACTIVE)[-1].occurred_at == NOW


async def test_a_bare_time_just_after_midnight_is_yesterday_and_asked_only_when_far_back(store: Store) -> None:
    from tui.app import DebriefApp

    now = NOW.replace(hour=0, minute=10)
    store.clock = fixed_clock(now)
    incident = store.create_incident("Late night", "SEV2", "dana", declared_at=now - timedelta(hours=1))
    app = DebriefApp(store, clock=fixed_clock(now))
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot, incident.id)
        await log(app, pilot, "23:55 cache flushed")
        assert store.list_events(incident.id)[-1].occurred_at == now - timedelta(minutes=15)
        await log(app, pilot, "00:30 typo for 00:03")  # yesterday 00:30: almost a day back, asked
        assert isinstance(app.screen, ConfirmDialog)
        assert "yesterday" in " ".join(str(s.render()) for s in app.screen.query("Static"))


async def test_the_edit_dialog_shows_and_reads_the_persons_zone(demo_store: Store) -> None:
    from textual.widgets import Input

    from tui.app import DebriefApp
    from tui.dialogs.edit_event import EditEventDialog

    app = DebriefApp(demo_store, clock=fixed_clock(NOW), zone=ZoneInfo("America/New_York"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        await pilot.press("up")
        await settle(app, pilot)
        event = screen.timeline.current
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EditEventDialog)
        local = event.occurred_at.astimezone(ZoneInfo("America/New_York"))
        assert app.screen.query_one("#time", Input).value == local.strftime("%Y-%m-%d %H:%M:%S")
        assert app.screen.query_one("#text", Input).selection.is_empty, "typing must not replace the text"
        app.screen.query_one("#time", Input).value = "03:30"
        await pilot.press("enter")
        await settle(app, pilot)
    assert demo_store.get_event(event.id).occurred_at == NOW.replace(hour=8, minute=30)
