"""The Improvements board: columns by stage, moving cards, the form, a full PDCA cycle."""

from __future__ import annotations

from textual.widgets import Input, Static

from store import Store
from tests.conftest import MARKUP_TRAPS, SIZE, make_app
from tui.dialogs.improvement_form import ImprovementForm
from tui.dialogs.pick import PickDialog
from tui.screens.board import BoardScreen
from tui.widgets.improvement_card import ImprovementCard
from tui.widgets.stage_column import StageColumn


async def settle(app, pilot) -> None:
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def open_board(app, pilot) -> BoardScreen:
    await pilot.press("3")
    await settle(app, pilot)
    assert isinstance(app.screen, BoardScreen)
    return app.screen


def column_keys(screen: BoardScreen, stage: str) -> list[str]:
    return [c.card.key for c in screen.query_one(f"#column-{stage}", StageColumn).cards]


def card_text(screen: BoardScreen, key: str) -> str:
    card = next(c for c in screen.query(ImprovementCard) if c.card.key == key)
    return str(card.render())


async def focus(screen: BoardScreen, pilot, key: str) -> None:
    next(c for c in screen.query(ImprovementCard) if c.card.key == key).focus()
    await pilot.pause()


async def fill(app, pilot, **values: str) -> None:
    """Type into the form's inputs, as a person would."""
    for name, text in values.items():
        field = app.screen.query_one(f"#f-{name}", Input)
        field.focus()
        field.value = ""
        await pilot.press(*text) if text else None


