"""Improvements: PDCA cards, their sources, linked action items, cycles and recurrences.

Keys are ``IMP-003``, stored in ``improvement.key``; imported cards keep theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .base import StoreBase
from .errors import InvalidInputError, NotFoundError
from .improvement_model import DECISIONS, STAGES, Improvement, ImprovementCycle, check_key, improvement_column
from .incidents import check_choice
from .keys import make_key

PM_KEY = re.compile(r"^PM-?\d+$", re.IGNORECASE)
CYCLE_FIELDS = (
    "hypothesis",
    "before_metric",
    "before_value",
    "target_value",
    "after_metric",
    "after_value",
    "measured_impact",
)
STAGE_STATUS = {"plan": "proposed", "do": "in_progress", "check": "in_progress", "act": "in_progress"}


class ImprovementsMixin(StoreBase):
    """Create, read, move and decide PDCA cards."""

    def create_improvement(
        self, title: str, key: str | None = None, sources: Iterable[str] = (), **fields: Any
    ) -> Improvement:
        """Add a card (in Plan unless ``stage`` says otherwise) with its sources."""
        values = {k: improvement_column(k, v) for k, v in {"title": title, **fields}.items()}
        pm_ids, free = self.split_sources(sources)
        if free:
            values["source_text"] = ", ".join([*filter(None, [values.get("source_text", "")]), *free])
        now = self.now_iso()
        with self.db.write() as conn:
            values["key"] = check_key(key) if key else self.next_improvement_key()
            if conn.execute("SELECT 1 FROM improvement WHERE key = ?", (values["key"],)).fetchone():
                raise InvalidInputError(f"{values['key']} already exists; choose another id.")
            values.update(created_at=now, updated_at=now)
            names, marks = ", ".join(values), ", ".join("?" for _ in values)
            ident = conn.execute(
                f"INSERT INTO improvement ({names}) VALUES ({marks})", tuple(values.values())
            ).lastrowid
            self._set_sources(conn, ident, pm_ids)
        return self.get_improvement(ident)

    def next_improvement_key(self) -> str:
        """The next free ``IMP-00N`` (after the highest numbered key, imported ones included)."""
        row = self.db.one("SELECT max(CAST(substr(key, 5) AS INTEGER)) FROM improvement WHERE key LIKE 'IMP-%'")
        return make_key("IMP", (row[0] or 0) + 1)

    def split_sources(self, sources: Iterable[str]) -> tuple[list[int], list[str]]:
        """Postmortem ids for keys that name an existing postmortem; the rest as free text."""
        pm_ids, free = [], []
        for text in (s.strip() for s in sources):
            found = self._postmortem_id(text) if PM_KEY.match(text) else None
            if found is not None:
                pm_ids.append(found)
            elif text:
                free.append(text)
        return pm_ids, free

    def _postmortem_id(self, key: str) -> int | None:
        number = int(re.sub(r"\D", "", key))
        row = self.db.one("SELECT id FROM postmortem WHERE incident_id = ?", (number,))
        return row["id"] if row else None

    def _set_sources(self, conn: Any, ident: int, pm_ids: list[int]) -> None:
        conn.execute("DELETE FROM improvement_source WHERE improvement_id = ?", (ident,))
        conn.executemany("INSERT OR IGNORE INTO improvement_source VALUES (?, ?)", [(ident, p) for p in pm_ids])

    def get_improvement(self, ref: int | str) -> Improvement:
        """The card with this id, or this key (``IMP-003``, or ``3``)."""
        if isinstance(ref, int):
            row = self.db.one("SELECT * FROM improvement WHERE id = ?", (ref,))
        else:
            text = str(ref).strip().upper()
            key = make_key("IMP", int(text)) if text.isdigit() else text
            row = self.db.one("SELECT * FROM improvement WHERE key = ?", (key,))
        if row is None:
            raise NotFoundError(f"There is no improvement {ref}.")
        return self._with_details(dict(row))

    def find_improvement(self, key: str) -> Improvement | None:
        """The card with this exact key, or None."""
        row = self.db.one("SELECT id FROM improvement WHERE key = ?", (key.strip().upper(),))
        return self.get_improvement(row["id"]) if row else None

    def _with_details(self, data: dict) -> Improvement:
        """Add sources, action-item progress, recurrences and history to a row."""
        ident = data["id"]
        data["sources"] = [
            make_key("PM", r[0])
            for r in self.db.query(
                "SELECT p.incident_id FROM improvement_source s JOIN postmortem p ON p.id = s.postmortem_id "
                "WHERE s.improvement_id = ? ORDER BY p.incident_id",
                (ident,),
            )
        ]
        progress = self.db.one(
            "SELECT count(*), coalesce(sum(status IN ('done','wont_do')), 0) FROM action_item WHERE improvement_id = ?",
            (ident,),
        )
        data["actions_total"], data["actions_done"] = progress[0], progress[1]
        data["recurrences"] = self.recurrences(ident)
        data["recurred"] = [r.incident_key for r in data["recurrences"]]
        data["history"] = [
            ImprovementCycle.from_row(r)
            for r in self.db.query("SELECT * FROM improvement_cycle WHERE improvement_id = ? ORDER BY cycle", (ident,))
        ]
        return Improvement.model_validate(data)

    def list_improvements(
        self, stage: str | None = None, status: str | None = None, owner: str | None = None
    ) -> list[Improvement]:
        """Cards in board order (stage, then key), filtered by stage, status and owner."""
        clauses, params = [], []
        for field, value in (("stage", stage), ("status", status), ("owner", owner)):
            if value:
                clauses.append(f"{field} = ?")
                params.append(improvement_column(field, value))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        order = "CASE stage " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STAGES)) + " END"
        rows = self.db.query(f"SELECT * FROM improvement {where} ORDER BY {order}, key", tuple(params))
        return [self._with_details(dict(r)) for r in rows]

    def update_improvement(self, ref: int | str, sources: Iterable[str] | None = None, **fields: Any) -> Improvement:
        """Change fields (and, when given, the whole list of sources) in one transaction."""
        card = self.get_improvement(ref)
        values = {k: improvement_column(k, v) for k, v in fields.items()}
        with self.db.write() as conn:
            if sources is not None:
                pm_ids, free = self.split_sources(sources)
                values["source_text"] = ", ".join(free)
                self._set_sources(conn, card.id, pm_ids)
            if values:
                sets = ", ".join(f"{k} = ?" for k in values)
                conn.execute(
                    f"UPDATE improvement SET {sets}, updated_at = ? WHERE id = ?",
                    (*values.values(), self.now_iso(), card.id),
                )
        return self.get_improvement(card.id)

    def move_improvement(self, ref: int | str, step: int) -> Improvement:
        """Move a card ``step`` stages on (1) or back (-1). Act needs the after value (Check)."""
        card = self.get_improvement(ref)
        index = STAGES.index(card.stage) + step
        if not 0 <= index < len(STAGES):
            edge = "first" if index < 0 else "last"
            raise InvalidInputError(f"{card.key} is already in {card.stage.capitalize()}, the {edge} stage.")
        stage = STAGES[index]
        if stage == "act" and card.after_value is None:
            raise InvalidInputError(f"{card.key} needs its after value (recorded in Check) before Act.")
        return self.update_improvement(card.id, stage=stage, status=STAGE_STATUS[stage], decision=None)

    def record_check(
        self, ref: int | str, after_value: Any, after_metric: str | None = None, measured_impact: str | None = None
    ) -> Improvement:
        """Check: record the after value (the card then shows the change and percent)."""
        card = self.get_improvement(ref)
        fields: dict[str, Any] = {"after_value": after_value, "stage": "check", "status": "in_progress"}
        fields["after_metric"] = after_metric if after_metric is not None else (card.after_metric or card.before_metric)
        if measured_impact is not None:
            fields["measured_impact"] = measured_impact
        if improvement_column("after_value", after_value) is None:
            raise InvalidInputError("after value is empty; write the measured value, like 0 or 2.5.")
        return self.update_improvement(card.id, **fields)

    def decide_improvement(self, ref: int | str, decision: str) -> Improvement:
        """Act: standardize (completed), iterate (back to Plan, next cycle) or abandon; history kept."""
        decision = check_choice("decision", decision, DECISIONS)
        card = self.get_improvement(ref)
        if decision != "abandon" and card.after_value is None:
            raise InvalidInputError(f"{card.key} has no after value yet; record it in Check before deciding.")
        with self.db.write() as conn:
            self._keep_cycle(conn, card, decision)
            if decision == "iterate":
                return self.update_improvement(
                    card.id,
                    stage="plan",
                    status="proposed",
                    decision=None,
                    cycle=card.cycle + 1,
                    before_value=card.after_value,
                    after_value=None,
                    after_metric="",
                    measured_impact="",
                )
            status = "completed" if decision == "standardize" else "abandoned"
            return self.update_improvement(card.id, stage="act", status=status, decision=decision)

    def _keep_cycle(self, conn: Any, card: Improvement, decision: str) -> None:
        values = [getattr(card, f) for f in CYCLE_FIELDS]
        conn.execute(
            f"INSERT OR REPLACE INTO improvement_cycle (improvement_id, cycle, {', '.join(CYCLE_FIELDS)}, decision, "
            f"ended_at) VALUES (?, ?, {', '.join('?' for _ in CYCLE_FIELDS)}, ?, ?)",
            (card.id, card.cycle, *values, decision, self.now_iso()),
        )

    def link_action_item(self, ref: int | str, action: int | str) -> Improvement:
        """Do: link an action item to the card (its progress shows on the card)."""
        card = self.get_improvement(ref)
        self.update_action_item(action, improvement_id=card.id)
        return self.get_improvement(card.id)

    def promote_action_item(self, action: int | str) -> Improvement:
        """Make a card in Plan from an action item: same title and owner, its postmortem as source, linked."""
        item = self.get_action_item(action)
        if item.improvement_id:
            existing = self.get_improvement(item.improvement_id)
            raise InvalidInputError(f"{item.key} is already part of {existing.key}.")
        sources = (
            [make_key("PM", self.get_postmortem_by_id(item.postmortem_id).incident_id)] if item.postmortem_id else []
        )
        with self.db.write():
            card = self.create_improvement(
                item.title, owner=item.owner, sources=sources, source_text="" if sources else item.key
            )
            self.update_action_item(item.id, improvement_id=card.id)
        return self.get_improvement(card.id)

    def improvement_action_items(self, ref: int | str) -> list:
        """The action items linked to a card."""
        from .actions import ActionItem

        card = self.get_improvement(ref)
        rows = self.db.query("SELECT * FROM action_item WHERE improvement_id = ? ORDER BY id", (card.id,))
        return [ActionItem.from_row(r) for r in rows]

    def save_improvement(
        self, ref: int | str | None, sources: Iterable[str], action_keys: Iterable[str], **fields: Any
    ) -> Improvement:
        """The board's form: create (``ref`` None) or update a card, its sources and its
        linked action items (exactly those listed), in one transaction."""
        wanted = [self.get_action_item(k).id for k in action_keys if str(k).strip()]
        if fields.get("after_value") not in (None, "") and not fields.get("after_metric"):
            fields["after_metric"] = fields.get("before_metric", "")
        with self.db.write() as conn:
            if ref is None:
                card = self.create_improvement(fields.pop("title", ""), sources=sources, **fields)
            else:
                card = self.update_improvement(ref, sources=sources, **fields)
            marks = ", ".join("?" for _ in wanted)
            conn.execute(
                f"UPDATE action_item SET improvement_id = NULL WHERE improvement_id = ? AND id NOT IN ({marks})",
                (card.id, *wanted),
            )
            conn.executemany("UPDATE action_item SET improvement_id = ? WHERE id = ?", [(card.id, w) for w in wanted])
        return self.get_improvement(card.id)
