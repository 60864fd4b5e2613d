"""From timeline to follow-ups: every ``/action`` event logged during the
incident is a *proposed* action item on its postmortem until someone accepts
it (it becomes an action item, with owner, due date and priority) or discards
it. Each decision is one transaction and is kept, so a proposal never comes back."""

from __future__ import annotations

from typing import Any

from .actions import ActionItem
from .base import StoreBase
from .errors import InvalidInputError, NotFoundError
from .events import TimelineEvent
from .keys import make_key

PROPOSAL_KIND = "action"


class ProposalsMixin(StoreBase):
    """List, accept and discard the action items proposed by ``/action`` events."""

    def proposed_actions(self, postmortem_id: int) -> list[TimelineEvent]:
        """``action`` events of the postmortem's incident with no decision yet, in time order."""
        rows = self.db.query(
            "SELECT e.* FROM timeline_event e JOIN postmortem p ON p.incident_id = e.incident_id "
            "WHERE p.id = ? AND e.kind = ? AND e.deleted_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM action_proposal d WHERE d.event_id = e.id) "
            "ORDER BY e.occurred_at, e.id",
            (postmortem_id, PROPOSAL_KIND),
        )
        return [TimelineEvent.from_row(r) for r in rows]

    def accept_proposal(self, postmortem_id: int, event_id: int, **fields: Any) -> ActionItem:
        """Turn the proposal into an action item of the postmortem (``title`` defaults
        to the event's text; owner, due_date, priority, type as for any item)."""
        with self.db.write() as conn:
            event = self._open_proposal(postmortem_id, event_id)
            fields.setdefault("title", event.text)
            item = self.create_action_item(postmortem_id=postmortem_id, **fields)
            self._decide(conn, postmortem_id, event_id, "accepted", item.id)
        return item

    def discard_proposal(self, postmortem_id: int, event_id: int) -> None:
        """Decide that the event is not a follow-up (it stays on the timeline)."""
        with self.db.write() as conn:
            self._open_proposal(postmortem_id, event_id)
            self._decide(conn, postmortem_id, event_id, "discarded", None)

    def _open_proposal(self, postmortem_id: int, event_id: int) -> TimelineEvent:
        """The undecided proposal, or one sentence saying why it cannot be decided."""
        found = next((e for e in self.proposed_actions(postmortem_id) if e.id == event_id), None)
        if found is not None:
            return found
        row = self.db.one("SELECT decision, action_item_id FROM action_proposal WHERE event_id = ?", (event_id,))
        if row is None:
            raise NotFoundError(f"Event {event_id} is not a proposed action item of this postmortem.")
        outcome = f"accepted as {make_key('AI', row['action_item_id'])}" if row["action_item_id"] else row["decision"]
        raise InvalidInputError(f"That proposal was already {outcome}.")

    def _decide(self, conn: Any, postmortem_id: int, event_id: int, decision: str, item_id: int | None) -> None:
        conn.execute(
            "INSERT INTO action_proposal (event_id, postmortem_id, decision, action_item_id, decided_by, "
            "decided_at) VALUES (?, ?, ?, ?, ?, ?)",
            (event_id, postmortem_id, decision, item_id, self.me, self.now_iso()),
        )
