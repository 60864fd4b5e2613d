"""Action items: the model and the queries every screen shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .base import RowModel, StoreBase
from .errors import InvalidInputError, NotFoundError
from .incidents import check_choice
from .keys import make_key, parse_key

PRIORITIES = ("P1", "P2", "P3")
ACTION_TYPES = ("prevent", "mitigate", "detect", "process")
ACTION_STATUSES = ("open", "in_progress", "done", "wont_do")
CLOSED_STATUSES = ("done", "wont_do")
ACTIVE_ACTION_STATUSES = ("open", "in_progress")
#: Status filters for triage: each literal status, plus groups.
STATUS_FILTERS = ("active", "open", "in_progress", "done", "wont_do", "closed", "all")
#: Written exactly like the partial indexes' WHERE clause (m0006) so SQLite can use them.
ACTIVE_SQL = "a.status IN ('open','in_progress')"
ACTION_FIELDS = (
    "title",
    "owner",
    "due_date",
    "priority",
    "type",
    "status",
    "postmortem_id",
    "incident_id",
    "improvement_id",
)


class ActionItem(RowModel):
    """Something to change after an incident, with an owner and a due date."""

    id: int
    title: str
    owner: str = ""
    due_date: date | None = None
    priority: str = "P2"
    type: str = "prevent"
    status: str = "open"
    postmortem_id: int | None = None
    incident_id: int | None = None
    improvement_id: int | None = None
    created_at: datetime
    updated_at: datetime
    done_at: datetime | None = None
    created_by: str = ""
    updated_by: str = ""

    @property
    def key(self) -> str:
        """``AI-0007``."""
        return make_key("AI", self.id)

    @property
    def closed(self) -> bool:
        """Done or won't do."""
        return self.status in CLOSED_STATUSES

    def overdue(self, today: date) -> bool:
        """Open and past its due date."""
        return not self.closed and self.due_date is not None and self.due_date < today


class TriageItem(ActionItem):
    """An action item as triage lists it, with where it came from."""

    pm_incident: int | None = None
    improvement_key: str | None = None

    @property
    def postmortem_key(self) -> str | None:
        """``PM-0013`` when the item came from a postmortem."""
        return make_key("PM", self.pm_incident) if self.pm_incident else None

    @property
    def source(self) -> str:
        """Its postmortem, else its incident, else its improvement (keys), else empty."""
        if self.postmortem_key:
            return self.postmortem_key
        if self.incident_id:
            return make_key("INC", self.incident_id)
        return self.improvement_key or ""


@dataclass(frozen=True)
class ActionCounts:
    """How many items are open (open or in progress) and how many of those are overdue."""

    open: int
    overdue: int


def status_clause(status: str | None) -> tuple[str, tuple]:
    """The SQL condition for a triage status filter (see :data:`STATUS_FILTERS`)."""
    status = check_choice("status filter", status or "active", STATUS_FILTERS)
    if status == "active":
        return ACTIVE_SQL, ()
    if status == "closed":
        return "a.status IN ('done','wont_do')", ()
    if status == "all":
        return "1", ()
    return "a.status = ?", (status,)


def triage_where(owner: str | None, overdue: bool, status: str | None, today: date) -> tuple[str, tuple]:
    """WHERE clause and parameters shared by the triage list and its counts."""
    clause, params = status_clause(status)
    clauses, values = [clause], list(params)
    if owner is not None:
        clauses.append("a.owner = ?")
        values.append(owner)
    if overdue:
        clauses += [ACTIVE_SQL, "a.due_date < ?"]
        values.append(today.isoformat())
    return " AND ".join(dict.fromkeys(clauses)), tuple(values)


