"""Triage queries: ordering (overdue, priority, due date), filters, paging, counts, index use."""

from __future__ import annotations

from datetime import date

import pytest

from store import InvalidInputError, Store

TODAY = date(2025, 11, 28)


@pytest.fixture
def items(store: Store) -> dict[str, int]:
    """A spread of items for dana and sam; returns ids by title."""
    specs = (
        ("late P3", "dana", "2025-11-01", "P3", "open"),
        ("late P1", "dana", "2025-11-20", "P1", "open"),
        ("late P1 older", "dana", "2025-11-10", "P1", "in_progress"),
        ("soon P1", "dana", "2025-12-01", "P1", "open"),
        ("soon P2", "dana", "2025-11-29", "P2", "open"),
        ("undated P1", "dana", None, "P1", "open"),
        ("done late", "dana", "2025-11-01", "P1", "done"),
        ("dropped", "dana", "2025-11-01", "P2", "wont_do"),
        ("sam late", "sam", "2025-11-02", "P2", "open"),
        ("sam soon", "sam", "2025-12-02", "P1", "open"),
    )
    return {t: store.create_action_item(t, owner=o, due_date=d, priority=p, status=s).id for t, o, d, p, s in specs}


def titles(rows) -> list[str]:
    return [r.title for r in rows]


def test_mine_is_overdue_first_then_priority_then_due_date(store: Store, items) -> None:
    rows = store.list_action_items(owner="dana")
    assert titles(rows) == ["late P1 older", "late P1", "late P3", "soon P1", "undated P1", "soon P2"]
    assert [r.overdue(TODAY) for r in rows] == [True, True, True, False, False, False]


def test_everyone_mixes_owners_in_the_same_order(store: Store, items) -> None:
    rows = store.list_action_items(owner=None)
    assert titles(rows)[:4] == ["late P1 older", "late P1", "sam late", "late P3"]
    assert {r.owner for r in rows} == {"dana", "sam"}


def test_overdue_filter_keeps_only_open_items_past_due(store: Store, items) -> None:
    assert titles(store.list_action_items(owner="dana", overdue=True)) == ["late P1 older", "late P1", "late P3"]
    assert titles(store.list_action_items(owner="dana", overdue=True, status="all")) == [
        "late P1 older",
        "late P1",
        "late P3",
    ]


@pytest.mark.parametrize(
    "status, expected",
    [
        ("done", {"done late"}),
        ("wont_do", {"dropped"}),
        ("closed", {"done late", "dropped"}),
        ("in_progress", {"late P1 older"}),
    ],
)
def test_status_filters(store: Store, items, status: str, expected: set[str]) -> None:
    assert set(titles(store.list_action_items(owner="dana", status=status))) == expected


def test_all_statuses_puts_closed_items_after_overdue_ones(store: Store, items) -> None:
    rows = store.list_action_items(owner="dana", status="all")
    assert len(rows) == 8
    assert not rows[0].closed and rows[0].overdue(TODAY)


def test_unknown_status_filter_names_the_choices(store: Store, items) -> None:
    with pytest.raises(InvalidInputError, match="status filter 'late'.*active"):
        store.list_action_items(status="late")


def test_paging_in_sql_returns_consecutive_slices(store: Store, items) -> None:
    whole = titles(store.list_action_items(status="all"))
    pages = [titles(store.list_action_items(status="all", limit=3, offset=o)) for o in (0, 3, 6, 9)]
    assert sum(pages, []) == whole
    assert [len(p) for p in pages] == [3, 3, 3, 1]


def test_counts_open_and_overdue(store: Store, items) -> None:
    dana = store.action_counts("dana")
    assert (dana.open, dana.overdue) == (6, 3)
    everyone = store.action_counts(None)
    assert (everyone.open, everyone.overdue) == (8, 4)


def test_closing_sets_done_time_and_drops_from_default_view(store: Store, items) -> None:
    item = store.set_action_status(items["late P1"], "done")
    assert item.done_at is not None
    assert "late P1" not in titles(store.list_action_items(owner="dana"))
    assert store.action_counts("dana").overdue == 2


def test_source_is_the_postmortem_key(store: Store) -> None:
    incident = store.create_incident("Checkout down")
    pm = store.create_postmortem(incident.id)
    store.create_action_item("Add alert", owner="dana", postmortem_id=pm.id)
    [row] = store.list_action_items(owner="dana")
    assert row.source == pm.key and row.postmortem_key == pm.key


def test_triage_query_uses_the_open_items_index(store: Store, items) -> None:
    from store.actions import TRIAGE_IDS_SQL, triage_where

    for owner, index in (("dana", "action_item_triage_by_owner"), (None, "action_item_triage")):
        where, params = triage_where(owner, False, "active", TODAY)
        plan = store.db.query(
            "EXPLAIN QUERY PLAN " + TRIAGE_IDS_SQL.format(where=where), (*params, TODAY.isoformat(), 50, 0)
        )
        details = " ".join(r["detail"] for r in plan)
        assert f"COVERING INDEX {index}" in details, details
