"""The Action items screen: mine/overdue first by default, one key per triage action."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import DataTable, Input, Static

from store import Store
from tests.conftest import MARKUP_TRAPS, NOW, SIZE, make_app
from tui.dialogs.due_date import DueDateDialog
from tui.dialogs.improvement_form import ImprovementForm
from tui.dialogs.pick import PickDialog
from tui.screens.incident import IncidentScreen
from tui.screens.triage import TriageScreen


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_triage(app, pilot) -> TriageScreen:
    await pilot.press("2")
    await settle(app, pilot)
    assert isinstance(app.screen, TriageScreen)
    return app.screen


def shown_keys(screen: TriageScreen) -> list[str]:
    return [item.key for item in screen.items]


def header(screen: TriageScreen) -> str:
    return str(screen.query_one("#triage-counts", Static).render())


async def test_default_view_is_mine_overdue_first_with_counts(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        expected = [i.key for i in demo_store.list_action_items(owner="dana")]
        assert shown_keys(screen) == expected and len(expected) >= 5
        assert {i.owner for i in screen.items} == {"dana"}
        flags = [i.overdue(NOW.date()) for i in screen.items]
        assert flags == sorted(flags, reverse=True) and flags[0]
        counts = demo_store.action_counts("dana")
        assert f"{counts.open} open" in header(screen) and f"{counts.overdue} overdue" in header(screen)
        assert screen.query_one(DataTable).row_count == len(expected)


async def test_clearing_every_overdue_item_with_d(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        overdue = demo_store.action_counts("dana").overdue
        for _ in range(overdue):
            await pilot.press("d")
            await settle(app, pilot)
        assert demo_store.action_counts("dana").overdue == 0
        assert "0 overdue" in header(screen)
        assert not any(i.overdue(NOW.date()) for i in screen.items)


async def test_start_and_wont_do(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        target = next(i for i in screen.items if i.status == "open")
        screen.query_one(DataTable).move_cursor(row=screen.items.index(target))
        await pilot.press("s")
        await settle(app, pilot)
        assert demo_store.get_action_item(target.id).status == "in_progress"
        await pilot.press("w")
        await settle(app, pilot)
        assert demo_store.get_action_item(target.id).status == "wont_do"
        assert target.key not in shown_keys(screen)


async def test_priority_dialog(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        first = screen.items[0]
        await pilot.press("p")
        await settle(app, pilot)
        assert isinstance(app.screen, PickDialog)
        await pilot.press("end", "enter")
        await settle(app, pilot)
        assert demo_store.get_action_item(first.id).priority == "P3"
        assert isinstance(app.screen, TriageScreen)


async def test_due_date_takes_natural_input_and_keeps_bad_text(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        first = screen.items[0]
        await pilot.press("u")
        await settle(app, pilot)
        await pilot.press(*"someday", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, DueDateDialog)
        assert app.screen.query_one(Input).value == "someday"
        assert "not understood" in str(app.screen.query_one("#error", Static).render())
        assert demo_store.get_action_item(first.id).due_date == first.due_date
        app.screen.query_one(Input).value = ""
        await pilot.press(*"+3d", "enter")
        await settle(app, pilot)
        assert demo_store.get_action_item(first.id).due_date == NOW.date() + timedelta(days=3)
        assert f"{first.key} due date: 2025-12-01." in [n.message for n in app._notifications]
        screen.query_one(DataTable).move_cursor(row=shown_keys(screen).index(first.key))
        await pilot.press("u")
        await settle(app, pilot)
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")  # empty clears the date
        await settle(app, pilot)
        assert demo_store.get_action_item(first.id).due_date is None
        assert f"{first.key} due date: cleared." in [n.message for n in app._notifications]


async def test_snooze_and_reassign_with_completion(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        first = screen.items[0]
        await pilot.press("z")
        await settle(app, pilot)
        assert demo_store.get_action_item(first.id).due_date == date(2025, 12, 5)
        screen.query_one(DataTable).move_cursor(row=shown_keys(screen).index(first.key))
        await pilot.press("a")
        await settle(app, pilot)
        app.screen.query_one(Input).value = ""
        await pilot.press(*"pri", "enter")
        await settle(app, pilot)
        assert demo_store.get_action_item(first.id).owner == "priya"
        assert first.key not in shown_keys(screen)


async def test_promote_open_source_and_filters(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        item = (
            next(i for i in screen.items if i.postmortem_id and not i.improvement_id)
            if any(i.postmortem_id and not i.improvement_id for i in screen.items)
            else screen.items[-1]
        )
        screen.query_one(DataTable).move_cursor(row=screen.items.index(item))
        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, ImprovementForm)
        assert app.screen.query_one("#f-actions", Input).value == item.key
        await pilot.press("enter")
        await settle(app, pilot)
        linked = demo_store.get_action_item(item.id).improvement_id
        card = demo_store.get_improvement(linked)
        assert (card.title, card.stage, card.actions_total) == (item.title, "plan", 1)
        assert card.sources == ([item.postmortem_key] if item.postmortem_key else [])
        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, TriageScreen), "an item already on a card is not promoted twice"
        await pilot.press("e")
        await settle(app, pilot)
        assert len({i.owner for i in screen.items}) > 1 and "Everyone" in header(screen)
        await pilot.press("v")
        await settle(app, pilot)
        assert screen.items and all(i.overdue(NOW.date()) for i in screen.items)
        first = screen.items[0]
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ in ("IncidentScreen", "PostmortemScreen")
        if isinstance(app.screen, IncidentScreen):
            assert app.screen.incident_id == (first.pm_incident or first.incident_id)


async def test_markup_like_titles_and_owners_are_literal(store: Store) -> None:
    store.set_setting("me", MARKUP_TRAPS[3])
    for trap in MARKUP_TRAPS:
        store.create_action_item(trap, owner=MARKUP_TRAPS[3], due_date="2025-11-01")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        table = screen.query_one(DataTable)
        titles = {table.get_row_at(r)[7].plain for r in range(table.row_count)}
        assert titles == set(MARKUP_TRAPS)
        assert MARKUP_TRAPS[3] in header(screen)
        await pilot.press("d")
        await settle(app, pilot)
        assert app.is_running


def test_triage_snapshot(snap_compare, demo_store: Store) -> None:
    async def go(pilot) -> None:
        await pilot.press("2")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=go)


async def test_long_lists_are_paged_in_as_the_cursor_reaches_the_end(store: Store) -> None:
    store.set_setting("me", "dana")
    with store.db.write():
        for n in range(450):
            store.create_action_item(f"item {n:03d}", owner="dana", due_date="2025-12-15")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        assert len(screen.items) == TriageScreen.PAGE
        await pilot.press("ctrl+end")
        await settle(app, pilot)
        assert len(screen.items) == 2 * TriageScreen.PAGE
        assert "450 open" in header(screen)


async def test_filter_dialog_and_help(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        field = app.screen.query_one("#owner", Input)
        field.value = ""
        await pilot.press(*"sa", "enter")  # a unique prefix completes, as in reassign
        await settle(app, pilot)
        assert screen.items and {i.owner for i in screen.items} == {"sam"}
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Help · Action items" in str(app.screen.query_one(".dialog-title").render())


async def test_narrow_terminal_keeps_the_title_readable_and_every_key_in_the_footer(demo_store: Store) -> None:
    from textual.widgets._footer import FooterKey

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_triage(app, pilot)
        table = screen.query_one(DataTable)
        assert [c.value for c in table.columns] == ["key", "priority", "due", "status", "owner", "title"]
        title = table.columns[next(k for k in table.columns if k.value == "title")]
        assert title.width >= 20 and table.virtual_size.width <= table.size.width, "no sideways scrolling"
        assert table.get_row_at(0)[-1].plain == screen.items[0].title
        footer_keys = {k.key for k in app.screen.query(FooterKey)}
        assert {"d", "s", "w", "p", "u", "z", "a"} <= footer_keys
        await pilot.resize_terminal(*SIZE)
        await settle(app, pilot)
        assert [c.value for c in table.columns][-3:] == ["source", "card", "title"]
        assert len(table.get_row_at(0)) == 8 and table.get_row_at(0)[5].plain == screen.items[0].source


async def test_enter_opens_the_source_postmortem_at_its_action_items(demo_store: Store) -> None:
    from tui.screens.postmortem import PostmortemScreen

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_triage(app, pilot)
        item = next(i for i in screen.items if i.pm_incident)
        screen.query_one(DataTable).move_cursor(row=screen.items.index(item))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PostmortemScreen) and app.screen.current == "actions"


async def test_reassign_to_a_prefix_of_several_people_asks_for_more(store: Store) -> None:
    store.set_setting("me", "dana")
    item = store.create_action_item("Tune the pool", owner="dana", due_date="2025-11-01")
    for name in ("marcus", "mary"):
        store.create_action_item(f"{name}'s item", owner=name)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_triage(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        app.screen.query_one(Input).value = ""
        await pilot.press(*"ma", "enter")
        await settle(app, pilot)
        assert "'ma' could be marcus or mary; type more of the name." in str(app.screen.query_one("#error").render())
        assert store.get_action_item(item.id).owner == "dana"
        await pilot.press(*"ry", "enter")
        await settle(app, pilot)
        assert store.get_action_item(item.id).owner == "mary"


def test_completion_of_names_typed_by_hand() -> None:
    from tui.dialogs.reassign import ambiguous, complete

    people = ["dana", "marcus", "mary", "priya"]
    assert complete("Dana", people) == "dana", "a known name in another case is that person"
    assert complete("pri", people) == "priya"
    assert complete("ma", people) == "ma" and ambiguous("ma", people) == ["marcus", "mary"]
    assert complete("zoe", people) == "zoe" and ambiguous("zoe", people) == []
    assert complete("", people) == ""
