"""PDCA cards in the store: keys, stages, the full cycle, iterate with history, sources, recurrences."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from store import InvalidInputError, NotFoundError, Store


@pytest.fixture
def sourced(store: Store):
    """A card whose source postmortem's incident shares a service with a later incident."""
    early = store.create_incident(
        "Checkout down", services=["checkout"], tags=["db"], impact_started_at=datetime(2025, 9, 1, tzinfo=UTC)
    )
    store.create_incident("Search slow", services=["search"], impact_started_at=datetime(2025, 10, 1, tzinfo=UTC))
    later = store.create_incident(
        "Checkout again", services=["checkout"], impact_started_at=datetime(2025, 11, 1, tzinfo=UTC)
    )
    store.create_incident("Older checkout", services=["checkout"], impact_started_at=datetime(2025, 8, 1, tzinfo=UTC))
    pm = store.create_postmortem(early.id)
    card = store.create_improvement(
        "Pool size checks in CI",
        sources=[pm.key, "Quarterly review"],
        owner="dana",
        before_metric="pool incidents per quarter",
        before_value=4,
        target_value=0,
    )
    return card, pm, later


def test_keys_are_imp_three_digits_and_continue_after_imported_ones(store: Store) -> None:
    first = store.create_improvement("One")
    assert first.key == "IMP-001"
    store.create_improvement("Imported", key="IMP-041")
    assert store.create_improvement("Next").key == "IMP-042"
    assert store.get_improvement("imp-041").title == "Imported"
    with pytest.raises(InvalidInputError, match="IMP-041 already exists"):
        store.create_improvement("Again", key="IMP-041")


def test_sources_split_into_postmortems_and_free_text(sourced) -> None:
    card, pm, _ = sourced
    assert card.sources == [pm.key]
    assert card.source_text == "Quarterly review"
    assert card.source_label == f"{pm.key}, Quarterly review"


def test_sharing_a_service_or_tag_alone_is_not_a_recurrence(store: Store, sourced) -> None:
    # The rule (shared context AND a similar trigger) is tested in tests/test_recurrence.py.
    card, _, later = sourced
    assert card.recurred == []


def test_full_cycle_plan_to_standardized_with_measured_impact(store: Store, sourced) -> None:
    card, _, _ = sourced
    assert (card.stage, card.status) == ("plan", "proposed")
    assert store.move_improvement(card.id, 1).stage == "do"
    item = store.create_action_item("Add the CI check", owner="dana")
    card = store.link_action_item(card.id, item.id)
    assert (card.actions_done, card.actions_total) == (0, 1)
    store.set_action_status(item.id, "done")
    assert store.move_improvement(card.id, 1).stage == "check"
    with pytest.raises(InvalidInputError, match="after value"):
        store.move_improvement(card.id, 1)
    card = store.record_check(card.id, 1, measured_impact="one incident in the quarter")
    assert (card.after_metric, card.change, card.percent) == ("pool incidents per quarter", -3, -75)
    assert card.change_text == "-3 (-75%)"
    assert card.metric_text == "pool incidents per quarter: 4 → 1"
    assert store.move_improvement(card.id, 1).stage == "act"
    card = store.decide_improvement(card.id, "standardize")
    assert (card.stage, card.status, card.decision) == ("act", "completed", "standardize")
    assert (card.actions_done, card.actions_total) == (1, 1)
    assert [h.decision for h in card.history] == ["standardize"]


def test_iterate_goes_back_to_plan_with_the_next_cycle_and_keeps_history(store: Store, sourced) -> None:
    card, _, _ = sourced
    store.record_check(card.id, 3)
    card = store.decide_improvement(card.id, "iterate")
    assert (card.stage, card.status, card.cycle) == ("plan", "proposed", 2)
    assert card.before_value == 3 and card.after_value is None
    [first] = card.history
    assert (first.cycle, first.before_value, first.after_value, first.decision) == (1, 4, 3, "iterate")
    store.record_check(card.id, 0)
    card = store.decide_improvement(card.id, "standardize")
    assert [(h.cycle, h.decision) for h in card.history] == [(1, "iterate"), (2, "standardize")]


