"""Postmortems: one per incident. ``PM-0042`` is the postmortem of ``INC-0042``."""

from __future__ import annotations

from datetime import datetime

from .base import RowModel, StoreBase
from .errors import InvalidInputError, NotFoundError
from .keys import make_key, parse_key

POSTMORTEM_STATUSES = ("draft", "in_review", "published")


class Postmortem(RowModel):
    """The review document of one incident."""

    id: int
    incident_id: int
    status: str = "draft"
    author: str = ""
    facilitator: str = ""
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = None
    review_started_at: datetime | None = None

    @property
    def key(self) -> str:
        """``PM-0042`` for the postmortem of ``INC-0042``."""
        return make_key("PM", self.incident_id)


class PostmortemsMixin(StoreBase):
    """Create and find postmortems."""

    def create_postmortem(self, incident: int | str, author: str | None = None) -> Postmortem:
        """Start the postmortem of an incident (one per incident)."""
        incident_id = self.get_incident(incident).id
        if self.postmortem_for_incident(incident_id) is not None:
            raise InvalidInputError(
                f"{make_key('INC', incident_id)} already has a postmortem ({make_key('PM', incident_id)})."
            )
        now = self.now_iso()
        summary = self.get_incident(incident_id).summary
        with self.db.write() as conn:
            ident = conn.execute(
                "INSERT INTO postmortem (incident_id, author, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (incident_id, author or self.me, now, now),
            ).lastrowid
            if summary.strip():
                conn.execute(
                    "INSERT INTO postmortem_section (postmortem_id, name, body, updated_at) "
                    "VALUES (?, 'summary', ?, ?)",
                    (ident, summary, now),
                )
        return self.get_postmortem(incident_id)

    def get_postmortem(self, ref: int | str) -> Postmortem:
        """The postmortem named ``PM-0042`` (or the incident id 42)."""
        incident_id = parse_key("PM", str(ref).upper().replace("INC-", "PM-"))
        found = self.postmortem_for_incident(incident_id)
        if found is None:
            raise NotFoundError(f"There is no postmortem {make_key('PM', incident_id)}.")
        return found

    def postmortem_for_incident(self, incident_id: int) -> Postmortem | None:
        """The incident's postmortem, if one was started."""
        row = self.db.one("SELECT * FROM postmortem WHERE incident_id = ?", (incident_id,))
        return Postmortem.from_row(row) if row else None

    def get_postmortem_by_id(self, postmortem_id: int) -> Postmortem:
        """A postmortem by its own row id."""
        row = self.db.one("SELECT * FROM postmortem WHERE id = ?", (postmortem_id,))
        if row is None:
            raise NotFoundError(f"There is no postmortem with id {postmortem_id}.")
        return Postmortem.from_row(row)

    def postmortem_statuses(self, incident_ids: list[int]) -> dict[int, str]:
        """``{incident_id: status}`` for those of the incidents that have a postmortem."""
        if not incident_ids:
            return {}
        marks = ", ".join("?" for _ in incident_ids)
        rows = self.db.query(
            f"SELECT incident_id, status FROM postmortem WHERE incident_id IN ({marks})", tuple(incident_ids)
        )
        return {r["incident_id"]: r["status"] for r in rows}
