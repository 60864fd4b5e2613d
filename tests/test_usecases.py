"""One use case, one store method: the command line and the app give the same
answer and refuse the same things (declare with backfill, publish, the
48-hour rule, metric periods, how numbers read)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import InvalidInputError, Store, fixed_clock
from store.export_incident import incident_markdown
from store.periods import Period
from store.report import monthly_report
from store.scorecard import cards
from tests.conftest import NOW, SIZE, make_app, settle
from tests.test_capture_declare import fill
from tui.cli import main
from tui.hints import Linter
from tui.postmortem_state import postmortem_mark, text_checker
from tui.screens.postmortem import PostmortemScreen
from tui.widgets.incident_header import headline


def cli(db: Path, *args: str):
    """Run the command line on ``db`` as of :data:`NOW` (the clock the app tests use)."""
    from unittest import mock

    class AtNow(Store):
        def __init__(self, path, clock=None) -> None:
            super().__init__(path, clock=fixed_clock(NOW))

    with mock.patch("store.store.Store", AtNow):
        return CliRunner().invoke(main, ["--db", str(db), *args])


def timeline(store: Store, incident_id: int = 1) -> list[tuple]:
    return [(e.kind, e.text, e.occurred_at) for e in store.list_events(incident_id) if e.kind != "status"]


def milestones(store: Store, incident_id: int = 1) -> tuple:
    i = store.get_incident(incident_id)
    return i.status, i.impact_started_at, i.detected_at, i.declared_at, i.resolved_at


async def test_declaring_with_backfill_is_the_same_in_the_app_and_the_cli(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await fill(app, pilot, "2025-11-20 10:00", "2025-11-20 10:07", "2025-11-20 11:30")
        await settle(app, pilot)
    other = tmp_path / "cli.db"
    result = cli(
        other,
        "incident",
        "new",
        "Retro: cache stampede",
        "--started",
        "2025-11-20 10:00",
        "--detected",
        "2025-11-20 10:07",
        "--resolved",
        "2025-11-20 11:30",
    )
    assert result.exit_code == 0, result.output
    by_cli = Store(other)
    assert (
        timeline(by_cli)
        == timeline(store)
        == [
            ("impact", "Impact started", datetime(2025, 11, 20, 10, 0, tzinfo=UTC)),
            ("detection", "Detected", datetime(2025, 11, 20, 10, 7, tzinfo=UTC)),
            ("resolution", "Resolved", datetime(2025, 11, 20, 11, 30, tzinfo=UTC)),
        ]
    )
    assert milestones(by_cli) == milestones(store)
    assert milestones(store)[0] == "resolved"


async def test_both_refuse_times_out_of_order_with_the_same_sentence(store: Store, tmp_path: Path) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await fill(app, pilot, "2025-11-20 12:00", "2025-11-20 10:07", "2025-11-20 11:30")
        await settle(app, pilot)
        shown = str(dialog.query_one("#error").render())
    other = tmp_path / "cli.db"
    result = cli(
        other,
        "incident",
        "new",
        "Retro",
        "--started",
        "2025-11-20 12:00",
        "--detected",
        "2025-11-20 10:07",
        "--resolved",
        "2025-11-20 11:30",
    )
    assert result.exit_code == 2
    assert "times out of order: impact started ≤ detected ≤ resolved." in shown
    assert "times out of order: impact started ≤ detected ≤ resolved." in result.output
    assert store.count_incidents() == 0 and Store(other).count_incidents() == 0


def test_started_alone_declares_now_with_an_impact_event(db_path: Path) -> None:
    result = cli(db_path, "incident", "new", "Checkout down", "--started", "-20m")
    assert result.exit_code == 0, result.output
    store = Store(db_path)
    incident = store.get_incident(1)
    assert incident.status == "investigating" and incident.declared_at == NOW
    assert incident.impact_started_at == NOW - timedelta(minutes=20)
    assert timeline(store) == [("impact", "Impact started", NOW - timedelta(minutes=20))]


def test_a_future_backfill_is_refused_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="in the future"):
        store.declare_incident("x", resolved_at=NOW + timedelta(hours=1), detected_at=NOW)
    assert store.count_incidents() == 0


def in_review(store: Store) -> int:
    incident = store.declare_incident(
        "Checkout down",
        impact_started_at=NOW - timedelta(hours=3),
        detected_at=NOW - timedelta(hours=2),
        resolved_at=NOW - timedelta(hours=1),
    )
    pm = store.create_postmortem(incident.id)
    store.save_section(pm.id, "root_cause", "The engineer should have tested the pool size in staging.")
    store.request_review(pm.id, ["marcus"])
    return pm.id


def test_cli_publish_refuses_with_the_list_the_app_shows(store: Store) -> None:
    pm_id = in_review(store)
    check = store.publish_check(pm_id, text_checker(Linter()))
    result = cli(store.path, "postmortem", "publish", "PM-0001")
    assert result.exit_code == 2
    assert all(line in result.output for line in check.lines())
    assert "reviewer not signed off: marcus" in result.output and "empty required section: Summary" in result.output
    assert not check.clean and len(check.lines()) >= 2
    assert store.get_postmortem_by_id(pm_id).status == "in_review"
    forced = cli(store.path, "postmortem", "publish", "PM-0001", "--force")
    assert forced.exit_code == 0 and store.get_postmortem_by_id(pm_id).status == "published"


async def test_an_open_editor_sees_a_publish_from_the_cli(store: Store) -> None:
    pm_id = in_review(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(PostmortemScreen(pm_id))
        await settle(app, pilot)
        assert cli(store.path, "postmortem", "publish", "PM-0001", "--force").exit_code == 0
        await app.poll_changes()
        await settle(app, pilot)
        screen = app.screen
        assert screen.bundle.pm.status == "published"
        title = str(screen.query_one("#title-bar").render())
        assert "published" in title and "edits are kept as new revisions" in title


@pytest.mark.parametrize(("hours", "mark", "judged"), [(47, "required", 0), (49, "overdue", 1)])
def test_the_48_hour_rule_is_the_same_on_the_list_and_in_the_metrics(
    store: Store, hours: int, mark: str, judged: int
) -> None:
    resolved = NOW - timedelta(hours=hours)
    incident = store.declare_incident(
        "Checkout down",
        impact_started_at=resolved - timedelta(hours=1),
        detected_at=resolved - timedelta(minutes=50),
        resolved_at=resolved,
        customer_facing=True,
    )
    assert postmortem_mark(incident, None, NOW)[0] == mark
    metrics = store.metrics(Period.containing(resolved.date(), "month"))
    assert (metrics.postmortems_needed, metrics.postmortems_on_time) == (judged, 0)


def test_a_calendar_month_compares_with_the_month_before_everywhere(store: Store) -> None:
    result = cli(store.path, "metrics", "--from", "2025-10-01", "--to", "2025-10-31")
    assert "Metrics for October 2025 (trend against September 2025)" in result.output
    assert "Trends compare with September 2025." in monthly_report(store, date(2025, 10, 15))
    ranged = cli(store.path, "metrics", "--from", "2025-10-05", "--to", "2025-10-14")
    assert "trend against 2025-09-25 – 2025-10-04" in ranged.output


def test_twelve_minutes_fifty_reads_13m_everywhere(store: Store) -> None:
    start = datetime(2025, 11, 3, 10, tzinfo=UTC)
    incident = store.declare_incident(
        "Checkout down",
        impact_started_at=start,
        detected_at=start,
        resolved_at=start + timedelta(minutes=12, seconds=50),
    )
    assert "13m" in str(headline(incident, NOW))
    assert "- **Duration:** 13m" in incident_markdown(store, incident.id)
    november = Period.containing(start.date(), "month")
    mttr = next(c for c in cards(store.metrics(november), store.metrics(november.previous()), {}) if c.name == "mttr")
    assert mttr.text == "13m"
    listed = cli(store.path, "incident", "list")
    assert "13m" in listed.output and "12m" not in listed.output
    assert "| 13m |" in monthly_report(store, start.date())
