"""Incidents: the model and its queries."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from .base import StoreBase
from .clock import format_duration, from_iso, to_iso
from .errors import InvalidInputError, NotFoundError
from .keys import make_key, parse_key
from .postmortem_rules import needs_postmortem

SEVERITIES = ("SEV1", "SEV2", "SEV3", "SEV4", "SEV5")
#: What each severity means, shown where one is picked.
SEVERITY_MEANINGS = {
    "SEV1": "critical: a core service is down or data is at risk for most users",
    "SEV2": "major: a core feature fails for many users, or revenue is affected",
    "SEV3": "minor: degraded or failing for some users; a workaround exists",
    "SEV4": "low: little user impact; internal tools or redundancy affected",
    "SEV5": "no user impact: a near miss, or cosmetic",
}
STATUSES = ("investigating", "identified", "monitoring", "resolved", "closed")
ACTIVE_STATUSES = ("investigating", "identified", "monitoring")
MILESTONES = (
    "impact_started_at",
    "detected_at",
    "declared_at",
    "acknowledged_at",
    "mitigated_at",
    "resolved_at",
)
TRIGGERS = ("customer_facing", "data_loss", "oncall_escalation", "security", "near_miss", "significant_toil")
TRACKED = ("title", "severity", "status", "commander")
#: Milestones that should come in this order: (earlier, later, how a person says it when they do not).
MILESTONE_ORDER = (
    ("impact_started_at", "detected_at", "detected before impact started"),
    ("detected_at", "acknowledged_at", "acknowledged before detected"),
    ("impact_started_at", "mitigated_at", "mitigated before impact started"),
    ("mitigated_at", "resolved_at", "resolved before mitigated"),
    ("impact_started_at", "resolved_at", "resolved before impact started"),
)
#: Time to detect/acknowledge/mitigate/resolve: (label, from, to); None means "impact started".
DURATIONS = (
    ("detect", None, "detected_at"),
    ("ack", "detected_at", "acknowledged_at"),
    ("mitigate", None, "mitigated_at"),
    ("resolve", None, "resolved_at"),
)
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}
TEXT_FIELDS = ("title", "summary", "commander", "revenue_impact", "slo_impact", "users_affected_text")
EDITABLE = TEXT_FIELDS + ("severity", "status", "services", "tags", "users_affected", "caused_by_change")
EDITABLE += MILESTONES + TRIGGERS + ("severity_assessed",)
#: The severity of an incident declared without one (marked not assessed, and nudged).
UNASSESSED_SEVERITY = "SEV3"


class Incident(BaseModel):
    """An incident, with its milestone times as aware UTC datetimes."""

    id: int
    title: str
    summary: str = ""
    severity: str = "SEV3"
    status: str = "investigating"
    commander: str = ""
    services: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    impact_started_at: datetime | None = None
    detected_at: datetime | None = None
    declared_at: datetime
    acknowledged_at: datetime | None = None
    mitigated_at: datetime | None = None
    resolved_at: datetime | None = None
    customer_facing: bool = False
    data_loss: bool = False
    oncall_escalation: bool = False
    security: bool = False
    near_miss: bool = False
    significant_toil: bool = False
    users_affected: int | None = None
    #: "Users affected" as people wrote it ("~30% of EU checkout attempts"); the count above is optional.
    users_affected_text: str = ""
    revenue_impact: str = ""
    slo_impact: str = ""
    caused_by_change: bool = False
    severity_assessed: bool = True
    created_at: datetime
    updated_at: datetime

    @property
    def key(self) -> str:
        """``INC-0042``."""
        return make_key("INC", self.id)

    @property
    def active(self) -> bool:
        """True while the incident is not resolved or closed."""
        return self.status in ACTIVE_STATUSES

    @property
    def started_at(self) -> datetime:
        """When impact started; the declaration time until that is known."""
        return self.impact_started_at or self.declared_at

    def duration_seconds(self, now: datetime) -> float:
        """From impact start to resolution (or to ``now`` while active)."""
        end = self.resolved_at or now
        return (end - self.started_at).total_seconds()

    def duration_text(self, now: datetime) -> str:
        """The duration, compact (``1h 35m``)."""
        return format_duration(self.duration_seconds(now))

    @property
    def users_affected_label(self) -> str:
        """ "Users affected" as written, else the count (``1,200``), else empty."""
        if self.users_affected_text.strip():
            return self.users_affected_text.strip()
        return f"{self.users_affected:,}" if self.users_affected is not None else ""

    @property
    def needs_postmortem(self) -> bool:
        """True when a seed trigger makes a postmortem required (``store.postmortem_rules``)."""
        return needs_postmortem(self)

    def out_of_order(self) -> list[str]:
        """Milestones that contradict each other (``detected before impact started``)."""
        problems = []
        for earlier, later, text in MILESTONE_ORDER:
            first, second = getattr(self, earlier), getattr(self, later)
            if first is not None and second is not None and second < first:
                problems.append(text)
        if self.impact_started_at is None:
            problems += [
                f"{name.removesuffix('_at')} before declared, impact start unknown"
                for _, start, name in DURATIONS
                if start is None and (getattr(self, name) or self.declared_at) < self.declared_at
            ]
        return problems

    def milestone_durations(self) -> list[tuple[str, float]]:
        """Time to detect, ack, mitigate and resolve (seconds) for the milestones that
        exist and are in order; an impossible (negative) one is unknown, and
        :meth:`out_of_order` says why."""
        found = []
        for label, start, end in DURATIONS:
            begin = self.started_at if start is None else getattr(self, start)
            finish = getattr(self, end)
            if begin is not None and finish is not None and finish >= begin:
                found.append((label, (finish - begin).total_seconds()))
        return found

    @classmethod
    def from_row(cls, row: Any) -> Incident:
        """Build from a ``sqlite3.Row``."""
        data = dict(row)
        data["services"] = json.loads(data["services"])
        data["tags"] = json.loads(data["tags"])
        return cls.model_validate(data)


def check_choice(field: str, value: str, choices: Iterable[str]) -> str:
    """``value`` normalised, or InvalidInputError naming the field and the choices."""
    choices = tuple(choices)
    normal = str(value).strip()
    for choice in choices:
        if normal.lower() == choice.lower():
            return choice
    raise InvalidInputError(f"{field} {value!r} is not accepted; use one of {', '.join(choices)}.")


def to_column(field: str, value: Any) -> Any:
    """A Python value as its stored form for ``field``."""
    if field in ("services", "tags"):
        return json.dumps([str(v).strip() for v in value if str(v).strip()])
    if field in MILESTONES:
        return to_iso(value) if value is not None else None
    if field in TRIGGERS or field in ("caused_by_change", "severity_assessed"):
        return int(bool(value))
    if field == "severity":
        return check_choice("severity", value, SEVERITIES)
    if field == "status":
        return check_choice("status", value, STATUSES)
    if field == "title" and not str(value).strip():
        raise InvalidInputError("title is empty; give the incident a short title.")
    if field == "commander" and not str(value).strip():
        raise InvalidInputError("commander is empty; name the person running the incident.")
    if field in ("title", "commander"):
        return str(value).strip()
    if field == "users_affected" and value is not None and int(value) < 0:
        raise InvalidInputError("users_affected must be a whole number of 0 or more.")
    return value


def describe(field: str, value: Any) -> str:
    """A stored value as a person reads it in a status event."""
    if value in (None, ""):
        return "—"
    if field in MILESTONES:
        return from_iso(value).strftime("%Y-%m-%d %H:%M:%S UTC")
    return str(value)


class IncidentsMixin(StoreBase):
    """Create, read, list and change incidents."""

    def create_incident(
        self,
        title: str,
        severity: str | None = "SEV3",
        commander: str | None = None,
        source: str = "tui",
        **fields: Any,
    ) -> Incident:
        """Declare an incident; a ``status`` event records the declaration. ``severity``
        None: SEV3, marked not assessed until someone sets it."""
        now = self.now()
        fields.setdefault("declared_at", now)
        if severity is None:
            severity, fields["severity_assessed"] = UNASSESSED_SEVERITY, False
        values = {"title": title, "severity": severity, "commander": commander or self.me, **fields}
        columns = {k: to_column(k, v) for k, v in values.items() if self._check_field(k)}
        columns["title"] = columns["title"].strip()
        columns.update(created_at=to_iso(now), updated_at=to_iso(now))
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        with self.db.write() as conn:
            ident = conn.execute(f"INSERT INTO incident ({names}) VALUES ({marks})", tuple(columns.values())).lastrowid
            text = f"Declared {columns['severity']} by {columns['commander'] or 'someone'}: {columns['title']}"
            event_id = self._status_event(conn, ident, text, source, at=columns["declared_at"])
            self._first_commander(conn, ident, columns["commander"], columns["declared_at"], event_id)  # type: ignore[attr-defined]
        return self.get_incident(ident)

    def get_incident(self, ref: int | str) -> Incident:
        """The incident with this id or key (``INC-0042``)."""
        ident = parse_key("INC", ref)
        row = self.db.one("SELECT * FROM incident WHERE id = ?", (ident,))
        if row is None:
            raise NotFoundError(f"There is no incident {make_key('INC', ident)}.")
        return Incident.from_row(row)

    def list_incidents(
        self, status: str | Iterable[str] | None = None, limit: int = 200, offset: int = 0, after: int | None = None
    ) -> list[Incident]:
        """Active incidents first, then the rest newest first; paged, filtered by status.

        ``after`` (an incident id) pages by key: the incidents that sort after that one now,
        so a list whose order shifted between pages never repeats a row.
        """
        where, params = self._status_filter(status)
        active = ", ".join(f"'{s}'" for s in ACTIVE_STATUSES)
        key = f"status IN ({active}), coalesce(impact_started_at, declared_at), id"
        if after is not None:
            where = (f"{where} AND " if where else "WHERE ") + f"({key}) < (SELECT {key} FROM incident WHERE id = ?)"
            params = (*params, after)
        sql = (
            f"SELECT * FROM incident {where} ORDER BY status IN ({active}) DESC, "
            "coalesce(impact_started_at, declared_at) DESC, id DESC LIMIT ? OFFSET ?"
        )
        return [Incident.from_row(r) for r in self.db.query(sql, (*params, limit, offset))]

    def count_incidents(self, status: str | Iterable[str] | None = None) -> int:
        """How many incidents match the status filter."""
        where, params = self._status_filter(status)
        return self.db.one(f"SELECT count(*) FROM incident {where}", params)[0]

    def active_incidents(self) -> list[Incident]:
        """Incidents still being worked (investigating, identified, monitoring)."""
        return self.list_incidents(status=ACTIVE_STATUSES, limit=1000)

    def update_incident(
        self, ref: int | str, author: str | None = None, source: str = "tui", quiet: tuple[str, ...] = (), **fields: Any
    ) -> Incident:
        """Change fields; each tracked change also writes a ``status`` event (old → new),
        except for the fields in ``quiet`` (set by an event that already records them)."""
        current = self.get_incident(ref)
        with self.db.write() as conn:
            row = conn.execute("SELECT * FROM incident WHERE id = ?", (current.id,)).fetchone()
            changes = {k: to_column(k, v) for k, v in fields.items() if self._check_field(k)}
            changes = {k: v for k, v in changes.items() if row[k] != v}
            if not changes:
                return current
            sets = ", ".join(f"{k} = ?" for k in changes)
            conn.execute(
                f"UPDATE incident SET {sets}, updated_at = ? WHERE id = ?",
                (*changes.values(), self.now_iso(), current.id),
            )
            for field, value in changes.items():
                if field == "commander":  # a hand-off of the commander role, recorded as such
                    self._hand_over(conn, current.id, "commander", row[field], value, author, source)  # type: ignore[attr-defined]
                elif (field in TRACKED or field in MILESTONES) and field not in quiet:
                    text = f"{field.replace('_', ' ').capitalize()}: {describe(field, row[field])} → {describe(field, value)}"
                    self._status_event(conn, current.id, text, source, author=author)
        return self.get_incident(current.id)

    def set_status(self, ref: int | str, status: str, author: str | None = None) -> Incident:
        """Change the status; resolving sets the resolution time if it is missing, and
        reopening (an active status again) clears it, so the clock runs again."""
        status = check_choice("status", status, STATUSES)
        fields: dict[str, Any] = {"status": status}
        incident = self.get_incident(ref)
        if status in ("resolved", "closed") and incident.resolved_at is None:
            fields["resolved_at"] = self.now()
        if status in ACTIVE_STATUSES and incident.resolved_at is not None:
            fields["resolved_at"] = None
        return self.update_incident(incident.id, author=author, **fields)

    def set_severity(self, ref: int | str, severity: str, author: str | None = None) -> Incident:
        """Change (or confirm) the severity (recorded as a ``status`` event when it changes)."""
        return self.update_incident(ref, author=author, severity=severity, severity_assessed=True)

    def _check_field(self, field: str) -> bool:
        if field not in EDITABLE:
            raise InvalidInputError(f"{field!r} is not an incident field.")
        return True

    def _status_filter(self, status: str | Iterable[str] | None) -> tuple[str, tuple]:
        if status is None:
            return "", ()
        wanted = [status] if isinstance(status, str) else list(status)
        wanted = [check_choice("status", s, STATUSES) for s in wanted]
        return f"WHERE status IN ({', '.join('?' for _ in wanted)})", tuple(wanted)

    def _status_event(
        self, conn: Any, incident_id: int, text: str, source: str, author: str | None = None, at: str | None = None
    ) -> int:
        """Record a change as a ``status`` event written by the system; return its id."""
        now = self.now_iso()
        return conn.execute(
            "INSERT INTO timeline_event (incident_id, occurred_at, entered_at, author, kind, text, source) "
            "VALUES (?, ?, ?, ?, 'status', ?, ?)",
            (incident_id, at or now, now, author or self.me, text, "system"),
        ).lastrowid
