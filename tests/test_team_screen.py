"""The live incident screen as a team uses it: the roles bar, hand-offs from the
screen, the update composer (ctrl+g and /update), the overdue countdown, nudges,
and the author column."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from textual.widgets import Input, OptionList, Static, TextArea

from store import Store, fixed_clock
from tests.conftest import SIZE, make_app, settle
from tui.dialogs.role import RoleDialog
from tui.dialogs.update import UpdateDialog
from tui.screens.incident import IncidentScreen
from tui.widgets.team_bar import TeamBar

ACTIVE = 14  # the demo's active incident (SEV3, commander priya, declared 19 minutes before NOW)


def bar(app) -> str:
    return str(app.screen.query_one(TeamBar).render())


def status_line(app) -> str:
    return str(app.screen.query_one("#capture-status", Static).render())


async def open_incident(app, pilot, ident: int = ACTIVE) -> IncidentScreen:
    app.open_incident(ident)
    await settle(app, pilot)
    return app.screen


async def test_bar_shows_roles_and_the_ack_nudge(demo_store: Store) -> None:
    demo_store.assign_role(ACTIVE, "comms", "[b]lee")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot)
        text = bar(app)
        assert "commander priya" in text and "comms [b]lee" in text
        assert "Not acknowledged 19m after it was declared: log /ack" in text
        assert "Next update" not in text  # SEV3 has no cadence by default


async def test_sev1_counts_down_then_warns_when_overdue(demo_store: Store) -> None:
    demo_store.set_severity(ACTIVE, "SEV1")
    declared = demo_store.get_incident(ACTIVE).declared_at
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        assert "Next update in 11m" in bar(app) and not screen.query_one(TeamBar).has_class("overdue")
        app.clock = fixed_clock(declared + timedelta(minutes=35))
        screen.tick()
        await pilot.pause()
        assert "Stakeholder update overdue by 5m" in bar(app)
        assert screen.query_one(TeamBar).has_class("overdue")


async def test_ctrl_o_sends_an_update_and_copies_it(demo_store: Store) -> None:
    demo_store.set_severity(ACTIVE, "SEV2")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot)
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        assert isinstance(app.screen, UpdateDialog)
        draft = app.screen.query_one(TextArea).text
        assert "Severity: SEV2 · Commander: priya" in draft and "Next update: by 10:00 UTC (in 60 min)" in draft
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
        assert app.clipboard == draft and "copied to the clipboard" in status_line(app)
        assert "Next update in 1h 00m" in bar(app)
    event = demo_store.list_events(ACTIVE)[-1]
    assert (event.kind, event.author, event.text) == ("communication", "dana", draft)


async def test_slash_update_keeps_the_line_until_sent_and_survives_a_lock(demo_store: Store, db_path) -> None:
    before = demo_store.count_events(ACTIVE)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        screen.capture_line.value = "/update Rolled back; checkout [b]recovering"
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, UpdateDialog)
        assert dialog.query_one(TextArea).text == "Rolled back; checkout [b]recovering"
        blocker = sqlite3.connect(db_path, isolation_level=None, timeout=0)
        blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        await app.run_store(lambda: app.store.db.conn.execute("PRAGMA busy_timeout=50"))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog and "locked" in str(dialog.query_one("#error", Static).render())
        assert dialog.query_one(TextArea).text == "Rolled back; checkout [b]recovering"
        blocker.execute("ROLLBACK")
        blocker.close()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen) and screen.capture_line.value == ""
    assert demo_store.count_events(ACTIVE) == before + 1
    assert demo_store.list_events(ACTIVE)[-1].text == "Rolled back; checkout [b]recovering"


async def test_cancelled_update_leaves_the_line(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        screen.capture_line.value = "/update"
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert screen.capture_line.value == "/update"


async def test_role_key_hands_a_role_over(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot)
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, RoleDialog)
        dialog.query_one(OptionList).highlighted = 2  # comms
        await pilot.press("enter")
        await pilot.press(*"marcus", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen) and "comms marcus" in bar(app)
    assert demo_store.list_events(ACTIVE)[-1].text == "comms: — → marcus"
    assert demo_store.list_events(ACTIVE)[-1].author == "dana"


async def test_w_toggles_the_author_column(demo_store: Store) -> None:
    demo_store.as_user("alertbot").log_event(ACTIVE, "disk 95% on search-3")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        view = screen.timeline
        row = lambda: view.row_text(demo_store.list_events(ACTIVE)[-1], 100).plain  # noqa: E731
        assert row().rstrip().endswith("alertbot")
        assert "Who" in str(screen.query_one("#timeline-columns", Static).render())

        await pilot.press("f2")
        await pilot.pause()
        assert "alertbot" not in row() and "Who" not in str(screen.query_one("#timeline-columns", Static).render())


async def test_metrics_screen_lists_incidents_per_commander(demo_store: Store) -> None:
    latest = demo_store.get_incident(ACTIVE)
    demo_store.assign_role(ACTIVE, "commander", "[b]marcus")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await settle(app, pilot)
        table = app.screen.query_one("#workload-table")
        rows = {table.get_row_at(i)[0].plain: table.get_row_at(i)[1].plain for i in range(table.row_count)}
    period_start = latest.started_at.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    expected = dict(
        (n, str(c))
        for n, c in demo_store.commander_workload(period_start.date(), latest.started_at.date() + timedelta(days=1))
    )
    assert rows["[b]marcus"] == "1" and rows == expected


async def test_severity_nudge_and_confirming_the_default(demo_store: Store) -> None:
    incident = demo_store.as_user("alertbot").create_incident("Disk full on db-3", None)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot, incident.id)
        assert "No severity yet (SEV3 by default)" in bar(app)
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        app.screen.query_one(OptionList).highlighted = 2  # SEV3, the default: confirming it is a write
        await pilot.press("enter")
        await settle(app, pilot)
        assert "No severity yet" not in bar(app)
    assert demo_store.get_incident(incident.id).severity_assessed


async def test_markup_in_names_and_roles_is_text(demo_store: Store) -> None:
    from tests.conftest import MARKUP_TRAPS

    demo_store.set_team_setting("roles", "commander, comms")
    for trap in MARKUP_TRAPS:
        demo_store.assign_role(ACTIVE, "comms", trap)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_incident(app, pilot)
        assert f"comms {MARKUP_TRAPS[-1]}" in bar(app)
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        assert isinstance(app.screen, RoleDialog) and app.is_running
        await pilot.press("down")
        assert app.screen.query_one(Input).value == MARKUP_TRAPS[-1]


async def test_an_edit_by_someone_else_is_marked(demo_store: Store) -> None:
    event = demo_store.as_user("alertbot").log_event(ACTIVE, "disk 95%")
    demo_store.as_user("priya").edit_event(event.id, text="disk 97%")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_incident(app, pilot)
        assert screen.timeline.row_text(demo_store.get_event(event.id), 100).plain.rstrip().endswith("alertbot ✎")
