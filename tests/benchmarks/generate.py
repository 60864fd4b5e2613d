"""A large debrief database for benchmarks: 100,000 incidents and 1,000,000
timeline events over two years (2024–2025), plus deployments, alert samples,
toil entries, postmortems and action items.

Written with ``executemany`` in one transaction and cached in the temp folder
between runs (delete the file to regenerate). Run it alone:
``python -m tests.benchmarks.generate``.
"""

from __future__ import annotations

import random
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from store import Store
from store.clock import to_iso

INCIDENTS = 100_000
EVENTS = 1_000_000
DEPLOYMENTS = 200_000
ACTION_ITEMS = 40_000
START = datetime(2024, 1, 1, tzinfo=UTC)
SPAN_MINUTES = 2 * 365 * 24 * 60
VERSION = 1
SEVERITIES = ("SEV1", "SEV2", "SEV3", "SEV4", "SEV5")


def path() -> Path:
    """Where the cached database lives."""
    return Path(tempfile.gettempdir()) / f"debrief-bench-metrics-v{VERSION}.db"


def iso(moment: datetime | None) -> str | None:
    """Stored text for a time (None stays None)."""
    return to_iso(moment) if moment is not None else None


def incident_rows(rng: random.Random):
    """Incidents with random milestones; about 5% lack one, some lack impact start."""
    for ident in range(1, INCIDENTS + 1):
        start = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
        detect = start + timedelta(minutes=rng.randint(1, 60))
        ack = detect + timedelta(minutes=rng.randint(1, 20))
        mitigate = ack + timedelta(minutes=rng.randint(5, 120))
        resolve = mitigate + timedelta(minutes=rng.randint(5, 600))
        gap = rng.random()
        yield (
            ident,
            f"Incident {ident}",
            rng.choice(SEVERITIES),
            "closed",
            "someone",
            iso(start) if gap > 0.02 else None,
            iso(detect) if gap > 0.02 or gap < 0.01 else None,
            iso(detect),
            iso(ack) if not 0.02 < gap < 0.05 else None,
            iso(mitigate),
            iso(resolve),
            int(rng.random() < 0.4),
            int(rng.random() < 0.05),
            int(rng.random() < 0.3),
            iso(start),
            iso(resolve),
        )


def event_rows(rng: random.Random):
    """Ten events per incident on average."""
    for ident in range(1, EVENTS + 1):
        incident = rng.randint(1, INCIDENTS)
        moment = iso(START + timedelta(minutes=rng.randrange(SPAN_MINUTES)))
        yield (incident, moment, moment, "someone", "note", f"Event {ident}")


def other_rows(rng: random.Random, conn) -> None:
    """Deployments (some linked to incidents), weekly alerts and toil, postmortems, action items."""
    deps = [
        (
            i,
            f"svc{i % 40}",
            iso(START + timedelta(minutes=rng.randrange(SPAN_MINUTES))),
            int(rng.random() < 0.1),
            iso(START),
        )
        for i in range(1, DEPLOYMENTS + 1)
    ]
    conn.executemany("INSERT INTO deployment (id, service, deployed_at, failed, created_at) VALUES (?,?,?,?,?)", deps)
    links = {(rng.randint(1, DEPLOYMENTS), rng.randint(1, INCIDENTS)) for _ in range(20_000)}
    conn.executemany("INSERT INTO deployment_incident VALUES (?, ?)", sorted(links))
    weeks = [date(2024, 1, 1) + timedelta(weeks=w) for w in range(104)]
    conn.executemany(
        "INSERT INTO alert_sample (week, source, total, actionable, created_at) VALUES (?,?,?,?,?)",
        [(w.isoformat(), f"src{s}", 100 + s, 40 + s, iso(START)) for w in weeks for s in range(20)],
    )
    conn.executemany(
        "INSERT INTO toil_entry (person, week, toil_minutes, working_minutes, created_at) VALUES (?,?,?,?,?)",
        [(f"p{p}", w.isoformat(), rng.randint(0, 2400), 2400, iso(START)) for w in weeks for p in range(50)],
    )
    pms = [(i, iso(START + timedelta(minutes=rng.randrange(SPAN_MINUTES)))) for i in range(1, INCIDENTS + 1, 3)]
    conn.executemany(
        "INSERT INTO postmortem (incident_id, created_at, updated_at) VALUES (?, ?, ?)", [(i, c, c) for i, c in pms]
    )
    items = []
    for i in range(ACTION_ITEMS):
        created = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
        done = created + timedelta(days=rng.randint(1, 60)) if rng.random() < 0.7 else None
        items.append(
            (
                f"Item {i}",
                (created + timedelta(days=30)).date().isoformat(),
                "done" if done else "open",
                iso(created),
                iso(created),
                iso(done),
            )
        )
    conn.executemany(
        "INSERT INTO action_item (title, due_date, status, created_at, updated_at, done_at) VALUES (?,?,?,?,?,?)", items
    )


def generate(target: Path | None = None) -> Path:
    """Build the database (or reuse the cached one); return its path."""
    target = target or path()
    if target.exists():
        return target
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = Store(partial)
    rng = random.Random(42)
    with store.db.write() as conn:
        conn.executemany(
            "INSERT INTO incident (id, title, severity, status, commander, impact_started_at, detected_at, declared_at, "
            "acknowledged_at, mitigated_at, resolved_at, customer_facing, data_loss, oncall_escalation, created_at, "
            "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            incident_rows(rng),
        )
        conn.executemany(
            "INSERT INTO timeline_event (incident_id, occurred_at, entered_at, author, kind, text) "
            "VALUES (?,?,?,?,?,?)",
            event_rows(rng),
        )
        other_rows(rng, conn)
    store.db.conn.execute("ANALYZE")
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    partial.rename(target)
    return target


if __name__ == "__main__":
    print(generate())
