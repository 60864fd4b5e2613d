"""Every dialog that saves, under real SQLite faults (tests/faults.py): the dialog stays open
with what was typed or chosen, its error line says why in one sentence, nothing is
half-written, and once the fault clears the same Enter saves and closes, and the change is on
disk (read back through a second connection)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from textual.widgets import Checkbox, Input, OptionList

from store import Store
from tests.conftest import SIZE, make_app
from tests.faults import FAULT_NAMES, Fault
from tests.ui_faults import error_line, fault_off, fault_on, intact, on_disk, run
from tui.dialogs.base import StoreDialog
from tui.screens.incident import IncidentScreen

ACTIVE = 14
NEW = "Checkout [b]errors[/b] for EU users"


async def incident(app, pilot) -> IncidentScreen:
    app.open_incident(ACTIVE)
    await run(app, pilot)
    return app.screen


async def main_screen(app, pilot, key: str):
    await run(app, pilot, key)
    return app.screen


def pick_other(dialog) -> str:
    """Highlight a value that is not the current one; return it."""
    values = [v for v, _ in dialog.choices]
    value = next(v for v in values if v != dialog.current and v not in ("closed",))
    dialog.query_one(OptionList).highlighted = values.index(value)
    return value


def typed(selector: str, value: str) -> Callable:
    def fill(dialog) -> str:
        dialog.query_one(selector, Input).value = value
        return value

    return fill


def tick(dialog) -> bool:
    box = dialog.query_one("#security", Checkbox)
    box.value = not box.value
    return box.value


@dataclass
class Case:
    """One dialog: how to open it, what to change, how to submit, where the change lands."""

    name: str
    open: Callable[[object, object], Awaitable[None]]
    fill: Callable[[object], object]
    submit: str
    sql: str
    expect: Callable[[object], list[tuple]]


async def open_title(app, pilot):
    (await incident(app, pilot)).action_title()


async def open_status(app, pilot):
    (await incident(app, pilot)).action_status()


async def open_triggers(app, pilot):
    (await incident(app, pilot)).action_triggers()


async def open_edit(app, pilot):
    screen = await incident(app, pilot)
    screen.timeline.focus()
    await run(app, pilot)
    screen.action_edit()


async def open_declare(app, pilot):
    app.declare_incident()


async def open_priority(app, pilot):
    (await main_screen(app, pilot, "2")).action_priority()


async def open_due(app, pilot):
    (await main_screen(app, pilot, "2")).action_due_date()


async def open_reassign(app, pilot):
    (await main_screen(app, pilot, "2")).action_reassign()


async def open_improvement(app, pilot):
    (await main_screen(app, pilot, "3")).action_new()


async def open_targets(app, pilot):
    (await main_screen(app, pilot, "4")).action_targets()


async def open_deploy(app, pilot):
    (await main_screen(app, pilot, "4")).action_record("deploy")


async def open_action_item(app, pilot):
    from tui.postmortem_nav import open_postmortem

    await open_postmortem(app, 12, "actions")
    await run(app, pilot)
    await app.screen.action_add_action()


CASES = [
    Case(
        "title",
        open_title,
        typed("#value", NEW),
        "enter",
        f"SELECT title FROM incident WHERE id = {ACTIVE}",
        lambda v: [(v,)],
    ),
    Case(
        "status", open_status, pick_other, "enter", f"SELECT status FROM incident WHERE id = {ACTIVE}", lambda v: [(v,)]
    ),
    Case(
        "triggers",
        open_triggers,
        tick,
        "ctrl+s",
        f"SELECT security FROM incident WHERE id = {ACTIVE}",
        lambda v: [(int(v),)],
    ),
    Case(
        "edit event",
        open_edit,
        typed("#text", NEW),
        "enter",
        "SELECT count(*) FROM timeline_event WHERE text = ? AND deleted_at IS NULL",
        lambda v: [(1,)],
    ),
    Case(
        "declare",
        open_declare,
        typed("#title", NEW),
        "enter",
        "SELECT count(*) FROM incident WHERE title = ?",
        lambda v: [(1,)],
    ),
    Case("priority", open_priority, pick_other, "enter", "SELECT count(*) FROM action_item WHERE priority = ?", None),
    Case(
        "due date",
        open_due,
        typed("#due", "2026-03-17"),
        "enter",
        "SELECT count(*) FROM action_item WHERE due_date = ?",
        lambda v: [(1,)],
    ),
    Case(
        "reassign",
        open_reassign,
        typed("#owner", "robin-fault"),
        "enter",
        "SELECT count(*) FROM action_item WHERE owner = ?",
        lambda v: [(1,)],
    ),
    Case(
        "improvement",
        open_improvement,
        typed("#f-title", NEW),
        "enter",
        "SELECT count(*) FROM improvement WHERE title = ?",
        lambda v: [(1,)],
    ),
    Case(
        "targets",
        open_targets,
        typed("#target-mttr_minutes", "42"),
        "enter",
        "SELECT value FROM setting WHERE key = 'target.mttr_minutes'",
        lambda v: [("42.0",)],
    ),
    Case(
        "action item",
        open_action_item,
        typed("#title", NEW),
        "ctrl+s",
        "SELECT count(*) FROM action_item WHERE title = ?",
        lambda v: [(1,)],
    ),
    Case(
        "deploy",
        open_deploy,
        typed("#ops-service", "fault-svc"),
        "enter",
        "SELECT count(*) FROM deployment WHERE service = ?",
        lambda v: [(1,)],
    ),
]


def state(app, case: Case, value) -> list[tuple]:
    params = (value,) if "?" in case.sql else ()
    return on_disk(app, case.sql, params)


@pytest.mark.parametrize("name", FAULT_NAMES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
async def test_a_refused_dialog_keeps_everything_and_the_next_save_lands(
    demo_store: Store, case: Case, name: str
) -> None:
    fault, app = Fault(name), make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await case.open(app, pilot)
        await run(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, StoreDialog), dialog
        value = case.fill(dialog)
        before = state(app, case, value)
        await fault_on(app, fault)
        await run(app, pilot, case.submit)
        assert app.screen is dialog
        said = error_line(dialog)
        assert said.startswith("Not saved: ") and fault.says in said and "\n" not in said
        assert state(app, case, value) == before and intact(app)
        await fault_off(app, fault)
        await run(app, pilot, case.submit)
        assert app.screen is not dialog
        after = state(app, case, value)
    expected = case.expect(value) if case.expect else None
    assert after != before and (expected is None or after == expected)
