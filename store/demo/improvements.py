"""Demo action items and PDCA cards: the seed's IMP-001 and IMP-002, and enough
others across Plan, Do, Check and Act (owners including dana, some overdue; their due
dates follow today, see ``dates.py``) to fill the triage screen and the board.

Runs after the other seeders: it reuses a history incident's postmortem when
one exists and starts it otherwise. The seed postmortem's own four action
items come from ``demo/postmortems.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dates import moved

if TYPE_CHECKING:
    from ..store import Store

# (incident id, title, owner, due date, priority, type, status)
ACTION_ITEMS = (
    (9, "Validate config pushes against a schema before rollout", "dana", "2025-11-14", "P1", "prevent", "open"),
    (9, "Add a canary stage for checkout config changes", "dana", "2025-11-21", "P2", "prevent", "in_progress"),
    (4, "Alert 30 days before any certificate expires", "dana", "2025-11-25", "P1", "detect", "open"),
    (4, "Inventory every certificate and its owner", "alex", "2025-10-31", "P2", "process", "done"),
    (8, "Script the cache failover runbook", "dana", "2025-12-05", "P2", "mitigate", "open"),
    (8, "Page on failover lasting more than 5 minutes", "dana", "2025-11-20", "P3", "detect", "open"),
    (6, "Idempotency keys on order creation", "marcus", "2025-11-10", "P1", "prevent", "in_progress"),
    (6, "Cap client retries with jittered backoff", "marcus", "2025-12-12", "P2", "prevent", "open"),
    (6, "Reconcile duplicated orders nightly", "sam", "2025-10-15", "P2", "mitigate", "done"),
    (10, "Rotate shipper logs hourly", "sam", "2025-11-18", "P2", "prevent", "open"),
    (10, "Disk usage alert at 80% on log shippers", "sam", "2025-12-01", "P3", "detect", "open"),
    (2, "Timeout budget for the payment provider", "marcus", "2025-12-19", "P1", "mitigate", "open"),
    (None, "Write the on-call handover checklist", "priya", "2025-12-03", "P3", "process", "open"),
    (None, "Review paging thresholds for webhooks", "priya", "2025-11-26", "P2", "detect", "open"),
    (None, "Practise a restore from backup each quarter", "dana", "2026-01-15", "P3", "process", "open"),
    (None, "Document the status page region switch", "sam", None, "P3", "process", "wont_do"),
    (None, "Load-test rate limiter rules before deploy", "alex", "2025-11-24", "P1", "prevent", "open"),
    (None, "Per-customer override for the rate limiter", "alex", "2025-12-10", "P2", "mitigate", "open"),
)

# (key or None, title, sources, owner, fields, linked action item titles)
CARDS = (
    (
        "IMP-001",
        "Automate database backup verification",
        ["PM-042"],
        "sam",
        dict(
            status="completed",
            stage="act",
            decision="standardize",
            before_metric="manual checks per week",
            before_value=7,
            after_metric="manual checks per week",
            after_value=0,
            target_value=0,
            measured_impact="saved 2 hours a week",
            hypothesis="A nightly job that restores and checks the latest backup replaces the manual checks.",
        ),
        (),
    ),
    (
        "IMP-002",
        "Circuit breaker for the payment service",
        ["Quarterly review"],
        "marcus",
        dict(
            status="in_progress",
            stage="do",
            expected_impact="reduce cascading failures by 80%",
            before_metric="cascading failures per quarter",
            before_value=5,
            target_value=1,
            hypothesis="Opening a breaker on provider timeouts stops failures spreading to checkout.",
        ),
        ("Timeout budget for the payment provider",),
    ),
    (
        None,
        "Canary stage for checkout config changes",
        ["PM-0009"],
        "dana",
        dict(
            hypothesis="A 5% canary catches bad config before it reaches every checkout.",
            before_metric="config-caused incidents per quarter",
            before_value=2,
            target_value=0,
            expected_impact="no config-caused checkout incidents",
        ),
        ("Add a canary stage for checkout config changes", "Validate config pushes against a schema before rollout"),
    ),
    (
        None,
        "Certificate expiry alerts",
        ["PM-0004"],
        "alex",
        dict(before_metric="certificates expiring unnoticed per year", before_value=1, target_value=0),
        ("Alert 30 days before any certificate expires", "Inventory every certificate and its owner"),
    ),
    (
        None,
        "Idempotent order creation",
        ["PM-0006"],
        "marcus",
        dict(
            stage="do",
            status="in_progress",
            before_metric="duplicated orders per month",
            before_value=40,
            target_value=0,
            expected_impact="no duplicated orders",
        ),
        (
            "Idempotency keys on order creation",
            "Reconcile duplicated orders nightly",
            "Cap client retries with jittered backoff",
        ),
    ),
    (
        None,
        "Scripted cache failover",
        ["PM-0008"],
        "dana",
        dict(
            stage="check",
            status="in_progress",
            before_metric="failover minutes",
            before_value=20,
            target_value=5,
            after_metric="failover minutes",
            after_value=6,
            expected_impact="failover under 5 minutes",
            measured_impact="failover took 6 minutes in the game day",
        ),
        ("Script the cache failover runbook",),
    ),
    (
        None,
        "Quieter log shipper disk alerts",
        ["PM-0010"],
        "sam",
        dict(
            stage="act",
            status="in_progress",
            before_metric="disk alerts per week",
            before_value=40,
            target_value=10,
            after_metric="disk alerts per week",
            after_value=12,
            expected_impact="a quarter of the alerts",
        ),
        ("Rotate shipper logs hourly",),
    ),
    (
        None,
        "Webhook queue autoscaling",
        ["Ops review, October"],
        "priya",
        dict(before_metric="p95 delivery delay (minutes)", before_value=18, target_value=2),
        (),
    ),
)


def postmortem_id(store: Store, incident_id: int) -> int:
    """The incident's postmortem, started if no other seeder wrote one."""
    found = store.postmortem_for_incident(incident_id)
    if found is None:
        incident = store.get_incident(incident_id)
        found = store.create_postmortem(incident_id, author=incident.commander)
    return found.id


def seed_action_items(store: Store) -> dict[str, int]:
    """The demo action items; returns their ids by title."""
    ids = {}
    for incident_id, title, owner, due, priority, kind, status in ACTION_ITEMS:
        links = {"postmortem_id": postmortem_id(store, incident_id)} if incident_id else {}
        item = store.create_action_item(
            title,
            owner=owner,
            due_date=moved(store, due) if due else None,
            priority=priority,
            type=kind,
            status=status,
            **links,
        )
        ids[title] = item.id
    return ids


def seed(store: Store) -> None:
    """Action items, then cards (with their links)."""
    items = seed_action_items(store)
    for key, title, sources, owner, fields, linked in CARDS:
        card = store.create_improvement(title, key=key, sources=sources, owner=owner, **fields)
        for action in linked:
            store.update_action_item(items[action], improvement_id=card.id)
