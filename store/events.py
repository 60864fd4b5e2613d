"""Timeline events: the model and its queries. Edits keep the previous version;
deletes are soft and can be undone."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel

from .base import StoreBase
from .clock import as_utc, to_iso
from .errors import InvalidInputError, NotFoundError
from .incidents import check_choice

KINDS = (
    "note", "impact", "detection", "alert", "acknowledgement", "escalation", "action", "decision",
    "mitigation", "resolution", "communication", "deploy", "status",
)
SOURCES = ("tui", "cli", "import", "system")
CLOCK_SKEW = timedelta(seconds=5)


class TimelineEvent(BaseModel):
    """One line of an incident's timeline."""

    id: int
    incident_id: int
    occurred_at: datetime
    entered_at: datetime
    author: str = ""
    kind: str = "note"
    text: str
    pinned: bool = False
    source: str = "tui"
    version: int = 1
    deleted_at: datetime | None = None

    @classmethod
    def from_row(cls, row: Any) -> "TimelineEvent":
        """Build from a ``sqlite3.Row``."""
        return cls.model_validate(dict(row))


class EventVersion(BaseModel):
    """A previous version of an edited event."""

    event_id: int
    version: int
    occurred_at: datetime
    kind: str
    text: str
    pinned: bool
    replaced_at: datetime


class EventsMixin(StoreBase):
    """Append, list, edit and (soft) delete timeline events."""

    def add_event(self, incident: int | str, text: str, kind: str = "note",
                  occurred_at: datetime | None = None, pinned: bool = False,
                  author: str | None = None, source: str = "tui") -> TimelineEvent:
        """Append an event; it is committed when this returns."""
        incident_id = self.get_incident(incident).id
        now = self.now()
        values = self._event_values(text, kind, occurred_at or now, now)
        source = check_choice("source", source, SOURCES)
        with self.db.write() as conn:
            ident = conn.execute(
                "INSERT INTO timeline_event (incident_id, occurred_at, entered_at, author, kind, text, pinned, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (incident_id, values["occurred_at"], to_iso(now), author or self.me, values["kind"],
                 values["text"], int(pinned), source),
            ).lastrowid
        return self.get_event(ident)

    def get_event(self, event_id: int) -> TimelineEvent:
        """One event by id (deleted ones included)."""
        row = self.db.one("SELECT * FROM timeline_event WHERE id = ?", (event_id,))
        if row is None:
            raise NotFoundError(f"There is no timeline event {event_id}.")
        return TimelineEvent.from_row(row)

    def list_events(self, incident: int | str, limit: int = 500, offset: int = 0,
                    include_deleted: bool = False) -> list[TimelineEvent]:
        """Events in time order (oldest first), paged."""
        incident_id = self.get_incident(incident).id
        deleted = "" if include_deleted else "AND deleted_at IS NULL"
        rows = self.db.query(
            f"SELECT * FROM timeline_event WHERE incident_id = ? {deleted} "
            "ORDER BY occurred_at, id LIMIT ? OFFSET ?",
            (incident_id, limit, offset),
        )
        return [TimelineEvent.from_row(r) for r in rows]

    def count_events(self, incident: int | str) -> int:
        """How many (not deleted) events the incident has."""
        incident_id = self.get_incident(incident).id
        return self.db.one(
            "SELECT count(*) FROM timeline_event WHERE incident_id = ? AND deleted_at IS NULL", (incident_id,)
        )[0]

    def edit_event(self, event_id: int, **changes: Any) -> TimelineEvent:
        """Change text, occurred_at, kind or pinned; the previous version is kept."""
        old = self.get_event(event_id)
        unknown = set(changes) - {"text", "occurred_at", "kind", "pinned"}
        if unknown:
            raise InvalidInputError(f"{', '.join(sorted(unknown))} cannot be edited on an event.")
        merged = {"text": old.text, "kind": old.kind, "occurred_at": old.occurred_at, **changes}
        values = self._event_values(merged["text"], merged["kind"], merged["occurred_at"], self.now())
        pinned = int(changes.get("pinned", old.pinned))
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO timeline_event_version (event_id, version, occurred_at, kind, text, pinned, replaced_at) "
                "SELECT id, version, occurred_at, kind, text, pinned, ? FROM timeline_event WHERE id = ?",
                (self.now_iso(), event_id),
            )
            conn.execute(
                "UPDATE timeline_event SET text = ?, kind = ?, occurred_at = ?, pinned = ?, version = version + 1 "
                "WHERE id = ?",
                (values["text"], values["kind"], values["occurred_at"], pinned, event_id),
            )
        return self.get_event(event_id)

    def event_versions(self, event_id: int) -> list[EventVersion]:
        """Previous versions of an event, oldest first."""
        rows = self.db.query(
            "SELECT * FROM timeline_event_version WHERE event_id = ? ORDER BY version", (event_id,)
        )
        return [EventVersion.model_validate(dict(r)) for r in rows]

    def delete_event(self, event_id: int) -> TimelineEvent:
        """Hide an event (soft delete; :meth:`restore_event` undoes it)."""
        self.get_event(event_id)
        with self.db.write() as conn:
            conn.execute("UPDATE timeline_event SET deleted_at = ? WHERE id = ?", (self.now_iso(), event_id))
        return self.get_event(event_id)

    def restore_event(self, event_id: int) -> TimelineEvent:
        """Undo a delete."""
        self.get_event(event_id)
        with self.db.write() as conn:
            conn.execute("UPDATE timeline_event SET deleted_at = NULL WHERE id = ?", (event_id,))
        return self.get_event(event_id)

    def _event_values(self, text: str, kind: str, occurred_at: datetime, now: datetime) -> dict[str, str]:
        """Validated stored values, or InvalidInputError naming the field."""
        if not str(text).strip():
            raise InvalidInputError("text is empty; type what happened.")
        occurred_at = as_utc(occurred_at)
        if occurred_at > now + CLOCK_SKEW:
            raise InvalidInputError(f"time {to_iso(occurred_at)} is in the future; events are logged as they happen.")
        return {"text": str(text).strip(), "kind": check_choice("kind", kind, KINDS), "occurred_at": to_iso(occurred_at)}
