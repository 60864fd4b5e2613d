"""One PDCA card on the board: key, title, owner, metric, linked action items, recurrences."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from store import Improvement
from store.recurrence import RULE


def card_content(card: Improvement) -> Content:
    """The card's lines (user text is never markup)."""
    lines = [Content.assemble((card.key, "bold"), "  ", (card.title, "bold"))]
    owner = card.owner or "no owner"
    cycle = f" · cycle {card.cycle}" if card.cycle > 1 else ""
    lines.append(Content.assemble((owner, "italic"), (f" · {card.status.replace('_', ' ')}{cycle}", "dim")))
    if card.metric_text:
        lines.append(Content(card.metric_text))
    if card.change_text:
        expected = f" · expected {card.expected_impact}" if card.expected_impact else ""
        lines.append(Content.assemble(("measured ", "dim"), (card.change_text, "bold"), (expected, "dim")))
    elif card.expected_impact:
        lines.append(Content.assemble(("expected ", "dim"), card.expected_impact))
    if card.measured_impact:
        lines.append(Content.assemble(("impact ", "dim"), card.measured_impact))
    if card.actions_total:
        lines.append(Content.assemble(("actions ", "dim"), f"{card.actions_done}/{card.actions_total} done"))
    if card.decision:
        lines.append(Content.assemble(("decision ", "dim"), card.decision))
    for found in card.recurrences:
        lines.append(
            Content.assemble(
                ("recurred: ", "bold $status-bad"),
                (found.incident_key, "bold $status-bad"),
                (f" ({found.reason})", "$status-bad"),
            )
        )
    return Content("\n").join(lines)


class ImprovementCard(Static, can_focus=True):
    """A focusable card (the board binds Enter to open its form)."""

    def __init__(self, card: Improvement) -> None:
        super().__init__(card_content(card), classes=f"improvement-card stage-{card.stage}", id=f"card-{card.id}")
        self.card = card
        if card.recurrences:
            self.tooltip = f"Recurred means: {RULE}. x dismisses a false one."

    def on_click(self) -> None:
        self.focus()
