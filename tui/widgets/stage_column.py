"""One column of the PDCA board (Plan, Do, Check or Act) holding its cards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from store import Improvement

from .improvement_card import ImprovementCard

TITLES = {"plan": "Plan", "do": "Do", "check": "Check", "act": "Act"}
HINTS = {
    "plan": "hypothesis, metric, target",
    "do": "linked action items",
    "check": "after value, impact",
    "act": "decide (d)",
}


class StageColumn(Vertical):
    """A titled column; :meth:`show` replaces its cards."""

    def __init__(self, stage: str) -> None:
        super().__init__(classes=f"stage-column stage-{stage}", id=f"column-{stage}")
        self.stage = stage

    def compose(self) -> ComposeResult:
        yield Static(Content(TITLES[self.stage]), classes="stage-title")
        yield Static(Content(HINTS[self.stage]), classes="stage-hint")
        yield VerticalScroll(classes="stage-cards", can_focus=False)

    async def show(self, cards: list[Improvement]) -> None:
        """Replace the cards."""
        holder = self.query_one(VerticalScroll)
        await holder.remove_children()
        self.query_one(".stage-title", Static).update(Content(f"{TITLES[self.stage]} ({len(cards)})"))
        await holder.mount_all([ImprovementCard(c) for c in cards])

    @property
    def cards(self) -> list[ImprovementCard]:
        """The cards, top to bottom."""
        return list(self.query(ImprovementCard))
