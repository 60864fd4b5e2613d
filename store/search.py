"""Full-text search (SQLite FTS5) across incidents, timeline events,
postmortem sections and action items. The index is kept by triggers (m0005)."""

from __future__ import annotations

import re
import sqlite3

from pydantic import BaseModel

from .base import StoreBase
from .errors import InvalidInputError, RefusedError
from .keys import make_key

#: Marks around matched words in :attr:`SearchHit.snippet` (never in user text).
MARK_START, MARK_END = "\x02", "\x03"
#: A query that is a key (``INC-0012``, ``pm-12``, ``AI-0007``) goes straight to what it names.
KEY = re.compile(r"(INC|PM|AI)-?0*(\d+)", re.IGNORECASE)
KIND_LABELS = {"incident": "Incident", "event": "Timeline", "section": "Postmortem", "action": "Action item"}


class SearchHit(BaseModel):
    """One match: where it is (incident, kind, section) and a snippet with marks."""

    kind: str
    incident_id: int | None
    section: str = ""
    ref_id: int
    snippet: str
    rank: float

    @property
    def incident_key(self) -> str:
        """``INC-0042`` (empty for an action item without an incident)."""
        return make_key("INC", self.incident_id) if self.incident_id else ""


class SearchMixin(StoreBase):
    """Search the full-text index."""

    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Best matches first. FTS5 syntax is accepted (``"exact phrase"``,
        ``pool*``, ``a OR b``); a malformed query raises InvalidInputError."""
        text = query.strip()
        if not text:
            return []
        if KEY.fullmatch(text.strip('"* ')):
            return self._key_hits(text.strip('"* '))
        sql = (
            "SELECT kind, incident_id, section, ref_id, rank, "
            f"snippet(search_fts, 0, '{MARK_START}', '{MARK_END}', '…', 14) AS snippet "
            "FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?"
        )
        try:
            rows = self.db.query(sql, (text, limit, offset))
        except (sqlite3.OperationalError, RefusedError) as exc:  # the query's syntax, as SQLite read it
            raise InvalidInputError(
                f"search {text!r} is not a valid query: {_reason(str(exc.__cause__ or exc))}; "
                'use plain words, "a phrase" or word*.'
            ) from None
        return [
            SearchHit(
                kind=r["kind"],
                incident_id=_int(r["incident_id"]),
                section=r["section"] or "",
                ref_id=int(r["ref_id"]),
                snippet=r["snippet"] or "",
                rank=r["rank"],
            )
            for r in rows
        ]

    def _key_hits(self, text: str) -> list[SearchHit]:
        """The incident, postmortem or action item a key names (none when it names nothing)."""
        prefix, number = KEY.fullmatch(text).groups()
        prefix, ident = prefix.upper(), int(number)
        if prefix == "AI":
            row = self.db.one("SELECT id, incident_id, title FROM action_item WHERE id = ?", (ident,))
            kind, title = "action", row["title"] if row else ""
            incident_id = row["incident_id"] if row else None
        else:
            row = self.db.one("SELECT id, title FROM incident WHERE id = ?", (ident,))
            if prefix == "PM" and not self.db.one("SELECT 1 FROM postmortem WHERE incident_id = ?", (ident,)):
                row = None
            kind, title, incident_id = ("section" if prefix == "PM" else "incident"), row["title"] if row else "", ident
        if row is None:
            return []
        return [
            SearchHit(
                kind=kind,
                incident_id=incident_id,
                section="summary" if prefix == "PM" else "",
                ref_id=ident,
                snippet=f"{MARK_START}{make_key(prefix, ident)}{MARK_END} {title}",
                rank=-1e9,
            )
        ]


def _reason(message: str) -> str:
    """SQLite's FTS5 error in words a person can act on."""
    near = re.search(r'syntax error near "(.*)"', message)
    if near:
        return (
            f"“{near.group(1)}” is out of place"
            if near.group(1)
            else "it stops before an operator or bracket is finished"
        )
    column = re.search(r"no such column: (\S+)", message)
    if column:
        return f"“{column.group(1)}:” reads as a field name (put the words in quotes to search for them)"
    if "unterminated string" in message:
        return "a quote is not closed"
    if "unknown special query" in message:
        return "it has no words to search for"
    return message


def _int(value: object) -> int | None:
    return None if value in (None, "") else int(value)  # type: ignore[arg-type]


def friendly_query(text: str) -> str:
    """Typed words as a forgiving FTS query: each word quoted, the last one a prefix.

    Used for search-as-you-type, where half-typed operators must not fail.
    """
    words = [w.replace('"', '""') for w in text.split()]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
