"""CSV import of deployments, alerts and toil: all or nothing, every bad row listed."""

from __future__ import annotations

import pytest

from store import InvalidInputError
from store.ops_csv import CsvImportError, import_text


def count(store, table: str) -> int:
    return store.db.one(f"SELECT count(*) FROM {table}")[0]


def test_good_deployments_file_is_imported(store):
    inc = store.create_incident("broke", "SEV2", "dana")
    text = (
        "service,deployed_at,failed,caused,version\n"
        "checkout,2025-11-03T10:00Z,no,,v1\n"
        f"checkout,2025-11-04 11:30,,{inc.key},v2\n"
        "search,2025-11-05T09:00:00+01:00,yes,,\n"
    )
    assert import_text(store, "deployments", text) == 3
    deps = store.list_deployments()
    assert [d.failed for d in deps] == [True, True, False]  # newest first; the one that caused an incident is failed
    assert deps[0].deployed_at.hour == 8  # +01:00 stored as UTC
    assert deps[1].caused == [inc.key]


def test_bad_rows_refuse_the_whole_file_and_list_each(store):
    text = (
        "service,deployed_at,failed,caused\n"
        "checkout,2025-11-03T10:00Z,no,\n"
        ",not a time,maybe,INC-0999\n"
        "search,2025-11-05T09:00Z,,\n"
        "api,yesterday-ish,,\n"
    )
    with pytest.raises(CsvImportError) as caught:
        import_text(store, "deployments", text, "deploys.csv")
    problems = caught.value.problems
    assert [p.split(":")[0] for p in problems] == [
        "row 3, service",
        "row 3, deployed_at",
        "row 3, failed",
        "row 3, caused",
        "row 5, deployed_at",
    ]
    assert "deploys.csv was not imported (2 bad rows; nothing was written)" in str(caught.value)
    assert count(store, "deployment") == 0


def test_alerts_refusals(store):
    text = "week,total,actionable,source\n2025-11-03,10,4,prom\n2025-13-01,10,4,\n2025-11-10,5,9,\n2025-11-17,-1,0,\n"
    with pytest.raises(CsvImportError) as caught:
        import_text(store, "alerts", text)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "row 3, week",
        "row 4, total/actionable",
        "row 5, total/actionable",
    ]
    assert "at most the total" in caught.value.problems[1]
    assert count(store, "alert_sample") == 0


def test_toil_import_and_refusal(store):
    good = (
        "person,week,toil-minutes,working-minutes,category\ndana,2025-11-05,600,2400,triage\nsam,2025-11-06,0,2400,\n"
    )
    assert import_text(store, "toil", good) == 2
    assert {e.week.isoformat() for e in store.list_toil_entries()} == {"2025-11-03"}
    bad = "person,week,toil_minutes,working_minutes\n,2025-11-05,600,2400\npriya,2025-11-05,3000,2400\npriya,2025-11-05,ten,2400\n"
    with pytest.raises(CsvImportError) as caught:
        import_text(store, "toil", bad)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "row 2, person",
        "row 3, toil/working minutes",
        "row 4, toil/working minutes",
    ]
    assert count(store, "toil_entry") == 2


def test_missing_column_is_refused(store):
    with pytest.raises(InvalidInputError, match="lacks the column actionable"):
        import_text(store, "alerts", "week,total\n2025-11-03,10\n")


def test_a_future_deployment_row_is_listed_with_its_row_number_and_nothing_is_written(store):
    text = "service,deployed_at\ncheckout,2025-11-27 10:00\ncheckout,2999-01-01 10:00\n"
    with pytest.raises(CsvImportError) as caught:
        import_text(store, "deployments", text, "deploys.csv")
    assert caught.value.problems == [
        "row 3, deployed_at: deployed_at 2999-01-01 10:00Z is in the future (it is 2025-11-28 09:00Z now); "
        "record a deployment once it has happened."
    ]
    assert count(store, "deployment") == 0


def test_an_empty_person_is_asked_for_a_person_and_a_bad_header_reads_plainly(store):
    with pytest.raises(CsvImportError) as caught:
        import_text(store, "toil", "person,week,toil_minutes,working_minutes\n,2025-11-03,10,2400\n")
    assert caught.value.problems == ["row 2, person: person is empty; give a name such as 'dana'."]
    with pytest.raises(InvalidInputError) as caught:
        import_text(store, "alerts", "foo,bar\n1,2\n", "a.csv")
    assert str(caught.value) == (
        "a.csv lacks the columns week, total, actionable; alerts files start with the header "
        "week,total,actionable,source (source optional); nothing was written."
    )


def test_two_rows_for_the_same_week_and_source_are_refused(store):
    text = (
        "week,total,actionable,source\n"
        "2025-11-03,100,40,prometheus\n"
        "2025-11-05,50,10,prometheus\n"  # same week (Monday 3 Nov), same source
        "2025-11-05,50,10,pagerduty\n"
    )
    with pytest.raises(CsvImportError) as caught:
        import_text(store, "alerts", text)
    assert caught.value.problems == [
        "row 3, week: the week of 2025-11-03 for this source is already in row 2; keep one row per week."
    ]
    assert count(store, "alert_sample") == 0


def test_importing_the_same_file_twice_does_not_count_twice(store):
    text = "person,week,toil_minutes,working_minutes\ndana,2025-11-03,600,2400\nsam,2025-11-03,300,2400\n"
    assert import_text(store, "toil", text) == 2
    assert import_text(store, "toil", text) == 2
    assert count(store, "toil_entry") == 2
