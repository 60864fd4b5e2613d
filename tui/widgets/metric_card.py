"""A metric card: the figure, its trend, target and status, a sparkline of the
last twelve periods and the metric's definition."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Sparkline, Static

from store.scorecard import Card

class MetricCard(Vertical):
    """Shows one :class:`store.scorecard.Card`; the status sets a ``-good/-bad/-warn`` class."""

    def __init__(self, name: str, title: str) -> None:
        super().__init__(id=f"card-{name}", classes="metric-card")
        self.metric = name
        self.border_title = Content(title)

    def compose(self) -> ComposeResult:
        yield Static(Content("…"), classes="card-value")
        yield Static(Content(""), classes="card-target")
        yield Sparkline([], classes="card-spark")
        yield Static(Content(""), classes="card-note")
        yield Static(Content(""), classes="card-definition")

    def show(self, card: Card, history: list[float | None]) -> None:
        """Fill the card from ``card`` and the values of the last periods (oldest first)."""
        tone = {True: "$status-good", False: "$status-bad"}.get(card.improving, "$foreground-muted")
        value = Content.assemble((card.text, "bold"), "  ", (card.trend_text, tone))
        self.query_one(".card-value", Static).update(value)
        target = "target: ↓ trend" if card.target == "decreasing" else card.target_text
        target = f"{target} · {card.verdict}" if card.verdict else target
        self.query_one(".card-target", Static).update(Content(target))
        self.query_one(".card-note", Static).update(Content(card.note))
        self.query_one(".card-definition", Static).update(Content(card.definition))
        self.query_one(Sparkline).data = [v for v in history if v is not None]
        for name in ("good", "bad", "warn"):
            self.set_class(card.status == name, f"-{name}")
        self.border_title = Content(card.title)
        self.tooltip = f"{card.title}: {card.definition}"
