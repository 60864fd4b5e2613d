"""Keyset paging: the next page starts after the last row shown, so a list whose order
shifts between two pages never repeats a row (offset paging did, and the table raised
DuplicateKey inside a worker)."""

from __future__ import annotations

from datetime import date

from store import Store
from tests.conftest import SIZE, make_app, settle
from tui.screens.triage import TriageScreen
from tui.widgets.paged_table import PagedTable


def pages(read, size: int) -> list[int]:
    ids, after = [], None
    while True:
        rows = read(limit=size, after=after)
        ids += [r.id for r in rows]
        if len(rows) < size:
            return ids
        after = rows[-1].id


def test_incident_pages_by_key_join_into_the_whole_list(demo_store: Store) -> None:
    whole = [i.id for i in demo_store.list_incidents(limit=1000)]
    assert len(whole) > 10
    assert pages(demo_store.list_incidents, 4) == whole


def test_triage_pages_by_key_join_into_the_whole_list(demo_store: Store) -> None:
    for status in ("active", "all", "done"):
        whole = [i.id for i in demo_store.list_action_items(owner=None, status=status, limit=1000)]
        read = lambda limit, after, status=status: demo_store.list_action_items(  # noqa: E731
            owner=None, status=status, limit=limit, after=after
        )
        assert pages(read, 3) == whole, status


def test_a_row_that_moves_up_between_pages_is_not_read_twice(demo_store: Store) -> None:
    first = demo_store.list_action_items(owner=None, status="active", limit=3)
    rest = [i for i in demo_store.list_action_items(owner=None, status="active", limit=1000) if i not in first]
    mover = rest[-1]
    demo_store.update_action_item(mover.id, priority="P1", due_date=date(2020, 1, 1))  # now it sorts first
    offset_page = demo_store.list_action_items(owner=None, status="active", limit=1000, offset=3)
    keyset_page = demo_store.list_action_items(owner=None, status="active", limit=1000, after=first[-1].id)
    shown = {i.id for i in first}
    assert any(i.id in shown for i in offset_page)  # offset paging repeats a row already shown
    assert not any(i.id in shown for i in keyset_page)


async def test_the_triage_table_pages_in_by_key(demo_store: Store, monkeypatch) -> None:
    monkeypatch.setattr(TriageScreen, "PAGE", 3)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "e")
        await settle(app, pilot)
        screen = app.screen
        table = screen.query_one(PagedTable)
        assert table.row_count == 3 and not table.exhausted
        for _ in range(40):
            await pilot.press("down")
            await settle(app, pilot)
        whole = demo_store.list_action_items(owner=None, status=screen.filter.status, limit=1000)
        assert [i.id for i in screen.items] == [i.id for i in whole] and table.exhausted