async def test_cards_sit_in_their_stage_columns(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(app, pilot)
        for stage in ("plan", "do", "check", "act"):
            assert column_keys(screen, stage) == [c.key for c in demo_store.list_improvements(stage=stage)]
        text = card_text(screen, "IMP-001")
        assert "manual checks per week: 7 → 0" in text and "-7 (-100%)" in text and "saved 2 hours a week" in text
        assert 'recurred: INC-0012 (tag config; "push", "rule")' in card_text(screen, "IMP-003")
        assert "INC-0013" not in card_text(screen, "IMP-003")
        assert "actions 1/3 done" in card_text(screen, "IMP-005")


async def test_arrow_keys_move_focus_between_cards_and_columns(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(app, pilot)
        plan, do = column_keys(screen, "plan"), column_keys(screen, "do")
        assert app.focused.card.key == plan[0]
        await pilot.press("down")
        assert app.focused.card.key == plan[1]
        await pilot.press("right")
        assert app.focused.card.key == do[1]
        await pilot.press("left", "up")
        assert app.focused.card.key == plan[0]


async def test_full_cycle_from_a_new_card_to_standardized(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, ImprovementForm)
        await pilot.press(*"Pool checks in CI")
        await fill(
            app,
            pilot,
            owner="dana",
            sources="PM-0009, Quarterly review",
            before_metric="pool incidents",
            before_value="4",
            target_value="0",
            hypothesis="A CI check catches pool limits",
        )
        await pilot.press("enter")
        await settle(app, pilot)
        key = app.focused.card.key
        assert key == "IMP-009" and key in column_keys(screen, "plan")
        card = demo_store.get_improvement(key)
        assert (card.sources, card.source_text, card.before_value) == (["PM-0009"], "Quarterly review", 4)
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert key in column_keys(screen, "do")
        item = demo_store.create_action_item("Add the pool check", owner="dana")
        await pilot.press("enter")
        await settle(app, pilot)
        await fill(app, pilot, actions=item.key)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "actions 0/1 done" in card_text(screen, key)
        await pilot.press("shift+right")
        await settle(app, pilot)
        await pilot.press("shift+right")
        await settle(app, pilot)
        assert key in column_keys(screen, "check"), "Act needs the after value first"
        await pilot.press("enter")
        await settle(app, pilot)
        await fill(app, pilot, after_value="1", measured_impact="one pool incident this quarter")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "-3 (-75%)" in card_text(screen, key)
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert key in column_keys(screen, "act")
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, PickDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        card = demo_store.get_improvement(key)
        assert (card.stage, card.status, card.decision) == ("act", "completed", "standardize")
        assert "decision standardize" in card_text(screen, key)


async def test_iterate_sends_the_card_back_to_plan(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(app, pilot)
        await focus(screen, pilot, "IMP-007")
        await pilot.press("d", "down")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "IMP-007" in column_keys(screen, "plan")
        assert "cycle 2" in card_text(screen, "IMP-007")
        assert len(demo_store.get_improvement("IMP-007").history) == 1
        said = [n.message for n in app._notifications]
        assert "IMP-007: iterate. Back in Plan for cycle 2; the before value is now 12." in said
        await pilot.press("enter")
        await settle(app, pilot)
        history = str(app.screen.query_one(".form-history", Static).render())
        assert "Cycle 1: disk alerts per week 40 → 12, iterate" in history
        assert app.screen.query_one("#f-before_value", Input).value == "12"
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert "IMP-007" in column_keys(screen, "plan")


async def test_form_refuses_bad_numbers_and_keeps_the_text(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        before = demo_store.db.one("SELECT count(*) FROM improvement")[0]
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Title is empty" in str(app.screen.query_one("#error", Static).render())
        await pilot.press(*"Faster rollbacks")
        await fill(app, pilot, before_value="seven")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ImprovementForm)
        assert "Before 'seven' is not a number" in str(app.screen.query_one("#error", Static).render())
        assert app.screen.query_one("#f-title", Input).value == "Faster rollbacks"
        await fill(app, pilot, actions="AI-0999", before_value="7")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "There is no action item AI-0999" in str(app.screen.query_one("#error", Static).render())
        assert demo_store.db.one("SELECT count(*) FROM improvement")[0] == before


async def test_filter_by_owner_and_status(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        app.screen.query_one("#owner", Input).focus()
        await pilot.press(*"da", "enter")  # a unique prefix completes, as in reassign
        await settle(app, pilot)
        owners = {c.card.owner for c in screen.query(ImprovementCard)}
        assert owners == {"dana"}
        assert "owner dana" in str(screen.query_one("#board-filter", Static).render())


async def test_markup_like_titles_and_owners_are_literal(store: Store) -> None:
    for trap in MARKUP_TRAPS:
        store.create_improvement(trap, owner=trap, expected_impact=trap, before_metric=trap)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(app, pilot)
        texts = [str(c.render()) for c in screen.query(ImprovementCard)]
        for trap, text in zip(MARKUP_TRAPS, texts, strict=False):
            assert text.count(trap) >= 3
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.query_one("#f-title", Input).value == MARKUP_TRAPS[0]
        assert app.is_running


def test_board_snapshot(snap_compare, demo_store: Store) -> None:
    async def go(pilot) -> None:
        await pilot.press("3")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=go)


async def test_escape_on_a_changed_form_asks_before_dropping_the_typing(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, ImprovementForm)
        await pilot.press(*"Retry budget")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form and form.query_one("#f-title", Input).value == "Retry budget"
        assert "unsaved changes" in str(form.query_one("#error", Static).render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is screen
        await focus(screen, pilot, "IMP-007")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(app, pilot)
        assert app.screen is screen


async def test_form_fits_an_80_by_24_terminal_with_its_error_line_and_buttons_in_view(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("enter")  # empty title: refused
        await settle(app, pilot)
        form = app.screen
        screen_region = form.region
        for selector in (".improvement-form", "#error", "#save", "#cancel"):
            region = form.query_one(selector).region
            assert region.height and screen_region.contains_region(region), selector
        assert "Title is empty" in str(form.query_one("#error", Static).render())


async def test_down_moves_to_the_next_card_even_when_the_column_overflows(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_board(app, pilot)
        await focus(screen, pilot, "IMP-001")
        holder = app.focused.parent
        assert holder.max_scroll_y > 0, "the Act column overflows at 80x24"
        await pilot.press("down")
        await pilot.pause()
        assert app.focused.card.key == "IMP-007"
        assert holder.region.overlaps(app.focused.region)
        await pilot.press("up")
        await pilot.pause()
        assert app.focused.card.key == "IMP-001"


async def test_form_owner_completes_a_unique_prefix_of_a_known_person(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        app.screen.query_one("#f-title", Input).value = "Retry budget"
        app.screen.query_one("#f-owner", Input).value = "pri"
        app.screen.query_one("#f-title", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        card = next(c for c in demo_store.list_improvements() if c.title == "Retry budget")
        assert card.owner == "priya"


async def test_x_dismisses_a_false_recurrence_and_it_stays_dismissed(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(app, pilot)
        await focus(screen, pilot, "IMP-003")
        await pilot.press("x")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "recurred" not in card_text(screen, "IMP-003")
        said = [n.message for n in app._notifications]
        assert "INC-0012 is no longer shown as a recurrence of IMP-003." in said
    assert demo_store.get_improvement("IMP-003").recurred == []
