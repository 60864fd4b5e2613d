"""Demo operational data: six months of deployments (some failed, some linked to
the demo incidents they caused), weekly alert samples and toil entries ending
the day after the example incident (today), with the trends a team lead hopes to see (noise, toil and change
failures going down)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from .dates import seed_day

if TYPE_CHECKING:
    from ..store import Store

WEEKS = 26
SERVICES = ("checkout", "orders", "payments", "search", "auth", "api-gateway", "media", "webhooks")
PEOPLE = ("dana", "priya", "marcus", "sam", "alex")
TOIL_CATEGORIES = ("manual deploys", "ticket triage", "cert rotation", "disk cleanup")
ALERT_SOURCES = (("prometheus", 0.55), ("pagerduty", 0.45))
# Incidents caused by a deployment: (title prefix, service, minutes before impact, version)
CAUSES = (
    ("Checkout failures: database connection pool", "checkout", 0, "v2.3.1"),
    ("Checkout errors after config push", "checkout", 12, "config-118"),
    ("API rate limiter rejected valid traffic", "api-gateway", 20, "gw-4.2.0"),
    ("Orders duplicated by retry storm", "orders", 35, "orders-1.9.0"),
)


class Span:
    """The six months of operational data: their first Monday and last day."""

    def __init__(self, store: Store) -> None:
        self.last_day = seed_day(store) + timedelta(days=1)
        self.first_monday = self.last_day - timedelta(days=self.last_day.weekday(), weeks=WEEKS - 1)

    def progress(self, day: date) -> float:
        """0 at the start of the six months, 1 at the end."""
        done = (day - self.first_monday).days / (self.last_day - self.first_monday).days
        return min(max(done, 0.0), 1.0)

    def mondays(self) -> list[date]:
        """Every week's Monday, oldest first."""
        return [self.first_monday + timedelta(weeks=week) for week in range(WEEKS)]


def seed_deployments(store: Store, span: Span, rng: random.Random) -> None:
    """Two to five deployments a working day until now; failures get rarer over time."""
    day = span.first_monday - timedelta(days=3)
    while day <= span.last_day:
        if day.weekday() < 5:
            for _ in range(rng.randint(2, 5)):
                at = datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.randrange(0, 60, 5), tzinfo=UTC)
                if at >= store.now():
                    continue
                failed = rng.random() < 0.17 - 0.12 * span.progress(day)
                store.record_deployment(rng.choice(SERVICES), at, failed=failed, source="import")
        day += timedelta(days=1)


def seed_causes(store: Store) -> None:
    """The deployments behind four demo incidents, linked to them."""
    for prefix, service, minutes, version in CAUSES:
        row = store.db.one(
            "SELECT id, coalesce(impact_started_at, declared_at) AS start FROM incident "
            "WHERE title LIKE ? ORDER BY id LIMIT 1",
            (prefix + "%",),
        )
        if row is None:
            continue
        at = datetime.fromisoformat(row["start"].replace("Z", "+00:00")) - timedelta(minutes=minutes)
        store.record_deployment(service, at, caused=[row["id"]], version=version, source="import")


def seed_alerts(store: Store, span: Span, rng: random.Random) -> None:
    """Weekly alert counts per source; noise falls from about 70% to 40%."""
    for week, monday in enumerate(span.mondays()):
        noise = 0.70 - 0.30 * span.progress(monday) + rng.uniform(-0.05, 0.05)
        total = rng.randint(150, 230) - week * 3
        for source, share in ALERT_SOURCES:
            count = int(total * share)
            store.record_alerts(monday, count, round(count * (1 - noise)), source=source)


def seed_toil(store: Store, span: Span, rng: random.Random) -> None:
    """Each person's weekly toil; it falls from about 55% to 35% of working time."""
    for monday in span.mondays():
        share = 0.55 - 0.20 * span.progress(monday)
        for person in PEOPLE:
            working = rng.choice((2400, 2400, 2400, 1920))
            toil = int(working * min(max(share + rng.uniform(-0.08, 0.08), 0.0), 1.0))
            store.record_toil(person, monday, toil, working, category=rng.choice(TOIL_CATEGORIES))


def seed(store: Store) -> None:
    """All demo operational data (deterministic)."""
    rng = random.Random(2025)
    span = Span(store)
    seed_deployments(store, span, rng)
    seed_causes(store)
    seed_alerts(store, span, rng)
    seed_toil(store, span, rng)
