"""Timeline events: the model and its queries. Edits keep the previous version;
deletes are soft and can be undone."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel

from .base import RowModel, StoreBase
from .clock import as_utc, to_iso
from .errors import InvalidInputError, NotFoundError
from .incidents import ACTIVE_STATUSES, STATUS_RANK, check_choice

KINDS = (
    "note",
    "impact",
    "detection",
    "alert",
    "acknowledgement",
    "escalation",
    "action",
    "decision",
    "mitigation",
    "resolution",
    "communication",
    "deploy",
    "status",
)
SOURCES = ("tui", "cli", "import", "system")
#: The text of a status-change event (see ``IncidentsMixin.update_incident``).
STATUS_CHANGE_RE = re.compile(r"^Status: (\w+) → (\w+)$")
CLOCK_SKEW = timedelta(seconds=5)
#: Kinds that set an incident milestone, and the status they move the incident to.
MILESTONE_KINDS: dict[str, tuple[str, str | None]] = {
    "impact": ("impact_started_at", None),
    "detection": ("detected_at", None),
    "acknowledgement": ("acknowledged_at", None),
    "mitigation": ("mitigated_at", "monitoring"),
    "resolution": ("resolved_at", "resolved"),
}


class TimelineEvent(RowModel):
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
    edited_by: str = ""
    deleted_by: str = ""

    @property
    def last_changed_by(self) -> str:
        """Who wrote the current version: the last editor, else the author."""
        return self.edited_by or self.author


class EventVersion(BaseModel):
    """A previous version of an edited event."""

    event_id: int
    version: int
    occurred_at: datetime
    kind: str
    text: str
    pinned: bool
    replaced_at: datetime
    edited_by: str = ""


class Logged(BaseModel):
    """What logging an event did: the event, and the milestone time that stayed
    (``kept_at``) when a later event of a milestone kind did not move it."""

    event: TimelineEvent
    kept_at: datetime | None = None

    @property
    def milestone(self) -> str | None:
        """The incident field the event's kind sets (``acknowledged_at``), if any."""
        return MILESTONE_KINDS[self.event.kind][0] if self.event.kind in MILESTONE_KINDS else None


