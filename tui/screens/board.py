"""The Improvements screen: the PDCA board, four columns coloured by stage."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Static

from store import STAGES, Improvement, StoreError
from store.improvement_model import format_number

from ..dialogs.board_filter import BoardFilter, BoardFilterDialog
from ..dialogs.improvement_form import FORM_FIELDS, ImprovementForm
from ..dialogs.pick import PickDialog
from ..messages import DataChanged
from ..widgets.improvement_card import ImprovementCard
from ..widgets.stage_column import StageColumn
from .base import DataScreen

DECISION_CHOICES = [
    ("standardize", "it worked: make it the standard (completed)"),
    ("iterate", "try again: back to Plan, next cycle (history kept)"),
    ("abandon", "stop: it did not pay off"),
]


class BoardScreen(DataScreen):
    """Plan → Do → Check → Act. Arrow keys move the focus; ``[``/``]`` move the card."""

    HELP_TITLE = "Improvements"
    HELP = """
## Improvements (PDCA board)

Plan holds the hypothesis, the metric, its before value and the target; Do
links action items (their progress shows on the card); Check records the after
value (the card shows the change and percent beside the expected impact); Act
records the decision. A card shows "recurred: INC-… (what they share)" when a
later incident shares a service, tag or ticked contributing factor with one of
its source incidents **and** has a similar trigger (their titles and summaries
share at least two telling words). `x` dismisses the first such link when it is
false; it stays dismissed.

