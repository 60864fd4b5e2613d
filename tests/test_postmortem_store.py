"""Postmortem store: sections, structured parts, revisions, review workflow, search."""

from __future__ import annotations

import pytest

from store import InvalidInputError, Store
from store.postmortem_parts import parse_checklist, parse_impact, parse_links


def start(store: Store):
    incident = store.create_incident("Checkout down", "SEV2", summary="Checkout failed for users.")
    return incident, store.create_postmortem(incident.id)


def test_create_prefills_summary_and_author(store: Store) -> None:
    store.set_setting("me", "dana")
    incident, pm = start(store)
    assert pm.author == "dana" and pm.status == "draft"
    assert store.section_text(pm.id, "summary") == "Checkout failed for users."


def test_save_section_keeps_revisions_and_skips_no_change(store: Store) -> None:
    _, pm = start(store)
    assert store.save_section(pm.id, "root_cause", "The pool was too small.") is True
    assert store.save_section(pm.id, "root_cause", "The pool was too small.") is False
    assert store.section_text(pm.id, "root_cause") == "The pool was too small."
    assert [r.body for r in store.revisions(pm.id, "root_cause")] == ["The pool was too small."]


def test_checklist_and_links_become_rows(store: Store) -> None:
    _, pm = start(store)
    store.save_section(pm.id, "factors", "- [x] No alert\n- [ ] Peak traffic\nplain factor")
    assert store.factors(pm.id) == [("No alert", True), ("Peak traffic", False), ("plain factor", False)]
    store.save_section(pm.id, "links", "- [Graph](https://g/1)\n- https://chat/2\n- Logs: https://l/3")
    assert store.links(pm.id) == [("Graph", "https://g/1"), ("", "https://chat/2"), ("Logs", "https://l/3")]


def test_impact_section_updates_the_incident(store: Store) -> None:
    incident, pm = start(store)
    store.save_section(pm.id, "impact", "Users affected: 1,200\nRevenue impact: $5k\nSLO impact: 99.1%")
    changed = store.get_incident(incident.id)
    assert (changed.users_affected, changed.revenue_impact, changed.slo_impact) == (1200, "$5k", "99.1%")
    store.save_section(pm.id, "impact", "Users affected: ~30% of EU checkout attempts\nSLO impact: 99.1%")
    changed = store.get_incident(incident.id)
    assert (changed.users_affected, changed.users_affected_text) == (None, "~30% of EU checkout attempts")
    assert store.section_text(pm.id, "impact").startswith("Users affected: ~30% of EU checkout attempts\n")
    store.save_section(pm.id, "impact", "Users affected: about 1,200 users\nSLO impact: 99.1%")
    changed = store.get_incident(incident.id)
    assert (changed.users_affected, changed.users_affected_text) == (1200, "about 1,200 users")
    with pytest.raises(InvalidInputError, match="Impact line '1,800Users affected: 5' is not understood"):
        store.save_section(pm.id, "impact", "1,800Users affected: 5")
    assert store.get_incident(incident.id).users_affected == 1200


def test_timeline_is_not_typed(store: Store) -> None:
    _, pm = start(store)
    with pytest.raises(InvalidInputError, match="follows the incident"):
        store.save_section(pm.id, "timeline", "x")


def test_review_workflow_and_signoffs(store: Store) -> None:
    _, pm = start(store)
    with pytest.raises(InvalidInputError, match="reviewer"):
        store.request_review(pm.id, [])
    with pytest.raises(InvalidInputError, match="in review"):
        store.publish_postmortem(pm.id)
    assert store.request_review(pm.id, ["marcus", "priya"]).status == "in_review"
    signed = store.sign_off(pm.id, "marcus")
    assert signed.signed_off_at is not None
    with pytest.raises(InvalidInputError, match="not a reviewer"):
        store.sign_off(pm.id, "eve")
    with pytest.raises(InvalidInputError, match="reviewer not signed off: priya"):
        store.publish_postmortem(pm.id, lambda title, text, dismissed: ([], []))
    assert store.get_postmortem_by_id(pm.id).status == "in_review"
    published = store.publish_postmortem(pm.id, force=True)
    assert published.status == "published" and published.published_at is not None


def test_dismissals_are_remembered(store: Store) -> None:
    _, pm = start(store)
    store.dismiss_hint(pm.id, "should-have-done:abc")
    store.dismiss_hint(pm.id, "should-have-done:abc")
    assert store.dismissed_hints(pm.id) == {"should-have-done:abc"}


def test_search_finds_sections_events_and_follows_edits(store: Store) -> None:
    incident, pm = start(store)
    event = store.add_event(incident.id, "Rollback of v2.3.1 started")
    store.save_section(pm.id, "root_cause", "Connection pool exhausted.")
    kinds = {(h.kind, h.section) for h in store.search("pool")}
    assert ("section", "root_cause") in kinds
    assert [h.ref_id for h in store.search("rollback") if h.kind == "event"] == [event.id]
    store.edit_event(event.id, text="Revert started")
    assert not [h for h in store.search("rollback") if h.kind == "event"]
    store.save_section(pm.id, "root_cause", "Thread starvation.")
    assert not [h for h in store.search("pool") if h.kind == "section"]


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ('"unterminated', "a quote is not closed"),
        ("AND", "“AND” is out of place"),
        ("pool AND", "it stops before an operator or bracket is finished"),
        ("(a", "it stops before an operator or bracket is finished"),
        ("owner:dana", "“owner:” reads as a field name"),
        ("*", "it has no words to search for"),
    ],
)
def test_search_syntax_error_is_one_sentence(store: Store, query: str, reason: str) -> None:
    start(store)
    with pytest.raises(InvalidInputError, match="not a valid query") as caught:
        store.search(query)
    assert reason in str(caught.value) and "fts5" not in str(caught.value) and "\n" not in str(caught.value)


def test_parsers() -> None:
    assert parse_checklist("* [X] a\n\n- b") == [("a", True), ("b", False)]
    assert parse_links("[x](y)") == [("x", "y")]
    assert parse_impact("- Users affected: \nSLO impact: none") == {
        "users_affected": None,
        "users_affected_text": "",
        "slo_impact": "none",
    }


@pytest.mark.parametrize(
    "query, kind, incident_id",
    [
        ("INC-0012", "incident", 12),
        ('"inc-12"*', "incident", 12),
        ("PM-0013", "section", 13),
        ("AI-0001", "action", 13),
    ],
)
def test_search_for_a_key_finds_what_it_names(demo_store: Store, query: str, kind: str, incident_id: int) -> None:
    [hit] = demo_store.search(query)
    assert (hit.kind, hit.incident_id) == (kind, incident_id)


def test_search_for_a_key_that_names_nothing_finds_nothing(demo_store: Store) -> None:
    assert demo_store.search("INC-0999") == [] and demo_store.search("PM-0012") == []
