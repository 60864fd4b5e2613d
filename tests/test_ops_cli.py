"""The command line: record, import, metrics (text and JSON) and the monthly report."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from store import Store, fixed_clock
from store.demo import load_demo
from tests.conftest import NOW
from tui.cli import main


def demo_as_written(db_path) -> None:
    """The demo laid out as on its example day (2025-11-28), whatever today is."""
    load_demo(Store(db_path, clock=fixed_clock(NOW)))


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["--db", str(db_path), *args])

    return invoke


def test_record_deploy_alerts_toil(run, db_path):
    assert run("incident", "new", "Checkout down", "--severity", "SEV2").exit_code == 0
    result = run("record", "deploy", "--service", "checkout", "--at", "2025-11-27 13:58", "--caused", "INC-0001")
    assert result.exit_code == 0, result.output
    assert "failed, caused INC-0001" in result.output
    assert run("record", "alerts", "--week", "2025-11-27", "--total", "40", "--actionable", "10").exit_code == 0
    result = run(
        "record",
        "toil",
        "--person",
        "dana",
        "--week",
        "2025-11-27",
        "--toil-minutes",
        "600",
        "--working-minutes",
        "2400",
        "--category",
        "triage",
    )
    assert "25%" in result.output
    store = Store(db_path)
    assert store.list_alert_samples()[0].week.isoformat() == "2025-11-24"
    assert store.list_deployments()[0].failed


@pytest.mark.parametrize(
    "args, field",
    [
        (("record", "deploy", "--service", "x", "--at", "soon-ish"), "at"),
        (("record", "alerts", "--week", "2025-02-30", "--total", "4", "--actionable", "1"), "week"),
        (("record", "alerts", "--week", "2025-11-03", "--total", "four", "--actionable", "1"), "total"),
        (
            (
                "record",
                "toil",
                "--person",
                "dana",
                "--week",
                "2025-11-03",
                "--toil-minutes",
                "5",
                "--working-minutes",
                "0",
            ),
            "working-minutes",
        ),
        (("record", "deploy", "--service", "x", "--at", "2025-11-03", "--caused", "INC-0404"), "INC-0404"),
        (("metrics", "--from", "2025/11/01"), "--from"),
        (("report", "--month", "November"), "--month"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2(run, db_path, args, field):
    Store(db_path).close()
    result = run(*args)
    assert result.exit_code == 2
    assert field in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_metrics_json_keys_and_values(run, db_path):
    store = Store(db_path)
    from datetime import UTC, datetime

    start = datetime(2025, 11, 3, 10, tzinfo=UTC)
    store.create_incident(
        "a",
        "SEV2",
        "dana",
        impact_started_at=start,
        detected_at=start,
        declared_at=start,
        acknowledged_at=start,
        mitigated_at=start,
        resolved_at=start.replace(hour=11),
        status="resolved",
    )
    store.record_deployment("checkout", "2025-11-03T09:00Z", failed=True)
    store.record_deployment("checkout", "2025-11-04T09:00Z")
    result = run("metrics", "--from", "2025-11-01", "--to", "2025-11-30", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert list(doc) == [
        "from",
        "to",
        "label",
        "incident_count",
        "incidents_by_severity",
        "mttr_minutes",
        "ttd_minutes",
        "tta_minutes",
        "ttm_minutes",
        "incomplete_incidents",
        "incidents_still_open",
        "deployments",
        "change_failure_rate_pct",
        "toil_pct",
        "alert_noise_pct",
        "action_items",
        "postmortem_within_48h_pct",
        "previous_period",
        "targets",
        "commander_workload",
    ]
    assert doc["commander_workload"] == [{"commander": "dana", "incidents": 1}]
    assert (doc["previous_period"]["from"], doc["previous_period"]["to"]) == ("2025-10-01", "2025-10-31")
    assert doc["label"] == "November 2025" and doc["previous_period"]["label"] == "October 2025"
    assert doc["mttr_minutes"] == {"mean": 60.0, "median": 60.0, "p90": 60.0, "n": 1}
    assert (doc["deployments"], doc["change_failure_rate_pct"], doc["toil_pct"]) == (2, 50.0, None)
    assert doc["incidents_by_severity"]["SEV2"] == 1
    text = run("metrics", "--from", "2025-11-01", "--to", "2025-11-30")
    assert "MTTR" in text.output and "1h 00m" in text.output and "target < 1h 00m" in text.output


def test_import_command(run, tmp_path):
    good = tmp_path / "alerts.csv"
    good.write_text("week,total,actionable\n2025-11-03,10,5\n")
    assert "Imported 1 weekly alert count from" in run("import", "alerts", str(good)).output
    empty = tmp_path / "empty.csv"
    empty.write_text("week,total,actionable\n")
    assert "has no data rows under its header; nothing was imported." in run("import", "alerts", str(empty)).output
    bad = tmp_path / "bad.csv"
    bad.write_text("week,total,actionable\n2025-11-03,10,50\nnope,1,1\n")
    result = run("import", "alerts", str(bad))
    assert result.exit_code == 2
    assert "row 2, total/actionable" in result.output and "row 3, week" in result.output


def test_report_reads_as_an_agenda(run, db_path, tmp_path):
    demo_as_written(db_path)
    store = Store(db_path)
    item = store.create_action_item("[b]Add pool alarm", owner="dana", due_date="2025-11-01")
    store.db.conn.execute("UPDATE action_item SET created_at = '2025-10-20T10:00:00.000Z' WHERE id = ?", (item.id,))
    for key, stage, status, updated in (
        ("IMP-901", "act", "completed", "2025-11-20T10:00:00.000Z"),
        ("IMP-902", "check", "in_progress", "2025-11-10T10:00:00.000Z"),
    ):
        store.db.conn.execute(
            "INSERT INTO improvement (key, title, stage, status, owner, before_metric, before_value, target_value, "
            "after_value, expected_impact, measured_impact, created_at, updated_at) VALUES "
            "(?, 'Pool | size alarm', ?, ?, 'dana', 'MTTR min', 120, 60, 45, 'halve MTTR', 'MTTR fell by 62%', ?, ?)",
            (key, stage, status, updated, updated),
        )
    out = tmp_path / "review.md"
    result = run("report", "--month", "2025-11", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Metrics against targets",
        "## 2. Incidents this month",
        "## 3. Postmortems published",
        "## 4. Action items",
        "## 5. Improvements",
    ]
    assert "| INC-0013 | SEV2 | 2025-11-27 14:00 | 2h 15m | resolved | in review |" in text
    assert "| INC-0012 | SEV2 | 2025-11-15 18:00 | 52m | resolved | none (required) |" in text  # customer-facing
    assert "| INC-0011 | SEV3 | 2025-11-01 10:00 | 1h 35m | resolved | none |" in text
    assert "| MTTR · 1 still open | 1h 34m" in text  # (95 + 52 + 135) / 3; the active one is open
    assert "[b]Add pool alarm (dana, due 2025-11-01)" in text
    assert "- IMP-901 Pool \\| size alarm: MTTR min 120 → 45 (target 60); MTTR fell by 62%" in text
    assert "- IMP-902 Pool \\| size alarm (dana): expected halve MTTR" in text


def test_demo_json_matches_hand_computed_values(run, db_path):
    # November 2025 in the demo: INC-0011 (impact 10:00, detected +18, ack +6, resolved +95),
    # INC-0012 (+7, +3, +52) and INC-0013 (14:00, detected 14:05, ack 14:10, resolved 16:15 = 135).
    # The active SEV3 (declared 25 minutes before 2025-11-28 09:00) counts as an incident, not in MTTR.
    demo_as_written(db_path)
    doc = json.loads(run("metrics", "--from", "2025-11-01", "--to", "2025-11-30", "--json").output)
    assert doc["incident_count"] == 4
    assert doc["incidents_by_severity"] == {"SEV1": 0, "SEV2": 2, "SEV3": 2, "SEV4": 0, "SEV5": 0}
    assert doc["mttr_minutes"] == {"mean": 94.0, "median": 95.0, "p90": 135.0, "n": 3}  # (95+52+135)/3
    assert doc["ttd_minutes"] == {"mean": 8.5, "median": 6.0, "p90": 18.0, "n": 4}  # (18+7+5+4)/4, the active one too
    assert doc["tta_minutes"] == {"mean": 4.67, "median": 5.0, "p90": 6.0, "n": 3}  # (6+3+5)/3
    assert doc["incomplete_incidents"] == ["INC-0014"] and doc["incidents_still_open"] == 1  # the active one
    assert doc["targets"]["mttr_minutes"] == 60.0


def test_metrics_without_dates_or_data_is_not_an_error(run, db_path):
    Store(db_path).close()
    result = run("metrics", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["incident_count"] == 0 and doc["toil_pct"] is None
    assert run("metrics").exit_code == 0


def test_metrics_without_dates_says_the_last_30_days_are_empty_and_suggests_a_range(run, db_path):
    Store(db_path).close()
    result = run("metrics")
    assert result.exit_code == 0
    assert "No finished incident, deployment, alert or toil entry in the last 30 days" in result.output
    assert "choose dates with --from DATE --to DATE" in result.output
    demo_as_written(db_path)
    result = run("metrics")  # the demo is laid out for 2025; the real clock is later
    assert "The latest finished incident started on 2025-11-27" in result.output
    assert "debrief metrics --from 2025-11-01 --to 2025-11-30" in result.output
    ranged = run("metrics", "--from", "2025-11-01", "--to", "2025-11-30")
    assert "No finished incident" not in ranged.output and "1h 34m" in ranged.output


def test_record_deploy_at_reads_relative_and_clock_times_and_refuses_the_future(run, db_path):
    from datetime import UTC, datetime, timedelta

    assert run("record", "deploy", "--service", "api", "--at", "-30m").exit_code == 0
    deployed = Store(db_path).list_deployments()[0].deployed_at
    assert abs(deployed - (datetime.now(UTC) - timedelta(minutes=30))) < timedelta(minutes=1)
    for bad, reason in (
        ("2999-01-01 10:00", "is in the future"),
        ("yesterday", "is not a date and time"),
        ("-5x", "not a relative time"),
    ):
        result = run("record", "deploy", "--service", "api", "--at", bad)
        assert result.exit_code == 2 and reason in result.stderr and result.stderr.startswith("debrief: --at: ")
    assert len(Store(db_path).list_deployments()) == 1


def test_the_store_refuses_a_fuzzy_or_future_deployment_time(store):
    import pytest

    from store.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="'-5m' is not a time"):
        store.record_deployment("api", "-5m")  # dateutil used to read this as 00:05 today
    with pytest.raises(InvalidInputError, match="is in the future"):
        store.record_deployment("api", "2025-11-28 10:00")
    assert store.record_deployment("api", "2025-11-28 08:59").service == "api"


def test_recording_the_same_week_again_replaces_it_and_says_so(run, db_path):
    run("record", "alerts", "--week", "2025-11-26", "--total", "120", "--actionable", "45", "--source", "prometheus")
    again = run(
        "record", "alerts", "--week", "2025-11-24", "--total", "100", "--actionable", "50", "--source", "prometheus"
    )
    assert "It replaces the earlier 120 total, 45 actionable." in again.output
    other = run("record", "alerts", "--week", "2025-11-24", "--total", "10", "--actionable", "5")
    assert "replaces" not in other.output  # another source is another sample
    run(
        "record",
        "toil",
        "--person",
        "dana",
        "--week",
        "2025-11-24",
        "--toil-minutes",
        "600",
        "--working-minutes",
        "2400",
    )
    toil = run(
        "record",
        "toil",
        "--person",
        "dana",
        "--week",
        "2025-11-28",
        "--toil-minutes",
        "300",
        "--working-minutes",
        "2400",
    )
    assert "12.5% of working time. It replaces the earlier 600 of 2400 minutes." in toil.output
    doc = json.loads(run("metrics", "--from", "2025-11-24", "--to", "2025-11-30", "--json").output)
    assert doc["alert_noise_pct"] == 50.0 and doc["toil_pct"] == 12.5  # (110-55)/110; 300/2400


def test_report_says_when_the_month_is_not_over_or_not_begun():
    from datetime import date

    from store.periods import Period
    from store.report import period_note

    november = Period.containing(date(2025, 11, 1), "month")
    assert period_note(november, date(2025, 11, 28)) == " November 2025 is not over yet: the figures run to 2025-11-28."
    assert period_note(november, date(2025, 12, 1)) == ""
    assert "has not started yet" in period_note(november, date(2025, 10, 31))
