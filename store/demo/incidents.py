"""Demo incidents: the seed's example (v2.3.1, connection pool exhausted) and a
dozen earlier ones over the six months before it, plus one still active."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from .dates import seed_day

if TYPE_CHECKING:
    from ..store import Store

SEED_TIMELINE = (
    ("14:00", "deploy", "Deployment of v2.3.1 started", False),
    ("14:05", "alert", "First error alerts: checkout API 5xx rate above 5%", True),
    ("14:10", "escalation", "On-call engineer paged", False),
    ("14:25", "decision", "Root cause identified: database connection pool exhausted by v2.3.1", True),
    ("14:30", "action", "Rollback to v2.3.0 initiated", False),
    ("14:35", "mitigation", "Service restored: error rate back under 0.1%", True),
    ("16:15", "resolution", "Full recovery confirmed: queued orders replayed", True),
)

# (days before the seed, hour, severity, title, services, tags, minutes to detect/ack/mitigate/resolve, commander, flags)
HISTORY = (
    (182, 9, "SEV3", "Search results stale after index rebuild", ["search"], ["index"], (12, 5, 50, 95), "priya", {}),
    (
        167,
        22,
        "SEV2",
        "Payment provider timeouts during peak",
        ["payments"],
        ["third-party"],
        (4, 3, 38, 140),
        "marcus",
        {"customer_facing": True, "oncall_escalation": True},
    ),
    (151, 3, "SEV4", "Nightly report job failed", ["reporting"], ["batch"], (240, 30, 300, 320), "sam", {}),
    (
        139,
        15,
        "SEV1",
        "Login outage after certificate expiry",
        ["auth", "edge"],
        ["certificates"],
        (2, 2, 44, 61),
        "dana",
        {"customer_facing": True, "oncall_escalation": True},
    ),
    (121, 11, "SEV3", "Image uploads slow in eu-west", ["media"], ["latency"], (25, 10, 70, 180), "priya", {}),
    (
        104,
        19,
        "SEV2",
        "Orders duplicated by retry storm",
        ["checkout", "orders"],
        ["retries"],
        (9, 4, 55, 210),
        "marcus",
        {"customer_facing": True, "data_loss": True},
    ),
    (
        88,
        7,
        "SEV5",
        "Status page showed wrong region",
        ["status-page"],
        ["comms"],
        (60, 20, 30, 35),
        "sam",
        {"near_miss": True},
    ),
    (
        73,
        13,
        "SEV3",
        "Cache cluster failover took 20 minutes",
        ["cache"],
        ["failover"],
        (6, 3, 22, 48),
        "dana",
        {"oncall_escalation": True},
    ),
    (
        55,
        16,
        "SEV2",
        "Checkout errors after config push",
        ["checkout"],
        ["config"],
        (5, 2, 18, 35),
        "alex",
        {"customer_facing": True},
    ),
    (
        41,
        2,
        "SEV4",
        "Disk filling on log shippers",
        ["logging"],
        ["capacity"],
        (45, 15, 90, 130),
        "sam",
        {"significant_toil": True},
    ),
    (26, 10, "SEV3", "Webhook deliveries delayed", ["webhooks"], ["queue"], (18, 6, 65, 95), "priya", {}),
    (
        12,
        18,
        "SEV2",
        "API rate limiter rejected valid traffic",
        ["api-gateway"],
        ["config"],
        (7, 3, 27, 52),
        "alex",
        {"customer_facing": True},
    ),
)

#: Summaries of some history incidents (the rest have none yet).
SUMMARIES = {
    "Checkout errors after config push": "A config push changed the checkout timeout rule; requests failed until it was reverted.",
    "API rate limiter rejected valid traffic": "A config push with a new rate-limit rule rejected valid API traffic until it was reverted.",
}


def day_start(store: Store) -> datetime:
    """Midnight UTC of the example incident's day (yesterday)."""
    return datetime.combine(seed_day(store), time(), tzinfo=UTC)


def at(store: Store, hhmm: str) -> datetime:
    """A time on the example incident's day."""
    hours, minutes = map(int, hhmm.split(":"))
    return day_start(store) + timedelta(hours=hours, minutes=minutes)


def seed_example(store: Store) -> None:
    """The seed's example incident, resolved, with its full timeline."""
    incident = store.create_incident(
        "Checkout failures: database connection pool exhausted after v2.3.1",
        "SEV2",
        "dana",
        summary="Deployment v2.3.1 lowered the connection pool limit; checkout requests failed until rollback.",
        services=["checkout", "orders-db"],
        tags=["deploy", "database"],
        impact_started_at=at(store, "14:00"),
        detected_at=at(store, "14:05"),
        declared_at=at(store, "14:08"),
        acknowledged_at=at(store, "14:10"),
        mitigated_at=at(store, "14:35"),
        resolved_at=at(store, "16:15"),
        status="resolved",
        customer_facing=True,
        oncall_escalation=True,
        users_affected=500,
        revenue_impact="About 1,200 failed checkouts (estimated $38,000 delayed)",
        slo_impact="Checkout availability 97.9% for the day (SLO 99.9%)",
        caused_by_change=True,
    )
    for hhmm, kind, text, pinned in SEED_TIMELINE:
        store.add_event(incident.id, text, kind=kind, occurred_at=at(store, hhmm), pinned=pinned, author="dana")


def seed_history(store: Store) -> None:
    """A dozen resolved incidents over the previous six months."""
    for days, hour, sev, title, services, tags, offsets, commander, flags in HISTORY:
        start = day_start(store) - timedelta(days=days) + timedelta(hours=hour)
        detect, ack, mitigate, resolve = (start + timedelta(minutes=m) for m in offsets)
        incident = store.create_incident(
            title,
            sev,
            commander,
            summary=SUMMARIES.get(title, ""),
            services=services,
            tags=tags,
            impact_started_at=start,
            detected_at=detect,
            declared_at=detect,
            acknowledged_at=detect + (ack - start),
            mitigated_at=mitigate,
            resolved_at=resolve,
            status="closed" if days > 30 else "resolved",
            **flags,
        )
        store.add_event(
            incident.id, f"Alert fired for {services[0]}", kind="alert", occurred_at=detect, author=commander
        )
        store.add_event(
            incident.id, "Mitigation applied", kind="mitigation", occurred_at=mitigate, author=commander, pinned=True
        )
        store.add_event(incident.id, "Resolved and verified", kind="resolution", occurred_at=resolve, author=commander)


def seed_active(store: Store) -> None:
    """One incident still being worked, so the live side has something to show."""
    now = store.now()
    started = now - timedelta(minutes=25)
    incident = store.create_incident(
        "Elevated latency on search API",
        "SEV3",
        "priya",
        services=["search"],
        tags=["latency"],
        impact_started_at=started,
        detected_at=started + timedelta(minutes=4),
        declared_at=started + timedelta(minutes=6),
    )
    store.add_event(
        incident.id,
        "p99 latency alert on search API",
        kind="alert",
        occurred_at=started + timedelta(minutes=4),
        author="priya",
    )
    store.add_event(
        incident.id,
        "Looking at the shard rebalancing that started at the same time",
        occurred_at=started + timedelta(minutes=9),
        author="priya",
    )


def seed(store: Store) -> None:
    """All demo incidents."""
    seed_history(store)
    seed_example(store)
    seed_active(store)
