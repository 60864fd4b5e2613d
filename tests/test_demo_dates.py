"""The demo follows today: opened on any day, it shows a current picture."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from store import Store, fixed_clock
from store.clock import from_iso
from store.demo import load_demo
from store.periods import Period

LATER = datetime(2026, 12, 2, 19, 30, tzinfo=UTC)


@pytest.fixture
def later_demo(tmp_path: Path) -> Store:
    """The demo loaded on a day a year after it was written."""
    store = Store(tmp_path / "later.db", clock=fixed_clock(LATER))
    load_demo(store)
    return store


def test_example_incident_happened_yesterday(later_demo: Store) -> None:
    row = later_demo.db.one("SELECT resolved_at FROM incident WHERE title LIKE 'Checkout failures:%'")
    assert from_iso(row["resolved_at"]).date() == LATER.date() - timedelta(days=1)


def test_active_incident_is_live_now(later_demo: Store) -> None:
    row = later_demo.db.one("SELECT declared_at FROM incident WHERE resolved_at IS NULL")
    assert timedelta(0) < LATER - from_iso(row["declared_at"]) < timedelta(hours=1)


def test_nothing_lies_in_the_future(later_demo: Store) -> None:
    latest = later_demo.db.one(
        "SELECT max(t) FROM (SELECT max(occurred_at) AS t FROM timeline_event "
        "UNION ALL SELECT max(deployed_at) FROM deployment UNION ALL SELECT max(created_at) FROM action_item)"
    )
    assert from_iso(latest[0]) <= LATER


def test_metrics_of_the_last_month_have_data(later_demo: Store) -> None:
    metrics = later_demo.metrics(Period.days(LATER.date() - timedelta(days=30), LATER.date()))
    assert metrics.incident_count >= 2
    assert metrics.deployments > 20
    assert metrics.toil_pct is not None and metrics.alert_noise_pct is not None


def test_days_to_close_read_like_a_teams_history(later_demo: Store) -> None:
    metrics = later_demo.metrics(Period.days(LATER.date() - timedelta(days=200), LATER.date()))
    assert metrics.days_to_close.n >= 2
    assert 1 < metrics.days_to_close.median < 30


def test_most_open_action_items_are_not_overdue(later_demo: Store) -> None:
    rows = later_demo.db.query("SELECT due_date FROM action_item WHERE status IN ('open', 'in_progress')")
    overdue = [r for r in rows if r["due_date"] and date.fromisoformat(r["due_date"]) < LATER.date()]
    assert 0 < len(overdue) < len(rows) / 2
