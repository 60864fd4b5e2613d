"""Postmortem content: section text, factors and links rows, revisions, and
dismissed hint fingerprints. Every save is one transaction."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from .base import RowModel, StoreBase
from .clock import from_iso
from .errors import InvalidInputError
from .postmortem_parts import (
    EDITABLE_KINDS,
    SEED_FACTORS,
    parse_checklist,
    parse_impact,
    parse_links,
    render_checklist,
    render_impact,
    section,
)

#: Saves of one section by one person closer together than this share a revision.
REVISION_WINDOW = timedelta(minutes=2)


class Revision(RowModel):
    """A saved version of one section."""

    id: int
    postmortem_id: int
    section: str
    body: str
    author: str = ""
    saved_at: datetime


class PostmortemContentMixin(StoreBase):
    """Read and save sections; keep revisions; remember dismissed hints."""

    def section_bodies(self, postmortem_id: int) -> dict[str, str]:
        """Stored text of every section that has been saved."""
        rows = self.db.query("SELECT name, body FROM postmortem_section WHERE postmortem_id = ?", (postmortem_id,))
        return {r["name"]: r["body"] for r in rows}

    def section_text(self, postmortem_id: int, name: str) -> str:
        """The editable text of a section (impact comes from the incident)."""
        kind = section(name).kind
        if kind == "impact":
            incident = self.get_incident(self.get_postmortem_by_id(postmortem_id).incident_id)
            return render_impact(
                incident.users_affected, incident.revenue_impact, incident.slo_impact, incident.users_affected_text
            )
        if kind == "checklist" and name not in self.section_bodies(postmortem_id):
            return render_checklist(self.factors(postmortem_id) or [(text, False) for text in SEED_FACTORS])
        return self.section_bodies(postmortem_id).get(name, "")

    def save_section(self, postmortem_id: int, name: str, body: str, author: str | None = None) -> bool:
        """Save a section's text in one transaction; False when nothing changed."""
        kind = section(name).kind
        if kind not in EDITABLE_KINDS:
            raise InvalidInputError(f"{section(name).title} is not typed: it follows the incident.")
        if body == self.section_text(postmortem_id, name):
            return False
        postmortem = self.get_postmortem_by_id(postmortem_id)
        with self.db.write() as conn:
            if kind == "impact":
                self.update_incident(postmortem.incident_id, author=author, **parse_impact(body))
            else:
                self._write_body(conn, postmortem_id, name, body)
                self._write_rows(conn, postmortem_id, kind, body)
            self._revision(conn, postmortem_id, name, body, author or self.me)
            conn.execute("UPDATE postmortem SET updated_at = ? WHERE id = ?", (self.now_iso(), postmortem_id))
        return True

    def _write_body(self, conn: Any, postmortem_id: int, name: str, body: str) -> None:
        conn.execute(
            "INSERT INTO postmortem_section (postmortem_id, name, body, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (postmortem_id, name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            (postmortem_id, name, body, self.now_iso()),
        )

    def _write_rows(self, conn: Any, postmortem_id: int, kind: str, body: str) -> None:
        if kind == "checklist":
            conn.execute("DELETE FROM postmortem_factor WHERE postmortem_id = ?", (postmortem_id,))
            conn.executemany(
                "INSERT INTO postmortem_factor (postmortem_id, position, text, checked) VALUES (?, ?, ?, ?)",
                [(postmortem_id, i, t, int(c)) for i, (t, c) in enumerate(parse_checklist(body))],
            )
        elif kind == "links":
            conn.execute("DELETE FROM postmortem_link WHERE postmortem_id = ?", (postmortem_id,))
            conn.executemany(
                "INSERT INTO postmortem_link (postmortem_id, position, label, url) VALUES (?, ?, ?, ?)",
                [(postmortem_id, i, lab, url) for i, (lab, url) in enumerate(parse_links(body))],
            )

    def _revision(self, conn: Any, postmortem_id: int, name: str, body: str, author: str) -> None:
        """Record the saved text; quick successive saves by one person update one revision."""
        last = conn.execute(
            "SELECT id, author, saved_at FROM postmortem_revision WHERE postmortem_id = ? AND section = ? "
            "ORDER BY saved_at DESC, id DESC LIMIT 1",
            (postmortem_id, name),
        ).fetchone()
        now = self.now()
        if last and last["author"] == author and now - from_iso(last["saved_at"]) < REVISION_WINDOW:
            conn.execute(
                "UPDATE postmortem_revision SET body = ?, saved_at = ? WHERE id = ?", (body, self.now_iso(), last["id"])
            )
            return
        conn.execute(
            "INSERT INTO postmortem_revision (postmortem_id, section, body, author, saved_at) VALUES (?, ?, ?, ?, ?)",
            (postmortem_id, name, body, author, self.now_iso()),
        )

    def revisions(self, postmortem_id: int, name: str | None = None, limit: int = 200) -> list[Revision]:
        """Saved versions, newest first (of one section when ``name`` is given)."""
        where, params = ("AND section = ?", (name,)) if name else ("", ())
        rows = self.db.query(
            f"SELECT * FROM postmortem_revision WHERE postmortem_id = ? {where} "
            "ORDER BY saved_at DESC, id DESC LIMIT ?",
            (postmortem_id, *params, limit),
        )
        return [Revision.from_row(r) for r in rows]

    def factors(self, postmortem_id: int) -> list[tuple[str, bool]]:
        """Contributing factors as (text, checked), in order."""
        rows = self.db.query(
            "SELECT text, checked FROM postmortem_factor WHERE postmortem_id = ? ORDER BY position", (postmortem_id,)
        )
        return [(r["text"], bool(r["checked"])) for r in rows]

    def links(self, postmortem_id: int) -> list[tuple[str, str]]:
        """Supporting data as (label, url), in order."""
        rows = self.db.query(
            "SELECT label, url FROM postmortem_link WHERE postmortem_id = ? ORDER BY position", (postmortem_id,)
        )
        return [(r["label"], r["url"]) for r in rows]

    def dismiss_hint(self, postmortem_id: int, fingerprint: str) -> None:
        """Remember that a hint was dismissed (by its fingerprint)."""
        with self.db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO postmortem_dismissal (postmortem_id, fingerprint, dismissed_at) "
                "VALUES (?, ?, ?)",
                (postmortem_id, fingerprint, self.now_iso()),
            )

    def dismissed_hints(self, postmortem_id: int) -> set[str]:
        """Fingerprints of the hints dismissed on this postmortem."""
        rows = self.db.query("SELECT fingerprint FROM postmortem_dismissal WHERE postmortem_id = ?", (postmortem_id,))
        return {r["fingerprint"] for r in rows}