class EventsMixin(StoreBase):
    """Append, list, edit and (soft) delete timeline events."""

    def add_event(
        self,
        incident: int | str,
        text: str,
        kind: str = "note",
        occurred_at: datetime | None = None,
        pinned: bool = False,
        author: str | None = None,
        source: str = "tui",
    ) -> TimelineEvent:
        """Append an event; it is committed when this returns."""
        incident_id = self.get_incident(incident).id
        now = self.now()
        values = self._event_values(text, kind, occurred_at or now, now)
        source = check_choice("source", source, SOURCES)
        with self.db.write() as conn:
            ident = conn.execute(
                "INSERT INTO timeline_event (incident_id, occurred_at, entered_at, author, kind, text, pinned, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    incident_id,
                    values["occurred_at"],
                    to_iso(now),
                    author or self.me,
                    values["kind"],
                    values["text"],
                    int(pinned),
                    source,
                ),
            ).lastrowid
        return self.get_event(ident)

    def log_event(
        self,
        incident: int | str,
        text: str,
        kind: str = "note",
        occurred_at: datetime | None = None,
        pinned: bool = False,
        author: str | None = None,
        source: str = "tui",
        move_milestone: bool = False,
    ) -> TimelineEvent:
        """Append an event (see :meth:`capture_event`); committed when this returns."""
        return self.capture_event(incident, text, kind, occurred_at, pinned, author, source, move_milestone).event

    def capture_event(
        self,
        incident: int | str,
        text: str,
        kind: str = "note",
        occurred_at: datetime | None = None,
        pinned: bool = False,
        author: str | None = None,
        source: str = "tui",
        move_milestone: bool = False,
    ) -> Logged:
        """Append an event; a milestone kind also sets the incident's milestone (and moves
        its status forward) in the same transaction. A milestone keeps its FIRST time: a
        later event of its kind is logged but leaves it where it is (``Logged.kept_at``)
        unless ``move_milestone``; an earlier one is the real first and moves it back."""
        with self.db.write():
            event = self.add_event(incident, text, kind, occurred_at, pinned, author, source)
            kept = self._apply_milestone(event, author, source, move=move_milestone)
        return Logged(event=event, kept_at=kept)

    def capture_events(
        self, incident: int | str, items: list[dict[str, Any]], author: str | None = None, source: str = "tui"
    ) -> list[Logged]:
        """Log several events (a multi-line paste) in ONE transaction: all or none.
        Each item holds :meth:`capture_event`'s keyword arguments (text, kind, …)."""
        with self.db.write():
            return [self.capture_event(incident, author=author, source=source, **item) for item in items]

    def _apply_milestone(
        self, event: TimelineEvent, author: str | None, source: str, record: bool = False, move: bool = False
    ) -> datetime | None:
        """Set the milestone of a milestone-kind event when it is unset, or this event is
        earlier (the first time counts), or ``move``; the status only moves forward.
        Returns the milestone time that stays when it was not moved (else None).
        The change is a status event with ``record`` or ``move`` (else the event says it)."""
        if event.kind not in MILESTONE_KINDS:
            return None
        field, status = MILESTONE_KINDS[event.kind]
        incident = self.get_incident(event.incident_id)
        current = getattr(incident, field)
        kept = current if current is not None and current <= event.occurred_at and not move else None
        fields: dict[str, Any] = {} if kept else {field: event.occurred_at}
        if status and STATUS_RANK[status] > STATUS_RANK[incident.status]:
            fields["status"] = status
        quiet = () if record or (move and current is not None) else (field,)
        self.update_incident(incident.id, author=author, source=source, quiet=quiet, **fields)
        return kept

    def _withdraw_milestone(self, event: TimelineEvent, author: str | None = None) -> None:
        """``event`` no longer sets its milestone (deleted, or its kind edited away).

        When the milestone holds this event's time, it falls back to the first
        remaining event of that kind, or is cleared; a cleared milestone also steps
        back the status it moved the incident to. Each change is a status event."""
        if event.kind not in MILESTONE_KINDS:
            return
        field, status = MILESTONE_KINDS[event.kind]
        incident = self.get_incident(event.incident_id)
        if getattr(incident, field) != event.occurred_at:
            return
        fallback = self._first_of_kind(event.incident_id, event.kind)
        fields: dict[str, Any] = {field: fallback.occurred_at if fallback else None}
        if fallback is None and status is not None and incident.status == status:
            fields["status"] = self._status_before(incident, status)
        self.update_incident(incident.id, author=author, **fields)

    def _first_of_kind(self, incident_id: int, kind: str) -> TimelineEvent | None:
        """The earliest (not deleted) event of ``kind``: the time its milestone keeps."""
        row = self.db.one(
            "SELECT * FROM timeline_event WHERE incident_id = ? AND kind = ? AND deleted_at IS NULL "
            "ORDER BY occurred_at, id LIMIT 1",
            (incident_id, kind),
        )
        return TimelineEvent.from_row(row) if row is not None else None

    def _status_before(self, incident: Any, status: str) -> str:
        """The active status the incident had before it moved to ``status`` (from its
        status events); else monitoring when still mitigated, else investigating."""
        rows = self.db.query(
            "SELECT text FROM timeline_event WHERE incident_id = ? AND kind = 'status' AND deleted_at IS NULL "
            "AND text LIKE ? ORDER BY entered_at DESC, id DESC LIMIT 1",
            (incident.id, f"Status: % → {status}"),
        )
        match = STATUS_CHANGE_RE.match(rows[0]["text"]) if rows else None
        if match and match.group(1) in ACTIVE_STATUSES and STATUS_RANK[match.group(1)] < STATUS_RANK[status]:
            return match.group(1)
        if status == "resolved" and incident.mitigated_at is not None:
            return "monitoring"
        return "investigating"

    def get_event(self, event_id: int) -> TimelineEvent:
        """One event by id (deleted ones included)."""
        row = self.db.one("SELECT * FROM timeline_event WHERE id = ?", (event_id,))
        if row is None:
            raise NotFoundError(f"There is no timeline event {event_id}.")
        return TimelineEvent.from_row(row)

    def list_events(
        self, incident: int | str, limit: int = 500, offset: int = 0, include_deleted: bool = False
    ) -> list[TimelineEvent]:
        """Events in time order (oldest first), paged."""
        incident_id = self.get_incident(incident).id
        deleted = "" if include_deleted else "AND deleted_at IS NULL"
        rows = self.db.query(
            f"SELECT * FROM timeline_event WHERE incident_id = ? {deleted} ORDER BY occurred_at, id LIMIT ? OFFSET ?",
            (incident_id, limit, offset),
        )
        return [TimelineEvent.from_row(r) for r in rows]

    def count_events(self, incident: int | str) -> int:
        """How many (not deleted) events the incident has."""
        incident_id = self.get_incident(incident).id
        return self.db.one(
            "SELECT count(*) FROM timeline_event WHERE incident_id = ? AND deleted_at IS NULL", (incident_id,)
        )[0]

    def event_position(self, event_id: int) -> int | None:
        """The row index of an event in :meth:`list_events` order (None when deleted)."""
        event = self.get_event(event_id)
        if event.deleted_at is not None:
            return None
        return self.db.one(
            "SELECT count(*) FROM timeline_event WHERE incident_id = ? AND deleted_at IS NULL "
            "AND (occurred_at < ? OR (occurred_at = ? AND id < ?))",
            (event.incident_id, to_iso(event.occurred_at), to_iso(event.occurred_at), event.id),
        )[0]

    def edit_event(self, event_id: int, author: str | None = None, **changes: Any) -> TimelineEvent:
        """Change text, occurred_at, kind or pinned; the previous version is kept, and the
        editor (``author``, default the acting user) is recorded."""
        old = self.get_event(event_id)
        unknown = set(changes) - {"text", "occurred_at", "kind", "pinned"}
        if unknown:
            raise InvalidInputError(f"{', '.join(sorted(unknown))} cannot be edited on an event.")
        merged = {"text": old.text, "kind": old.kind, "occurred_at": old.occurred_at, **changes}
        values = self._event_values(merged["text"], merged["kind"], merged["occurred_at"], self.now())
        pinned = int(changes.get("pinned", old.pinned))
        with self.db.write() as conn:
            self._save_edit(conn, event_id, values, pinned, author or self.me)
            edited = self.get_event(event_id)
            if edited.kind != old.kind or edited.occurred_at != old.occurred_at:
                self._withdraw_milestone(old, author)
                self._apply_milestone(edited, author, "tui")
        return edited

    def _save_edit(self, conn: Any, event_id: int, values: dict[str, str], pinned: int, editor: str) -> None:
        """Keep the current version (with who wrote it), then write the new values and editor."""
        conn.execute(
            "INSERT INTO timeline_event_version (event_id, version, occurred_at, kind, text, pinned, replaced_at, "
            "edited_by) SELECT id, version, occurred_at, kind, text, pinned, ?, "
            "CASE WHEN edited_by <> '' THEN edited_by ELSE author END FROM timeline_event WHERE id = ?",
            (self.now_iso(), event_id),
        )
        conn.execute(
            "UPDATE timeline_event SET text = ?, kind = ?, occurred_at = ?, pinned = ?, version = version + 1, "
            "edited_by = ? WHERE id = ?",
            (values["text"], values["kind"], values["occurred_at"], pinned, editor, event_id),
        )

    def event_versions(self, event_id: int) -> list[EventVersion]:
        """Previous versions of an event, oldest first."""
        rows = self.db.query("SELECT * FROM timeline_event_version WHERE event_id = ? ORDER BY version", (event_id,))
        return [EventVersion.model_validate(dict(r)) for r in rows]

    def delete_event(self, event_id: int, author: str | None = None) -> TimelineEvent:
        """Hide an event (soft delete; :meth:`restore_event` undoes it), recording who did.
        A milestone it set falls back to the remaining event of its kind, or is cleared."""
        event = self.get_event(event_id)
        with self.db.write() as conn:
            conn.execute(
                "UPDATE timeline_event SET deleted_at = ?, deleted_by = ? WHERE id = ?",
                (self.now_iso(), author or self.me, event_id),
            )
            if event.deleted_at is None:
                self._withdraw_milestone(event, author)
        return self.get_event(event_id)

    def restore_event(self, event_id: int, author: str | None = None) -> TimelineEvent:
        """Undo a delete; a milestone event sets its milestone again when it is the first
        of its kind (or the milestone is unset), as when it was logged."""
        self.get_event(event_id)
        with self.db.write() as conn:
            conn.execute("UPDATE timeline_event SET deleted_at = NULL, deleted_by = '' WHERE id = ?", (event_id,))
            restored = self.get_event(event_id)
            self._apply_milestone(restored, author, "tui", record=True)
        return restored

    def _event_values(self, text: str, kind: str, occurred_at: datetime, now: datetime) -> dict[str, str]:
        """Validated stored values, or InvalidInputError naming the field."""
        if not str(text).strip():
            raise InvalidInputError("text is empty; type what happened.")
        occurred_at = as_utc(occurred_at)
        if occurred_at > now + CLOCK_SKEW:
            raise InvalidInputError(f"time {to_iso(occurred_at)} is in the future; events are logged as they happen.")
        return {
            "text": str(text).strip(),
            "kind": check_choice("kind", kind, KINDS),
            "occurred_at": to_iso(occurred_at),
        }