ORDER_SQL = (
    "ORDER BY coalesce(a.status IN ('open','in_progress') AND a.due_date < ?, 0) DESC, "
    "a.priority, a.due_date IS NULL, a.due_date, a.id"
)
#: The triage order as one ascending row value, for keyset paging: the rows after item ``b``.
TRIAGE_KEY = (
    "-coalesce({a}.status IN ('open','in_progress') AND {a}.due_date < ?, 0), {a}.priority, "
    "{a}.due_date IS NULL, coalesce({a}.due_date, ''), {a}.id"
)
AFTER_SQL = f" AND ({TRIAGE_KEY.format(a='a')}) > (SELECT {TRIAGE_KEY.format(a='b')} FROM action_item b WHERE b.id = ?)"
#: Step 1 reads only ids, from the covering indexes of m0006 (no table lookups before the sort).
TRIAGE_IDS_SQL = "SELECT a.id FROM action_item a WHERE {where} " + ORDER_SQL + " LIMIT ? OFFSET ?"
#: Step 2 reads the page's rows with their source keys.
TRIAGE_ROWS_SQL = (
    "SELECT a.*, p.incident_id AS pm_incident, i.key AS improvement_key FROM action_item a "
    "LEFT JOIN postmortem p ON p.id = a.postmortem_id LEFT JOIN improvement i ON i.id = a.improvement_id "
    "WHERE a.id IN ({marks})"
)


def action_column(field: str, value: Any) -> Any:
    """Validate one field; InvalidInputError names it and what is accepted."""
    if field not in ACTION_FIELDS:
        raise InvalidInputError(f"{field!r} is not an action item field.")
    if field == "title" and not str(value).strip():
        raise InvalidInputError("title is empty; say what will change.")
    if field == "priority":
        return check_choice("priority", value, PRIORITIES)
    if field == "type":
        return check_choice("type", value, ACTION_TYPES)
    if field == "status":
        return check_choice("status", value, ACTION_STATUSES)
    if field == "due_date" and value is not None:
        return value.isoformat() if isinstance(value, date) else date.fromisoformat(str(value)).isoformat()
    return value.strip() if isinstance(value, str) else value


