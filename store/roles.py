"""Incident roles (commander, deputy, comms, ops lead, scribe; the list is a team
setting) and their hand-offs. Each change closes the current assignment, opens
the new one and writes a ``status`` event ("comms: dana → priya") in the same
transaction; the incident's ``commander`` column follows the commander role."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from .base import RowModel, StoreBase
from .clock import to_iso
from .errors import InvalidInputError
from .team import normal_role

NOBODY = "—"


class RoleAssignment(RowModel):
    """Someone holding a role on an incident, from ``assumed_at`` until handed off."""

    id: int
    incident_id: int
    role: str
    holder: str
    assumed_at: datetime
    handed_off_at: datetime | None = None
    assigned_by: str = ""
    event_id: int | None = None


class RolesMixin(StoreBase):
    """Assign, hand over and read incident roles."""

    def check_role(self, role: str) -> str:
        """The team's spelling of ``role``, or InvalidInputError naming the roles."""
        wanted = normal_role(role)
        roles = self.roles()  # type: ignore[attr-defined]
        if wanted not in roles:
            raise InvalidInputError(f"role {role!r} is not one of the team's roles; use {', '.join(roles)}.")
        return wanted

    def assign_role(
        self, incident: int | str, role: str, holder: str | None, author: str | None = None, source: str = "tui"
    ) -> RoleAssignment | None:
        """Give ``role`` to ``holder`` (None or empty: nobody), handing it over from the
        current holder. One transaction, one timeline event; no change, no event.
        Returns the new assignment (None when the role is now unheld)."""
        role = self.check_role(role)
        holder = (holder or "").strip()
        incident_id = self.get_incident(incident).id  # type: ignore[attr-defined]
        with self.db.write() as conn:
            current = self.role_holders(incident_id).get(role, "")
            if current != holder:
                if role == "commander":
                    conn.execute(
                        "UPDATE incident SET commander = ?, updated_at = ? WHERE id = ?",
                        (holder, self.now_iso(), incident_id),
                    )
                self._hand_over(conn, incident_id, role, current, holder, author, source)
        return self.current_assignment(incident_id, role)

    def _hand_over(
        self, conn: Any, incident_id: int, role: str, old: str, new: str, author: str | None, source: str
    ) -> None:
        """Close the current assignment, open the new one, record the event."""
        now = self.now_iso()
        who = author or self.me  # type: ignore[attr-defined]
        conn.execute(
            "UPDATE role_assignment SET handed_off_at = ? WHERE incident_id = ? AND role = ? AND handed_off_at IS NULL",
            (now, incident_id, role),
        )
        event_id = self._status_event(
            conn,
            incident_id,
            f"{role}: {old or NOBODY} → {new or NOBODY}",  # type: ignore[attr-defined]
            source,
            author=who,
        )
        if new:
            conn.execute(
                "INSERT INTO role_assignment (incident_id, role, holder, assumed_at, assigned_by, event_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (incident_id, role, new, now, who, event_id),
            )

    def _first_commander(self, conn: Any, incident_id: int, holder: str, at: str, event_id: int | None) -> None:
        """The declaration's commander (no event of its own: the declaration names them)."""
        if holder:
            conn.execute(
                "INSERT INTO role_assignment (incident_id, role, holder, assumed_at, assigned_by, event_id) "
                "VALUES (?, 'commander', ?, ?, ?, ?)",
                (incident_id, holder, at, self.me, event_id),
            )  # type: ignore[attr-defined]

    def current_assignment(self, incident: int | str, role: str) -> RoleAssignment | None:
        """Who holds ``role`` now, or None."""
        row = self.db.one(
            "SELECT * FROM role_assignment WHERE incident_id = ? AND role = ? AND handed_off_at IS NULL",
            (self.get_incident(incident).id, normal_role(role)),
        )  # type: ignore[attr-defined]
        return RoleAssignment.from_row(row) if row else None

    def role_holders(self, incident: int | str) -> dict[str, str]:
        """``{role: holder}`` for the roles held now, in the team's role order."""
        incident_id = self.get_incident(incident).id  # type: ignore[attr-defined]
        rows = self.db.query(
            "SELECT role, holder FROM role_assignment WHERE incident_id = ? AND handed_off_at IS NULL", (incident_id,)
        )
        held = {r["role"]: r["holder"] for r in rows}
        order = {role: i for i, role in enumerate(self.roles())}  # type: ignore[attr-defined]
        return dict(sorted(held.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))

    def role_history(self, incident: int | str) -> list[RoleAssignment]:
        """Every assignment of the incident, oldest first (hand-offs included)."""
        rows = self.db.query(
            "SELECT * FROM role_assignment WHERE incident_id = ? ORDER BY assumed_at, id",
            (self.get_incident(incident).id,),
        )  # type: ignore[attr-defined]
        return [RoleAssignment.from_row(r) for r in rows]

    def commander_workload(self, start: date, end: date) -> list[tuple[str, int]]:
        """Incidents per person who held the commander role, for incidents that started
        in ``[start, end)`` (dates are whole UTC days); a hand-off counts the incident for
        both. Most first."""
        start, end = (v if isinstance(v, datetime) else datetime.combine(v, time(), UTC) for v in (start, end))
        rows = self.db.query(
            "SELECT r.holder, count(DISTINCT r.incident_id) AS n FROM role_assignment r "
            "JOIN incident i ON i.id = r.incident_id WHERE r.role = 'commander' "
            "AND coalesce(i.impact_started_at, i.declared_at) >= ? AND coalesce(i.impact_started_at, i.declared_at) < ? "
            "GROUP BY r.holder ORDER BY n DESC, r.holder",
            (to_iso(start), to_iso(end)),
        )
        return [(r["holder"], r["n"]) for r in rows]


def roles_text(history: list[RoleAssignment], order: tuple[str, ...] = ()) -> str:
    """``commander dana, priya from 14:30 UTC; comms lee``: each role's holders in
    order, hand-offs with their time (for the postmortem Summary)."""
    by_role: dict[str, list[RoleAssignment]] = {}
    for item in history:
        by_role.setdefault(item.role, []).append(item)
    rank = {role: i for i, role in enumerate(order)}
    parts = []
    for role in sorted(by_role, key=lambda r: (rank.get(r, len(rank)), r)):
        held = by_role[role]
        names = [held[0].holder] + [f"{a.holder} from {a.assumed_at:%H:%M} UTC" for a in held[1:]]
        parts.append(f"{role} {', '.join(names)}")
    return "; ".join(parts)
