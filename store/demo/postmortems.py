"""The seed example's postmortem: filled in, in review, with its four action
items (detect, prevent, mitigate, process), owners and due dates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .dates import moved, seed_day

if TYPE_CHECKING:
    from ..store import Store

SEED_TITLE = "Checkout failures: database connection pool exhausted after v2.3.1"

SECTIONS = {
    "summary": (
        "On {day} from 14:00 to 16:15 UTC, checkout requests failed for about 500 users after "
        "deployment v2.3.1 lowered the database connection pool limit. Rolling back to v2.3.0 restored "
        "service at 14:35; queued orders were replayed by 16:15."
    ),
    "root_cause": (
        "v2.3.1 changed the pool configuration format, and the new default pool size (10) was far below "
        "the 80 connections checkout needs at afternoon peak. Requests queued for a connection, timed out "
        "after 5 s, and returned 5xx. Nothing in CI or staging ran checkout at production concurrency, so "
        "the lower limit was not visible before the deploy."
    ),
    "factors": "\n".join(
        (
            "- [x] Configuration default changed silently with the new format",
            "- [x] Staging load is far below production peak",
            "- [x] No alert on connection pool saturation; the first signal was the 5xx rate",
            "- [ ] Deploy happened during peak traffic",
            "- [x] Rollback is manual and took 5 minutes to start",
        )
    ),
    "went_well": (
        "The 5xx alert fired within 5 minutes of impact. The on-call engineer had the deploy in the "
        "incident channel and connected it to the errors quickly. Rollback worked the first time, and "
        "the order queue kept every failed checkout so none were lost."
    ),
    "went_wrong": (
        "The dashboards showed request errors but not pool usage, so identifying the cause took 15 "
        "minutes of reading logs. The rollback runbook lived in a wiki page that was hard to find "
        "under pressure."
    ),
    "lucky": "The deploy started at 14:00, before the evening peak, which is three times larger.",
    "lessons": (
        "Configuration defaults are part of a release's behaviour and need the same review as code. "
        "A pool that is too small fails like an outage, not like slowness, so it needs its own signal."
    ),
    "links": "\n".join(
        (
            "- [Checkout error rate, {day}](https://grafana.example.com/d/checkout)",
            "- [Incident chat thread](https://chat.example.com/archives/inc-checkout)",
            "- [v2.3.1 release notes](https://git.example.com/shop/checkout/releases/v2.3.1)",
        )
    ),
}

ACTIONS = (
    ("Alert on connection pool saturation above 80%", "alex", date(2025, 12, 5), "P1", "detect"),
    ("Load test pool settings in staging before each deploy", "marcus", date(2025, 12, 12), "P1", "prevent"),
    ("Roll back automatically when the error-rate canary fails", "priya", date(2026, 1, 16), "P2", "mitigate"),
    ("Add pool sizing to the deploy checklist", "dana", date(2025, 12, 19), "P3", "process"),
)


def seed(store: Store) -> None:
    """The example incident's postmortem, in review with two reviewers (one signed off)."""
    row = store.db.one("SELECT id FROM incident WHERE title = ? ORDER BY id DESC LIMIT 1", (SEED_TITLE,))
    if row is None:
        return
    pm = store.create_postmortem(row["id"], author="dana")
    day = seed_day(store).isoformat()
    for name, body in SECTIONS.items():
        store.save_section(pm.id, name, body.replace("{day}", day), author="dana")
    for title, owner, due, priority, kind in ACTIONS:
        store.create_action_item(
            title, owner=owner, due_date=moved(store, due), priority=priority, type=kind, postmortem_id=pm.id
        )
    store.request_review(pm.id, ["marcus", "priya"], facilitator="dana")
    store.sign_off(pm.id, "marcus")