class ActionsMixin(StoreBase):
    """Create, read and change action items."""

    def create_action_item(self, title: str, **fields: Any) -> ActionItem:
        """Add an action item (linked to a postmortem and incident when given)."""
        values = {k: action_column(k, v) for k, v in {"title": title, **fields}.items()}
        if values.get("postmortem_id") and not values.get("incident_id"):
            values["incident_id"] = self.get_postmortem_by_id(values["postmortem_id"]).incident_id
        now = self.now_iso()
        values.update(created_at=now, updated_at=now, created_by=self.me, updated_by=self.me)
        if values.get("status") == "done":
            values["done_at"] = now
        names, marks = ", ".join(values), ", ".join("?" for _ in values)
        with self.db.write() as conn:
            ident = conn.execute(
                f"INSERT INTO action_item ({names}) VALUES ({marks})", tuple(values.values())
            ).lastrowid
        return self.get_action_item(ident)

    def get_action_item(self, ref: int | str) -> ActionItem:
        """The action item with this id or key (``AI-0007``)."""
        ident = parse_key("AI", ref)
        row = self.db.one("SELECT * FROM action_item WHERE id = ?", (ident,))
        if row is None:
            raise NotFoundError(f"There is no action item {make_key('AI', ident)}.")
        return ActionItem.from_row(row)

    def update_action_item(self, ref: int | str, **fields: Any) -> ActionItem:
        """Change fields; closing sets the done time, reopening clears it."""
        item = self.get_action_item(ref)
        values = {k: action_column(k, v) for k, v in fields.items()}
        if "status" in values:
            closing = values["status"] in CLOSED_STATUSES
            if closing and not item.closed:
                values["done_at"] = self.now_iso()
            elif not closing:
                values["done_at"] = None
        sets = ", ".join(f"{k} = ?" for k in values)
        with self.db.write() as conn:
            conn.execute(
                f"UPDATE action_item SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
                (*values.values(), self.now_iso(), self.me, item.id),
            )
            self._log_changes(conn, item, values)
        return self.get_action_item(item.id)

    def _log_changes(self, conn: Any, item: ActionItem, values: dict[str, Any]) -> None:
        """One ``action_item_change`` row per field that changed, with who changed it."""
        before = item.model_dump(mode="json")
        for field, value in values.items():
            old = before.get(field)
            if field != "done_at" and (None if old is None else str(old)) != (None if value is None else str(value)):
                conn.execute(
                    "INSERT INTO action_item_change (action_item_id, field, old_value, new_value, author, "
                    "changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (item.id, field, old, value, self.me, self.now_iso()),
                )

    def action_item_changes(self, ref: int | str) -> list[dict[str, Any]]:
        """Who changed which field of an item, from what to what, oldest first."""
        rows = self.db.query(
            "SELECT field, old_value, new_value, author, changed_at FROM action_item_change "
            "WHERE action_item_id = ? ORDER BY changed_at, id",
            (self.get_action_item(ref).id,),
        )
        return [dict(r) for r in rows]

    def action_items_for_postmortem(self, postmortem_id: int) -> list[ActionItem]:
        """A postmortem's action items, in the order they were added."""
        rows = self.db.query("SELECT * FROM action_item WHERE postmortem_id = ? ORDER BY id", (postmortem_id,))
        return [ActionItem.from_row(r) for r in rows]

    def list_action_items(
        self,
        owner: str | None = None,
        overdue: bool = False,
        status: str | None = "active",
        limit: int = 200,
        offset: int = 0,
        after: int | None = None,
    ) -> list[TriageItem]:
        """Triage order: overdue first, then priority, then due date (undated last); paged in SQL.

        ``owner`` None means everyone; ``status`` is one of :data:`STATUS_FILTERS`. ``after``
        (an item id) pages by key: the items that sort after that item now, so a list whose
        order shifted between pages never repeats a row the way ``offset`` would.
        """
        today = self.now().date()
        where, params = triage_where(owner, overdue, status, today)
        if after is not None:
            where, params = where + AFTER_SQL, (*params, today.isoformat(), today.isoformat(), after)
        ids = [
            r[0] for r in self.db.query(TRIAGE_IDS_SQL.format(where=where), (*params, today.isoformat(), limit, offset))
        ]
        return self._triage_rows(ids)

    def _triage_rows(self, ids: list[int]) -> list[TriageItem]:
        """The items with these ids, in this order."""
        if not ids:
            return []
        rows = self.db.query(TRIAGE_ROWS_SQL.format(marks=", ".join("?" for _ in ids)), tuple(ids))
        by_id = {r["id"]: TriageItem.from_row(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def action_counts(self, owner: str | None = None) -> ActionCounts:
        """Open and overdue items (of ``owner``, or everyone's) for the triage header."""
        today = self.now().date().isoformat()
        where = ACTIVE_SQL + (" AND a.owner = ?" if owner is not None else "")
        params = (today, owner) if owner is not None else (today,)
        row = self.db.one(f"SELECT count(*), coalesce(sum(a.due_date < ?), 0) FROM action_item a WHERE {where}", params)
        return ActionCounts(open=row[0], overdue=row[1])

    def get_triage_item(self, ref: int | str) -> TriageItem:
        """One action item with its source keys."""
        return self._triage_rows([self.get_action_item(ref).id])[0]

    def set_action_status(self, ref: int | str, status: str) -> ActionItem:
        """Start, finish (done), drop (won't do) or reopen an item."""
        return self.update_action_item(ref, status=status)

    def known_people(self) -> list[str]:
        """Everyone named as a commander, owner or author, for completion."""
        rows = self.db.query(
            "SELECT commander AS name FROM incident UNION SELECT owner FROM action_item "
            "UNION SELECT author FROM timeline_event UNION SELECT author FROM postmortem ORDER BY 1"
        )
        return [r["name"] for r in rows if r["name"]]