def test_abandon_needs_no_measurement_but_standardize_does(store: Store, sourced) -> None:
    card, _, _ = sourced
    with pytest.raises(InvalidInputError, match="no after value"):
        store.decide_improvement(card.id, "standardize")
    card = store.decide_improvement(card.id, "abandon")
    assert (card.stage, card.status) == ("act", "abandoned")


def test_moving_past_the_edges_says_so(store: Store) -> None:
    card = store.create_improvement("Edge")
    with pytest.raises(InvalidInputError, match="already in Plan, the first stage"):
        store.move_improvement(card.id, -1)


def test_bad_values_name_the_field(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="before value 'seven' is not a number"):
        store.create_improvement("X", before_value="seven")
    with pytest.raises(InvalidInputError, match="title is empty"):
        store.create_improvement("  ")
    with pytest.raises(InvalidInputError, match="stage 'done'"):
        store.create_improvement("X", stage="done")
    with pytest.raises(NotFoundError):
        store.get_improvement("IMP-999")


def test_promote_action_item_makes_a_linked_card_in_plan(store: Store) -> None:
    incident = store.create_incident("Checkout down")
    pm = store.create_postmortem(incident.id)
    item = store.create_action_item("Alert on pool saturation", owner="sam", postmortem_id=pm.id)
    card = store.promote_action_item(item.key)
    assert (card.title, card.owner, card.stage, card.sources) == (item.title, "sam", "plan", [pm.key])
    assert store.get_action_item(item.id).improvement_id == card.id
    with pytest.raises(InvalidInputError, match="already part of"):
        store.promote_action_item(item.key)


def test_save_improvement_links_exactly_the_listed_action_items(store: Store) -> None:
    a, b = (store.create_action_item(t) for t in ("A", "B"))
    card = store.save_improvement(None, ["Ops review"], [a.key, b.key], title="Card", owner="dana")
    assert card.actions_total == 2 and card.source_text == "Ops review"
    card = store.save_improvement(card.id, [], [b.key], title="Card", owner="dana")
    assert card.actions_total == 1 and store.get_action_item(a.id).improvement_id is None
    with pytest.raises(NotFoundError):
        store.save_improvement(card.id, [], ["AI-0999"], title="Card")
    card = store.save_improvement(
        card.id,
        ["Ops review, October"],
        [],
        title="Card",
        before_metric="pages",
        before_value="10",
        after_value="4",
        after_metric="",
    )
    assert (card.after_metric, card.change_text, card.source_text) == ("pages", "-6 (-60%)", "Ops review, October")


def test_list_filters_by_stage_status_and_owner(demo_store: Store) -> None:
    cards = demo_store.list_improvements()
    assert {c.stage for c in cards} == {"plan", "do", "check", "act"}
    assert all(c.owner == "dana" for c in demo_store.list_improvements(owner="dana"))
    assert [c.key for c in demo_store.list_improvements(status="completed")] == ["IMP-001"]


def test_demo_has_the_seed_improvements(demo_store: Store) -> None:
    first, second = demo_store.get_improvement("IMP-001"), demo_store.get_improvement("IMP-002")
    assert (first.title, first.source_label, first.status) == (
        "Automate database backup verification",
        "PM-042",
        "completed",
    )
    assert (first.before_metric, first.before_value, first.after_value, first.measured_impact) == (
        "manual checks per week",
        7,
        0,
        "saved 2 hours a week",
    )
    assert (second.source_label, second.status, second.expected_impact) == (
        "Quarterly review",
        "in_progress",
        "reduce cascading failures by 80%",
    )
    assert demo_store.action_counts("dana").overdue >= 3
