"""Metrics computed in SQL, against values worked out by hand.

The fixture clock says 2025-11-28 09:00 UTC. Periods are whole UTC days; an
incident belongs to the period in which its impact started.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from store.metrics import as_json
from store.periods import Period

NOV = Period.containing(date(2025, 11, 1), "month")


def t(day: int, hour: int = 0, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=UTC)


def incident(store, start, detect=None, ack=None, mitigate=None, resolve=None, **fields):
    """An incident with minute offsets from ``start`` (None leaves a milestone missing)."""
    at = lambda m: start + timedelta(minutes=m) if m is not None else None  # noqa: E731
    return store.create_incident(
        "x",
        fields.pop("severity", "SEV3"),
        "dana",
        impact_started_at=start,
        detected_at=at(detect),
        declared_at=at(detect) or start,
        acknowledged_at=at(ack),
        mitigated_at=at(mitigate),
        resolved_at=at(resolve),
        status="resolved" if resolve is not None else "investigating",
        **fields,
    )


def test_no_data_gives_nulls_not_errors(store):
    doc = as_json(store.metrics(NOV), store.metric_targets())
    assert doc["incident_count"] == 0
    assert doc["mttr_minutes"] == {"mean": None, "median": None, "p90": None, "n": 0}
    assert doc["change_failure_rate_pct"] is None
    assert doc["toil_pct"] is None and doc["alert_noise_pct"] is None
    assert doc["action_items"] == {
        "open": 0,
        "overdue": 0,
        "done": 0,
        "completion_rate_pct": None,
        "median_days_to_close": None,
    }
    assert doc["postmortem_within_48h_pct"] is None
    assert doc["from"] == "2025-11-01" and doc["to"] == "2025-11-30"


def test_durations_mean_median_p90(store):
    # MTTR 10, 20, 30, 100 → mean 40, median (20+30)/2 = 25, p90 nearest rank ceil(3.6)=4th → 100.
    for minutes in (10, 20, 30, 100):
        incident(store, t(3, 10), detect=2, ack=3, mitigate=5, resolve=minutes)
    mttr = store.metrics(NOV).durations["mttr"]
    assert (mttr.mean, mttr.median, mttr.p90, mttr.n) == pytest.approx((40, 25, 100, 4))
    ttd = store.metrics(NOV).durations["ttd"]
    assert (ttd.mean, ttd.n) == pytest.approx((2, 4))
    tta = store.metrics(NOV).durations["tta"]
    assert tta.mean == pytest.approx(1)  # acknowledged 3 − detected 2


def test_missing_milestone_is_listed_and_left_out(store):
    full = incident(store, t(5, 9), detect=4, ack=6, mitigate=20, resolve=60)
    gap = incident(store, t(6, 9), detect=None, ack=None, mitigate=30, resolve=90)
    m = store.metrics(NOV)
    assert [i.key for i in m.incomplete] == [gap.key]
    assert m.incomplete[0].missing == ["detected", "acknowledged"]
    assert m.durations["ttd"].n == 1 and m.durations["ttd"].mean == pytest.approx(4)
    assert m.durations["mttr"].n == 2 and m.durations["mttr"].mean == pytest.approx(75)
    assert full.key not in as_json(m, {})["incomplete_incidents"]


def test_mttr_uses_declared_when_impact_start_unknown(store):
    store.create_incident(
        "y",
        "SEV2",
        "dana",
        declared_at=t(7, 12),
        detected_at=t(7, 12),
        acknowledged_at=t(7, 12, 5),
        mitigated_at=t(7, 12, 30),
        resolved_at=t(7, 13, 15),
        status="resolved",
    )
    m = store.metrics(NOV)
    assert m.durations["mttr"].mean == pytest.approx(75)
    assert m.mttr_from_declared == 1
    assert m.durations["ttd"].n == 0  # no impact start: no time to detect
    assert [i.missing for i in m.incomplete] == [["impact_started"]]


def test_incident_crossing_the_boundary_counts_where_it_started(store):
    # Starts 31 Oct 23:30, resolved 1 Nov 00:30: an October incident with a 60-minute MTTR.
    incident(store, t(31, 23, 30, month=10), detect=5, ack=6, mitigate=40, resolve=60, severity="SEV1")
    incident(store, t(1, 0, 0), detect=1, ack=2, mitigate=3, resolve=4, severity="SEV4")  # exactly on the boundary
    nov, oct_ = store.metrics(NOV), store.metrics(NOV.previous())
    assert (nov.incident_count, nov.by_severity["SEV4"], nov.by_severity["SEV1"]) == (1, 1, 0)
    assert (oct_.incident_count, oct_.by_severity["SEV1"]) == (1, 1)
    assert oct_.durations["mttr"].mean == pytest.approx(60)
    assert nov.durations["mttr"].mean == pytest.approx(4)


def test_one_deployment_causing_two_incidents_counts_once(store):
    a = incident(store, t(10, 10), 1, 2, 3, 4)
    b = incident(store, t(10, 11), 1, 2, 3, 4)
    store.record_deployment("checkout", t(10, 9, 55), caused=[a.key, b.key])
    store.record_deployment("checkout", t(11, 9), failed=True)
    store.record_deployment("search", t(12, 9))
    store.record_deployment("search", t(13, 9))
    m = store.metrics(NOV)
    assert (m.deployments, m.failed_deployments) == (4, 2)
    assert m.change_failure_rate_pct == pytest.approx(50)


def test_linked_deployment_counts_failed_even_if_flag_cleared(store):
    a = incident(store, t(10, 10), 1, 2, 3, 4)
    dep = store.record_deployment("checkout", t(10, 9))
    store.db.conn.execute("UPDATE deployment SET failed = 0")
    store.link_deployment(dep.id, a.key)
    store.db.conn.execute("UPDATE deployment SET failed = 0")
    assert store.metrics(NOV).failed_deployments == 1


def test_weeks_belong_to_the_period_of_their_monday(store):
    # The week of Mon 27 Oct runs into November but belongs to October; Mon 3 Nov belongs to November.
    store.record_toil("dana", "2025-11-01", 600, 2400)  # a Saturday: stored as Monday 27 Oct
    store.record_toil("dana", "2025-11-05", 300, 2400)
    store.record_toil("sam", "2025-11-30", 900, 1200)  # a Sunday: Monday 24 Nov
    store.record_alerts("2025-11-03", 100, 40)
    store.record_alerts("2025-11-24", 50, 10)
    store.record_alerts("2025-10-30", 999, 0)
    m = store.metrics(NOV)
    assert m.toil_pct == pytest.approx(100 * 1200 / 3600)  # 33.33
    assert m.alert_noise_pct == pytest.approx(100 * 100 / 150)  # (60 + 40) / 150
    assert store.metrics(NOV.previous()).toil_pct == pytest.approx(25)


def test_action_items(store):
    # NOW = 2025-11-28 09:00; November is still running, so "open" is as of now.
    store.create_action_item("due long ago", due_date="2025-11-10")
    store.create_action_item("due later", due_date="2025-12-10")
    done = store.create_action_item("done", due_date="2025-11-20")
    store.update_action_item(done.id, status="done")
    store.db.conn.execute("UPDATE action_item SET created_at = '2025-11-18T09:00:00.000Z' WHERE id = ?", (done.id,))
    m = store.metrics(NOV)
    assert (m.actions_open, m.actions_overdue, m.actions_done) == (2, 1, 1)
    assert m.action_completion_pct == pytest.approx(100 / 3)
    assert m.days_to_close.median == pytest.approx(10)  # 18 Nov 09:00 → 28 Nov 09:00


def test_postmortem_within_48_hours(store):
    on_time = incident(store, t(3, 10), 1, 2, 3, 60, customer_facing=True)  # resolved 3 Nov 11:00
    late = incident(store, t(4, 10), 1, 2, 3, 60, data_loss=True)
    incident(store, t(5, 10), 1, 2, 3, 60)  # needs none
    incident(store, t(27, 10), 1, 2, 3, 60, security=True)  # window still open, no draft: not counted yet
    for inc, created in ((on_time, "2025-11-05T11:00:00.000Z"), (late, "2025-11-06T11:00:01.000Z")):
        store.create_postmortem(inc.id)
        store.db.conn.execute("UPDATE postmortem SET created_at = ? WHERE incident_id = ?", (created, inc.id))
    m = store.metrics(NOV)
    assert (m.postmortems_on_time, m.postmortems_needed) == (1, 2)
    assert as_json(m, {})["postmortem_within_48h_pct"] == 50.0


def test_targets_default_and_edit(store):
    assert store.metric_targets() == {
        "mttr_minutes": 60.0,
        "change_failure_rate_pct": 15.0,
        "toil_pct": 50.0,
        "incident_count": "decreasing",
        "alert_noise_pct": "decreasing",
    }
    store.set_metric_targets({"mttr_minutes": "45", "toil_pct": 40})
    assert store.metric_targets()["mttr_minutes"] == 45.0
    with pytest.raises(Exception, match="percentage"):
        store.set_metric_targets({"mttr_minutes": "30", "toil_pct": "140"})
    assert store.metric_targets()["mttr_minutes"] == 45.0  # nothing half-written


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("mttr_minutes", "10060", "The MTTR target '10060' is not accepted; use minutes above 0 and at most 10,000."),
        ("mttr_minutes", "soon", "The MTTR target 'soon' is not accepted; use minutes above 0"),
        ("toil_pct", "0", "The toil target '0' is not accepted; use a percentage above 0 and at most 100."),
        ("mttr_minutes", " ", "The MTTR target is empty; use minutes above 0 and at most 10,000."),
        ("change_failure_rate_pct", "nan", "The change failure rate target 'nan' is not accepted"),
    ],
)
def test_a_refused_target_is_named_in_words_with_its_range(store, name, value, message):
    with pytest.raises(Exception) as caught:
        store.set_metric_targets({name: value})
    assert str(caught.value).startswith(message) and "_" not in str(caught.value)


def test_demo_has_six_months_with_trends(demo_store):
    series = demo_store.metrics_series(Period.containing(date(2025, 11, 27), "month"), 6)
    toil = [m.toil_pct for m in series]
    noise = [m.alert_noise_pct for m in series]
    assert all(v is not None for v in toil + noise)
    assert toil[0] > toil[-1] + 10 and noise[0] > noise[-1] + 10
    assert all(m.deployments > 40 for m in series)
    seed = demo_store.get_incident("INC-0013")
    linked = demo_store.db.one("SELECT count(*) FROM deployment_incident WHERE incident_id = ?", (seed.id,))[0]
    assert linked == 1


def test_a_decreasing_target_at_zero_is_met_not_flat():
    from store.scorecard import Card

    zero = Card("incident_count", "Incidents", 0.0, 0.0, "count", "decreasing", True)
    assert zero.trend == "▶" and zero.status == "good" and zero.verdict == "met"
    flat = Card("incident_count", "Incidents", 3.0, 3.0, "count", "decreasing", True)
    assert flat.status == "warn" and flat.verdict == "flat"
    worse = Card("alert_noise", "Alert noise", 40.0, 30.0, "pct", "decreasing", True)
    assert worse.status == "bad"


def test_amber_cards_say_why():
    from store.scorecard import Card

    overdue = Card("action_items_open", "Action items open", 19.0, 10.0, "count", None, True, note="8 overdue")
    assert overdue.status == "warn" and overdue.verdict == "unmet"  # 8 overdue is not "close"
    new = Card("incident_count", "Incidents", 3.0, None, "count", "decreasing", True)
    assert new.status == "warn" and new.verdict == "no trend yet"
    near = Card("mttr", "MTTR", 57.0, 80.0, "minutes", 60.0, True)
    assert near.status == "warn" and near.verdict == "close"


def test_open_incident_is_listed_as_lacking_resolution_and_counted_beside_mttr(store):
    incident(store, t(5, 9), detect=4, ack=6, mitigate=20, resolve=60)
    still = incident(store, t(20, 9), detect=4, ack=6, mitigate=None, resolve=None)
    m = store.metrics(NOV)
    assert [i.key for i in m.incomplete] == [still.key]
    assert "resolved" in m.incomplete[0].missing and m.incomplete[0].status == "investigating"
    assert m.still_open == 1 and as_json(m, {})["incidents_still_open"] == 1
    assert m.durations["mttr"].n == 1
    from store.scorecard import cards

    mttr = next(card for card in cards(m, m, {}) if card.name == "mttr")
    assert mttr.title == "MTTR · 1 still open" and mttr.note.endswith("n 1")


def test_impossible_durations_are_unknown_and_flagged(store):
    good = incident(store, t(5, 9), detect=4, ack=6, mitigate=20, resolve=60)
    bad = incident(store, t(6, 9), detect=10, ack=4, mitigate=20, resolve=60)  # acknowledged before detected
    m = store.metrics(NOV)
    assert m.durations["tta"].n == 1 and m.durations["tta"].mean == pytest.approx(2)
    assert [i.key for i in m.incomplete] == [bad.key]
    assert m.incomplete[0].impossible == ["acknowledged before detected"]
    assert m.incomplete[0].gaps == "acknowledged before detected"
    assert good.key not in as_json(m, {})["incomplete_incidents"]
