"""Recurrence: a later incident that repeats what a PDCA card set out to fix.

The rule, stated on the card: a later incident recurs a card's source incident
when they share a service, a tag or a ticked contributing factor **and** their
triggers are alike (their titles and summaries share at least
:data:`MIN_SHARED` telling words beyond the shared services and tags). A
facilitator can dismiss a false link; it stays dismissed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .keys import make_key

#: How many telling words two triggers must share to count as alike.
MIN_SHARED = 2
RULE = "same service, tag or factor, and a similar trigger"
_WORD = re.compile(r"[a-z][a-z0-9]+")
_STOP = frozenset(
    """
a an the and or of in on at to for from by with after before during into over under than then this that
these those is was were be been being are it its as not no up down out off via per all any some our we
incident incidents outage issue issues error errors failure failures failed failing fail problem problems
during while when high elevated slow degraded down partial service services user users customer customers
until again about new wrong bad more most one two minutes hours time request revert rollback rolled back
restor fix fixed mitigat resolv recover valid caus affect impact return result
""".split()
)


@dataclass(frozen=True)
class Recurrence:
    """One later incident that recurs a card, and why."""

    incident_key: str
    shared: str
    trigger_words: tuple[str, ...]

    @property
    def reason(self) -> str:
        """``checkout; "pool", "exhausted"``: what they share."""
        words = ", ".join(f'"{w}"' for w in self.trigger_words)
        return f"{self.shared}; {words}"


def stem(word: str) -> str:
    """A crude stem, enough to match "timeouts"/"timeout", "exhausted"/"exhaustion"."""
    for suffix in ("ation", "ion", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def trigger_words(row: Any) -> dict[str, str]:
    """Telling words of an incident's title and summary: stem → word as written."""
    names = {w.lower() for w in json.loads(row["services"]) + json.loads(row["tags"])}
    words = _WORD.findall(f"{row['title']} {row['summary']}".lower())
    return {stem(w): w for w in words if w not in _STOP and stem(w) not in _STOP and w not in names}


def shared_context(source: Any, later: Any, factors: dict[int, set[str]]) -> str:
    """The first shared service, tag or ticked factor, named; '' when none."""
    for field in ("services", "tags"):
        common = sorted(set(json.loads(source[field])) & set(json.loads(later[field])))
        if common:
            return f"{field[:-1]} {common[0]}"
    common = sorted(factors.get(source["id"], set()) & factors.get(later["id"], set()))
    return f"factor {common[0]}" if common else ""


def recurrence(source: Any, later: Any, factors: dict[int, set[str]], key: str) -> Recurrence | None:
    """``later`` as a recurrence of ``source`` under :data:`RULE`, or None."""
    shared = shared_context(source, later, factors)
    if not shared:
        return None
    mine, theirs = trigger_words(source), trigger_words(later)
    common = sorted(mine.keys() & theirs.keys())
    if len(common) < MIN_SHARED:
        return None
    return Recurrence(key, shared, tuple(theirs[s] for s in common))


# Later incidents that share a service, tag or ticked factor with one of the
# card's source incidents (the cheap half of the rule in ``recurrence.py``),
# each with the source it shares it with; dismissed links are left out.
_TICKED = (
    "SELECT lower(f.text) FROM postmortem_factor f JOIN postmortem fp ON fp.id = f.postmortem_id "
    "WHERE f.checked AND fp.incident_id = {}"
)
RECURRENCE_CANDIDATES_SQL = f"""
SELECT src.id AS source_id, src.title AS source_title, src.summary AS source_summary,
       src.services AS source_services, src.tags AS source_tags, later.* FROM improvement_source s
JOIN postmortem p ON p.id = s.postmortem_id
JOIN incident src ON src.id = p.incident_id
JOIN incident later ON coalesce(later.impact_started_at, later.declared_at)
                     > coalesce(src.impact_started_at, src.declared_at)
WHERE s.improvement_id = :id
  AND later.id NOT IN (SELECT p2.incident_id FROM improvement_source s2
                       JOIN postmortem p2 ON p2.id = s2.postmortem_id WHERE s2.improvement_id = :id)
  AND later.id NOT IN (SELECT incident_id FROM recurrence_dismissal WHERE improvement_id = :id)
  AND (EXISTS (SELECT 1 FROM json_each(later.services) a JOIN json_each(src.services) b ON a.value = b.value)
    OR EXISTS (SELECT 1 FROM json_each(later.tags) a JOIN json_each(src.tags) b ON a.value = b.value)
    OR EXISTS ({_TICKED.format("later.id")} INTERSECT {_TICKED.format("src.id")}))
ORDER BY later.id, src.id
"""


class RecurrenceMixin:
    """Find the incidents that recur a card; dismiss a false link."""

    def recurrences(self, improvement_id: int) -> list[Recurrence]:
        """Later incidents that recur the card under :data:`RULE`, one each, by key."""
        rows = self.db.query(RECURRENCE_CANDIDATES_SQL, {"id": improvement_id})
        factors = self._ticked_factors({r["id"] for r in rows} | {r["source_id"] for r in rows})
        found: dict[int, Recurrence] = {}
        for row in rows:
            if row["id"] not in found:
                hit = recurrence(source_part(row), row, factors, make_key("INC", row["id"]))
                if hit is not None:
                    found[row["id"]] = hit
        return list(found.values())

    def _ticked_factors(self, incident_ids: set[int]) -> dict[int, set[str]]:
        """Each incident's ticked contributing factors, lower-cased."""
        if not incident_ids:
            return {}
        marks = ",".join("?" * len(incident_ids))
        rows = self.db.query(
            "SELECT p.incident_id, lower(f.text) FROM postmortem_factor f JOIN postmortem p ON p.id = f.postmortem_id "
            f"WHERE f.checked AND p.incident_id IN ({marks})",
            tuple(incident_ids),
        )
        found: dict[int, set[str]] = {}
        for incident_id, text in rows:
            found.setdefault(incident_id, set()).add(text)
        return found

    def dismiss_recurrence(self, improvement: int | str, incident: int | str, by: str = "") -> None:
        """A facilitator's "not a recurrence": the card stops naming that incident."""
        card = self.get_improvement(improvement)
        target = self.get_incident(incident)
        with self.db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO recurrence_dismissal (improvement_id, incident_id, dismissed_by, "
                "dismissed_at) VALUES (?, ?, ?, ?)",
                (card.id, target.id, by, self.now_iso()),
            )


def source_part(row: Any) -> dict[str, Any]:
    """The source incident's columns of a candidate row, named as an incident's."""
    return {
        "id": row["source_id"],
        "title": row["source_title"],
        "summary": row["source_summary"],
        "services": row["source_services"],
        "tags": row["source_tags"],
    }