| key | does |
| --- | --- |
| `↑` `↓` `←` `→` | move between cards and columns |
| `]` / `shift+right` | move the card to the next stage |
| `[` / `shift+left` | move the card to the previous stage |
| `enter` | open the card's form (every field) |
| `n` | new card |
| `d` | decide (Act): standardize, iterate or abandon |
| `f` | filter by status and owner |
| `r` | reload |
"""
    BINDINGS = [
        # Priority: otherwise a column that overflows takes up/down to scroll itself and the focus never moves.
        Binding("up", "focus_card(0, -1)", "Up", id="board.up", show=False, priority=True),
        Binding("down", "focus_card(0, 1)", "Down", id="board.down", show=False, priority=True),
        Binding("left", "focus_card(-1, 0)", "Left", id="board.left", show=False, priority=True),
        Binding("right", "focus_card(1, 0)", "Right", id="board.right", show=False, priority=True),
        Binding("right_square_bracket,shift+right", "move(1)", "Next stage", id="board.next"),
        Binding("left_square_bracket,shift+left", "move(-1)", "Back", id="board.previous"),
        Binding("enter", "open", "Open", id="board.open"),
        Binding("n", "new", "New", id="board.new"),
        Binding("d", "decide", "Decide", id="board.decide"),
        Binding("f", "filter", "Filter", id="board.filter"),
        Binding("x", "dismiss_recurrence", "Not a recurrence", id="board.dismiss_recurrence", show=False),
        Binding("r", "reload", "Reload", id="board.reload", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = BoardFilter()
        self.focus_id: int | None = None
        #: A card just saved or moved: focus it even if another reload (screen resume) overtakes.
        self.pending_focus: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("debrief · Improvements"), classes="title-bar")
        yield Static(Content(""), id="board-filter")
        with Horizontal(id="board"):
            for stage in STAGES:
                yield StageColumn(stage)
        yield Footer()

    def on_mount(self) -> None:
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    @on(DataChanged)
    def action_reload(self) -> None:
        """Read the cards again."""
        self.load()

    @work(exclusive=True, group="board-load", exit_on_error=False)
    async def load(self) -> None:
        """Cards by stage, filtered; the focus goes to a just-changed card, else stays on the same card."""
        card = self.focused_card()
        self.focus_id = self.pending_focus or (card.card.id if card is not None else self.focus_id)
        f = self.filter
        cards = await self.store_read(self.app.store.list_improvements, status=f.status, owner=f.owner)
        for column in self.query(StageColumn):
            await column.show([c for c in cards if c.stage == column.stage])
        self.query_one("#board-filter", Static).update(
            Content.assemble(("Showing ", "dim"), f.describe(), (f"  ·  {len(cards)} cards", "dim"))
        )
        self.refocus()
        self.pending_focus = None

    def refocus(self) -> None:
        """Focus the remembered card, else the first one."""
        cards = list(self.query(ImprovementCard))
        target = next((c for c in cards if c.card.id == self.focus_id), cards[0] if cards else None)
        if target is not None:
            target.focus()
            target.scroll_visible(animate=False)

    def focused_card(self) -> ImprovementCard | None:
        """The card with the focus."""
        return self.focused if isinstance(self.focused, ImprovementCard) else None

    def action_focus_card(self, dx: int, dy: int) -> None:
        """Arrow keys: next/previous card in the column, or the nearest card in the next column."""
        columns = list(self.query(StageColumn))
        current = self.focused_card()
        if current is None:
            self.refocus()
            return
        col = next(i for i, c in enumerate(columns) if current in c.cards)
        row = columns[col].cards.index(current)
        if dy:
            cards = columns[col].cards
            cards[max(0, min(len(cards) - 1, row + dy))].focus()
            return
        col += dx
        while 0 <= col < len(columns) and not columns[col].cards:
            col += dx
        if 0 <= col < len(columns):
            cards = columns[col].cards
            cards[min(row, len(cards) - 1)].focus()

    @work(group="board-move", exit_on_error=False)
    async def action_move(self, step: int) -> None:
        """Move the focused card one stage on or back."""
        current = self.focused_card()
        if current is None:
            return
        try:
            card = await self.store_write(self.app.store.move_improvement, current.card.id, step)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(f"{card.key} moved to {card.stage.capitalize()}.", markup=False)
        self.pending_focus = card.id
        self.load()

    async def action_dismiss_recurrence(self) -> None:
        """x: the focused card's first "recurred" link is false; drop it for good."""
        current = self.focused_card()
        if current is None or not current.card.recurrences:
            self.notify("This card names no recurrence.", markup=False)
            return
        card, found = current.card, current.card.recurrences[0]
        try:
            await self.store_write(self.app.store.dismiss_recurrence, card.id, found.incident_key)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(f"{found.incident_key} is no longer shown as a recurrence of {card.key}.", markup=False)
        self.pending_focus = card.id
        self.load()

    def saved(self, result: Improvement | None) -> None:
        """After a dialog saved a card: show it, focused."""
        if result is not None:
            self.notify(f"{result.key} saved.", markup=False)
            self.pending_focus = result.id
            self.load()

    @work(group="board-open", exit_on_error=False)
    async def open_form(self, card: Improvement | None) -> None:
        """The form for ``card`` (None: a new card)."""
        store = self.app.store
        people = await self.store_read(store.known_people)
        actions = [a.key for a in await self.store_read(store.improvement_action_items, card.id)] if card else []

        def save(data: dict) -> Improvement:  # on the store thread
            fields = {k: data[k] for k in FORM_FIELDS}
            return store.save_improvement(card.id if card else None, data["sources"], data["actions"], **fields)

        self.app.push_screen(ImprovementForm(card, actions, people, save), self.saved)

    def action_open(self) -> None:
        """Enter: the focused card's form."""
        current = self.focused_card()
        if current is not None:
            self.open_form(current.card)

    def action_new(self) -> None:
        """A new card (in Plan)."""
        self.open_form(None)

    def action_decide(self) -> None:
        """Act: standardize, iterate or abandon the focused card."""
        current = self.focused_card()
        if current is None:
            return
        card = current.card

        def save(decision: str) -> Improvement:  # on the store thread
            return self.app.store.decide_improvement(card.id, decision)

        subject = f"{card.key} {card.title}" + (f" · measured {card.change_text}" if card.change_text else "")
        self.app.push_screen(PickDialog("Act: decide", subject, DECISION_CHOICES, None, save), self.decided)

    def decided(self, result: Improvement | None) -> None:
        """Say what the decision did to the card (back to Plan, completed, abandoned)."""
        if result is None:
            return
        if result.decision is None:
            self.notify(
                f"{result.key}: iterate. Back in Plan for cycle {result.cycle}; "
                f"the before value is now {format_number(result.before_value)}.",
                markup=False,
            )
        else:
            self.notify(f"{result.key}: {result.decision}, {result.status}.", markup=False)
        self.pending_focus = result.id
        self.load()

    @work(group="board-filter", exit_on_error=False)
    async def action_filter(self) -> None:
        """Status and owner in a dialog."""
        people = await self.store_read(self.app.store.known_people)

        def chosen(new: BoardFilter | None) -> None:
            if new is not None:
                self.filter = new
                self.load()

        self.app.push_screen(BoardFilterDialog(self.filter, people), chosen)
