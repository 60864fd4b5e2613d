"""Accept a proposed action item (an ``/action`` event): the action item dialog,
pre-filled with the event's text, that saves through
:meth:`Store.accept_proposal` (the item and the decision in one transaction)."""

from __future__ import annotations

from datetime import date

from textual import work

from store import ActionItem, StoreError, TimelineEvent

from .action_item import ActionItemDialog


class AcceptProposalDialog(ActionItemDialog):
    """Owner, due date, priority and type for a proposal; saving accepts it."""

    def __init__(self, postmortem_id: int, people: list[str], today: date, event: TimelineEvent) -> None:
        super().__init__(postmortem_id, people, today, draft=(event.text, (0, len(event.text))))
        self.event = event

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(".dialog-title").update(f"Accept the proposed action logged {self.event.occurred_at:%H:%M}")

    @work(group="action-item", exit_on_error=False)
    async def save(self, fields: dict) -> None:
        """Accept on the store thread; close only once saved (the text stays on failure)."""
        try:
            saved: ActionItem = await self.app.run_store(self.app.store.accept_proposal, self.postmortem_id,
                                                         self.event.id, **fields)
        except (StoreError, OSError, ValueError) as exc:
            self.show_error(f"Not saved: {exc}")
            return
        self.dismiss(saved)
