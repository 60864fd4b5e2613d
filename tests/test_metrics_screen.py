"""The Metrics screen: snapshot with demo data, and its Pilot twin on real state."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import DataTable, Input, Static

from tests.conftest import MARKUP_TRAPS, SIZE, make_app
from tui.screens.metrics import MetricsScreen
from tui.widgets.metric_card import MetricCard


async def open_metrics(pilot) -> None:
    await pilot.press("4")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def card_text(app, name: str) -> str:
    return str(app.screen.query_one(f"#card-{name} .card-value", Static).render())


def test_metrics_snapshot(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=SIZE, run_before=open_metrics)


async def test_metrics_smoke_twin(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        screen = app.screen
        assert isinstance(screen, MetricsScreen)
        assert screen.period.label == "November 2025"  # the month of the latest incident, not today's
        assert card_text(app, "mttr").startswith("1h 34m  ▲ from 1h 22m")
        assert card_text(app, "incident_count").startswith("4  ▲ from 2")  # three resolved, one still active
        assert screen.query_one("#card-mttr", MetricCard).has_class("-bad")
        assert screen.query_one("#card-toil", MetricCard).has_class("-good")
        assert "Resolved − impact started" in str(screen.query_one("#card-mttr .card-definition", Static).render())
        assert not screen.query_one("#metrics-body").loading


async def test_period_switch_and_steps(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.period.label == "Q4 2025"
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.period.label == "Week of 2025-11-24"
        assert card_text(app, "incident_count").startswith("2")
        await pilot.press("left")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.period.label == "Week of 2025-11-17"
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.period.label == "November 2025"
        await pilot.press("left", "right")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.period.label == "November 2025"
        await pilot.press("right")  # December has not started on 2025-11-28
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.period.label == "November 2025"
        assert "November 2025 is the current month; later ones have no data yet." in [
            n.message for n in app._notifications
        ]
        await pilot.press("left")
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.period.label == "November 2025"


async def test_targets_dialog_saves_and_recolours(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        await pilot.press("t")
        await pilot.pause()
        field = app.screen.query_one("#target-mttr_minutes", Input)
        field.value = "100"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert demo_store.metric_targets()["mttr_minutes"] == 100.0
        card = app.screen.query_one("#card-mttr", MetricCard)
        assert card.has_class("-warn")  # 94 is under 100 but within 10% of it


async def test_refused_target_keeps_the_text(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#target-toil_pct", Input).value = "140"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#target-toil_pct", Input).value == "140"
        assert "percentage" in str(app.screen.query_one("#error", Static).render())
        assert demo_store.metric_targets()["toil_pct"] == 50.0


async def test_markup_traps_are_shown_literally(store):
    start = datetime(2025, 11, 20, 10, tzinfo=UTC)
    for trap in MARKUP_TRAPS:
        store.create_incident(
            trap,
            "SEV3",
            trap,
            impact_started_at=start,
            declared_at=start,
            resolved_at=start.replace(hour=11),
            status="resolved",
        )
        store.db.conn.execute(
            "INSERT INTO improvement (key, title, stage, owner, expected_impact, created_at, updated_at) "
            "VALUES (?, ?, 'check', ?, ?, '2025-11-01T00:00:00.000Z', '2025-11-01T00:00:00.000Z')",
            (f"IMP-{trap}", trap, trap, trap),
        )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        assert app.is_running and isinstance(app.screen, MetricsScreen)
        incomplete = app.screen.query_one("#incomplete-table", DataTable)
        titles = {incomplete.get_row_at(i)[3].plain for i in range(incomplete.row_count)}
        assert titles == set(MARKUP_TRAPS)
        check = app.screen.query_one("#check-table", DataTable)
        assert {check.get_row_at(i)[1].plain for i in range(check.row_count)} == set(MARKUP_TRAPS)


async def test_record_deployment_form(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#ops-service", Input).value = "[b]checkout"
        dialog.query_one("#ops-at", Input).value = "not a time"
        await pilot.click("#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog and "When: 'not a time' is not a date and time" in str(
            dialog.query_one("#error", Static).render()
        )
        assert dialog.query_one("#ops-service", Input).value == "[b]checkout"
        dialog.query_one("#ops-at", Input).value = "2025-11-27 13:50"
        dialog.query_one("#ops-caused", Input).value = "INC-0013"
        dialog.query_one("#ops-version", Input).focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MetricsScreen), str(dialog.query_one("#error", Static).render())
        newest = demo_store.list_deployments(where="d.service = ?", params=("[b]checkout",))
        assert len(newest) == 1 and newest[0].failed and newest[0].caused == ["INC-0013"]


async def test_record_toil_form_defaults_to_me(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.query_one("#ops-person", Input).value == "dana"
        app.screen.query_one("#ops-toil_minutes", Input).value = "480"
        await pilot.click("#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        entry = demo_store.list_toil_entries(limit=1)[0]
        assert (entry.person, entry.week.isoformat(), entry.toil_minutes) == ("dana", "2025-11-24", 480)


async def test_loads_off_the_ui_thread_with_a_loading_indicator(demo_store, monkeypatch):
    import threading

    release = threading.Event()
    compute = demo_store.metrics_series

    def slow_series(*args, **kwargs):
        release.wait(5)
        return compute(*args, **kwargs)

    monkeypatch.setattr(demo_store, "metrics_series", slow_series)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        body = app.screen.query_one("#metrics-body")
        assert body.loading  # the UI is running while the worker waits
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not body.loading
        assert card_text(app, "mttr").startswith("1h 34m")


async def test_enter_on_an_incomplete_incident_opens_it(store):
    start = datetime(2025, 11, 20, 10, tzinfo=UTC)
    gap = store.create_incident(
        "No ack recorded",
        "SEV3",
        "dana",
        impact_started_at=start,
        declared_at=start,
        resolved_at=start.replace(hour=11),
        status="resolved",
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        table = app.screen.query_one("#incomplete-table", DataTable)
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "IncidentScreen"
        assert app.screen.incident_id == gap.id


async def test_narrow_terminal_puts_two_cards_to_a_row_so_figures_and_trends_fit(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_metrics(pilot)
        grid = app.screen.query_one("#metric-cards")
        assert grid.styles.grid_size_columns == 2
        bar = str(app.screen.query_one("#period-bar", Static).render())
        assert bar.endswith("compared with October 2025"), "no key hint cut off at 80 columns"
        card = app.screen.query_one("#card-mttr .card-value", Static)
        assert card.size.width >= len("1h 34m  ▲ from 1h 22m") and card_text(app, "mttr").startswith("1h 34m")
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert grid.styles.grid_size_columns == 4
        assert "t targets" in str(app.screen.query_one("#period-bar", Static).render())


async def test_deployment_form_reads_times_like_the_capture_line_and_refuses_the_future(demo_store):
    from datetime import timedelta

    from tests.conftest import NOW

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_metrics(pilot)
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#ops-service", Input).value = "qa-search"
        dialog.query_one("#ops-at", Input).value = "2999-01-01 10:00"
        await pilot.click("#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog and "is in the future" in str(dialog.query_one("#error", Static).render())
        dialog.query_one("#ops-at", Input).value = "-30m"
        dialog.query_one("#ops-at", Input).focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MetricsScreen), str(dialog.query_one("#error", Static).render())
        saved = demo_store.list_deployments(where="d.service = ?", params=("qa-search",))
        assert [d.deployed_at for d in saved] == [NOW - timedelta(minutes=30)]


async def test_record_forms_fit_an_80_by_24_terminal_with_their_error_and_buttons_in_view(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_metrics(pilot)
        for key in ("w", "d", "a", "t"):
            await pilot.press(key)
            await pilot.pause()
            dialog = app.screen
            first = dialog.query(Input).first()
            first.value = ""
            first.focus()
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "Not saved" in str(dialog.query_one("#error", Static).render())
            for selector in ("#error", "#save", "#cancel"):
                region = dialog.query_one(selector).region
                assert region.height and dialog.region.contains_region(region), (key, selector)
            await pilot.press("escape")
            await pilot.pause()
