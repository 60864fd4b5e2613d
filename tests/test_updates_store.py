"""Stakeholder updates: template, cadence, countdown and nudges."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from store import InvalidInputError, Store, fixed_clock
from tests.conftest import NOW


def at(store: Store, minutes: float) -> Store:
    """The same database, ``minutes`` after NOW."""
    later = store.as_user(store.me)
    later.clock = fixed_clock(NOW + timedelta(minutes=minutes))
    return later


@pytest.fixture
def sev1(store: Store):
    team = store.as_user("dana")
    incident = team.create_incident("Checkout [b]down", "SEV1")
    return team, incident


def test_draft_fills_the_template_from_the_incident(sev1) -> None:
    team, incident = sev1
    team.assign_role(incident.id, "comms", "priya")
    team.update_incident(incident.id, users_affected=1200, slo_impact="checkout SLO burned 40%")
    team.log_event(incident.id, "rolled back v2.4", kind="mitigation")
    team.log_event(incident.id, "paging payments", kind="escalation")
    text = team.compose_update(incident.id)
    assert text.splitlines() == [
        "[INC-0001] Checkout [b]down",
        "Status: monitoring · Severity: SEV1 · Commander: dana",
        "Impact: 1,200 users affected; checkout SLO burned 40%",
        "What we are doing: paging payments; rolled back v2.4",
        "Next update: by 09:30 UTC (in 30 min)",
    ]
    assert "by 10:30 CET" in team.compose_update(incident.id, zone=ZoneInfo("Europe/Berlin"))


def test_team_template_is_checked_and_used(sev1) -> None:
    team, incident = sev1
    with pytest.raises(InvalidInputError, match=r"uses \{eta\}, which is not known"):
        team.set_team_setting("update_template", "ETA {eta}")
    team.set_team_setting("update_template", "{key} is {status}; {roles}\\nnext {next_update}")
    assert (
        team.compose_update(incident.id) == "INC-0001 is investigating; commander dana\nnext by 09:30 UTC (in 30 min)"
    )


def test_a_template_cannot_reach_python_attributes(sev1) -> None:
    team, incident = sev1
    team.set_team_setting("update_template", "{key.__class__} {key}")
    assert team.compose_update(incident.id) == "{key.__class__} INC-0001"  # text, never evaluated


def test_cadence_counts_from_the_last_update(sev1) -> None:
    team, incident = sev1
    due = team.update_due(incident.id)
    assert due.due_at == incident.declared_at + timedelta(minutes=30) and due.last_sent_at is None
    later = at(team, 40)
    assert later.update_due(incident.id).seconds_left(later.now()) == -600
    sent = later.send_update(incident.id, "All hands on it")
    assert (sent.kind, sent.author) == ("communication", "dana")
    assert later.update_due(incident.id).due_at == later.now() + timedelta(minutes=30)
    team.set_severity(incident.id, "SEV3")
    assert team.update_due(incident.id) is None  # no cadence for SEV3 by default
    team.set_team_setting("update_cadence", "sev3=120")
    assert team.update_due(incident.id).cadence_minutes == 120


def test_bad_cadence_names_what_is_accepted(store: Store) -> None:
    with pytest.raises(InvalidInputError, match="give SEVn=MINUTES pairs"):
        store.set_team_setting("update_cadence", "SEV1=soon")
    assert store.update_cadence() == {"SEV1": 30, "SEV2": 60}


def test_nudges_for_missing_ack_and_commander(sev1) -> None:
    team, incident = sev1
    assert team.nudges(incident.id) == []
    later = at(team, 16)
    assert later.nudges(incident.id) == ["Not acknowledged 16m after it was declared: log /ack"]
    later.log_event(incident.id, "/ack", kind="acknowledgement")
    later.assign_role(incident.id, "commander", None)
    assert later.nudges(incident.id) == ["No commander: ctrl+o names one (ctrl+y for any role)"]
    later.set_status(incident.id, "resolved")
    assert later.nudges(incident.id) == []


def test_no_severity_nudge_until_someone_sets_it(store: Store) -> None:
    team = store.as_user("alertbot")
    incident = team.create_incident("Disk full on db-3", None)
    assert (incident.severity, incident.severity_assessed) == ("SEV3", False)
    assert team.nudges(incident.id) == ["No severity yet (SEV3 by default): ctrl+l sets it"]
    team.as_user("dana").set_severity(incident.id, "SEV3")  # confirming the default counts
    assert team.get_incident(incident.id).severity_assessed and team.nudges(incident.id) == []
