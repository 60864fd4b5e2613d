"""Recurrence: a later incident recurs a card only with shared context AND a similar trigger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from click.testing import CliRunner

from store import Store
from tui.cli import main

START = datetime(2025, 10, 1, 10, tzinfo=UTC)


def incident(store: Store, title: str, days: int, summary: str = "", services=(), tags=()):
    at = START + timedelta(days=days)
    return store.create_incident(
        title,
        "SEV2",
        "dana",
        summary=summary,
        services=list(services),
        tags=list(tags),
        impact_started_at=at,
        declared_at=at,
        resolved_at=at + timedelta(hours=1),
        status="resolved",
    )


def card_for(store: Store, source) -> str:
    pm = store.create_postmortem(source.id, author="dana")
    return store.create_improvement("Idempotent order creation", sources=[pm.key]).key


def test_shared_service_alone_is_not_a_recurrence(store: Store) -> None:
    source = incident(store, "Orders duplicated by retry storm", 0, services=["checkout", "orders"])
    key = card_for(store, source)
    incident(store, "Checkout errors after config push", 10, services=["checkout"])
    incident(store, "Connection pool exhausted after deploy", 20, services=["checkout"])
    assert store.get_improvement(key).recurred == []


def test_shared_service_and_similar_trigger_is_a_recurrence_with_its_reason(store: Store) -> None:
    source = incident(store, "Orders duplicated by retry storm", 0, services=["orders"])
    key = card_for(store, source)
    later = incident(store, "Retry storm duplicated orders again", 30, services=["orders"])
    card = store.get_improvement(key)
    assert card.recurred == [later.key]
    assert card.recurrences[0].reason == 'service orders; "duplicated", "retry", "storm"'


def test_similar_trigger_without_shared_context_is_not_a_recurrence(store: Store) -> None:
    source = incident(store, "Orders duplicated by retry storm", 0, services=["orders"])
    key = card_for(store, source)
    incident(store, "Retry storm on the search cluster", 30, services=["search"])
    assert store.get_improvement(key).recurred == []


def test_a_ticked_contributing_factor_counts_as_shared_context(store: Store) -> None:
    source = incident(store, "Orders duplicated by retry storm", 0, services=["orders"])
    key = card_for(store, source)
    later = incident(
        store, "Payments retried in a storm", 30, summary="Duplicated retry requests", services=["payments"]
    )
    assert store.get_improvement(key).recurred == []
    for inc in (source, later):
        pm = store.postmortem_for_incident(inc.id) or store.create_postmortem(inc.id, author="dana")
        store.save_section(pm.id, "factors", "- [x] Clients retry without backoff\n- [ ] Deploy at peak", author="dana")
    card = store.get_improvement(key)
    assert card.recurred == [later.key] and card.recurrences[0].reason.startswith("factor clients retry")


def test_dismissed_recurrence_stays_dismissed_from_the_command_line(store: Store, db_path) -> None:
    source = incident(store, "Orders duplicated by retry storm", 0, services=["orders"])
    key = card_for(store, source)
    later = incident(store, "Retry storm duplicated orders again", 30, services=["orders"])
    result = CliRunner().invoke(main, ["--db", str(db_path), "improvements", "dismiss-recurrence", key, later.key])
    assert result.exit_code == 0, result.output
    assert f"{later.key} is no longer shown as a recurrence of {key}" in result.output
    assert Store(db_path).get_improvement(key).recurred == []
    bad = CliRunner().invoke(main, ["--db", str(db_path), "improvements", "dismiss-recurrence", key, "INC-0999"])
    assert bad.exit_code == 2 and "INC-0999" in bad.output


def test_demo_shows_one_true_recurrence(demo_store: Store) -> None:
    linked = {c.key: c.recurred for c in demo_store.list_improvements() if c.recurred}
    assert linked == {"IMP-003": ["INC-0012"]}  # config push again, on the API gateway
