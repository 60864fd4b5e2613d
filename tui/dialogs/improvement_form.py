"""The improvement form: every field of a PDCA card, validated; saved before it closes."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from store import IMPROVEMENT_STATUSES, STAGES, Improvement
from store.errors import InvalidInputError
from store.improvement_model import format_number, parse_number

from .base import StoreDialog
from .reassign import complete

TEXT_FIELDS = (
    ("title", "Title", "what changes"),
    ("owner", "Owner", "who drives it"),
    ("sources", "Sources", "PM-0013, Quarterly review"),
    ("hypothesis", "Hypothesis", "if we …, then … because …"),
    ("before_metric", "Metric", "what is measured"),
    ("before_value", "Before", "value before (number)"),
    ("target_value", "Target", "value aimed for (number)"),
    ("actions", "Action items", "AI-0003, AI-0007 (Do)"),
    ("after_metric", "After metric", "same metric, unless it changed"),
    ("after_value", "After", "measured value (number, Check)"),
    ("expected_impact", "Expected", "expected impact"),
    ("measured_impact", "Measured", "measured impact, in words"),
)
NUMBERS = ("before_value", "target_value", "after_value")
#: Rows the form needs besides its fields: border, padding, title, error line, buttons.
FORM_CHROME = 11
MIN_FIELD_ROWS, MAX_FIELD_ROWS = 4, 22
#: The store fields the form saves (besides ``sources`` and ``actions``).
FORM_FIELDS = (
    "title",
    "owner",
    "hypothesis",
    "before_metric",
    "before_value",
    "target_value",
    "after_metric",
    "after_value",
    "expected_impact",
    "measured_impact",
    "stage",
    "status",
)


def history_lines(card: Improvement | None) -> Content:
    """Earlier cycles, one line each (kept when the team iterates)."""
    if card is None or not card.history:
        return Content("")
    lines = [Content.assemble(("Earlier cycles", "bold"))]
    for c in card.history:
        arrow = f"{format_number(c.before_value)} → {format_number(c.after_value)}"
        lines.append(
            Content(
                f"Cycle {c.cycle}: {c.before_metric or 'metric'} {arrow}, {c.decision}, "
                f"{c.ended_at:%Y-%m-%d}" + (f" · {c.measured_impact}" if c.measured_impact else "")
            )
        )
    return Content("\n").join(lines)


def initial_values(card: Improvement | None, actions: list[str]) -> dict[str, str]:
    """The inputs' starting text."""
    if card is None:
        return {}
    values = {name: str(getattr(card, name, "") or "") for name, _, _ in TEXT_FIELDS if hasattr(card, name)}
    values.update({n: format_number(getattr(card, n)).replace("—", "") for n in NUMBERS})
    values["sources"] = card.source_label
    values["actions"] = ", ".join(actions)
    return values


class ImprovementForm(StoreDialog[Improvement]):
    """Edit or create a card; ``write`` (on the store thread) gets a dict of fields (with
    ``sources`` and ``actions`` lists) and returns the saved card."""

    def __init__(
        self,
        card: Improvement | None,
        actions: list[str],
        people: list[str],
        write: Callable[[dict], Improvement],
        prefill: dict[str, str] | None = None,
        heading: str | None = None,
    ) -> None:
        super().__init__(write)
        self.card = card
        self.values = initial_values(card, actions) | (prefill or {})
        self.people = people
        self.heading = heading

    def compose(self) -> ComposeResult:
        title = f"{self.card.key} · cycle {self.card.cycle}" if self.card else (self.heading or "New improvement")
        with Vertical(classes="dialog improvement-form"):
            yield Label(Content(title), classes="dialog-title")
            with VerticalScroll(classes="form-fields"):
                for name, label, hint in TEXT_FIELDS:
                    with Horizontal(classes="form-row"):
                        yield Label(label, classes="form-label")
                        suggester = SuggestFromList(self.people, case_sensitive=False) if name == "owner" else None
                        yield Input(
                            self.values.get(name, ""),
                            placeholder=hint,
                            id=f"f-{name}",
                            compact=True,
                            suggester=suggester,
                        )
                with Horizontal(classes="form-row"):
                    yield Label("Stage", classes="form-label")
                    yield Select(
                        [(s.capitalize(), s) for s in STAGES],
                        value=self.card.stage if self.card else "plan",
                        allow_blank=False,
                        id="f-stage",
                        compact=True,
                    )
                with Horizontal(classes="form-row"):
                    yield Label("Status", classes="form-label")
                    yield Select(
                        [(s.replace("_", " "), s) for s in IMPROVEMENT_STATUSES],
                        allow_blank=False,
                        value=self.card.status if self.card else "proposed",
                        id="f-status",
                        compact=True,
                    )
            yield Static(history_lines(self.card), classes="muted form-history")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_resize(self) -> None:
        """The fields scroll within what the terminal leaves, so the error line and buttons stay in view."""
        history = self.query_one(".form-history", Static)
        spare = int(self.app.size.height * 0.9) - FORM_CHROME - (history.outer_size.height or 0)
        self.query_one(".form-fields").styles.max_height = max(MIN_FIELD_ROWS, min(MAX_FIELD_ROWS, spare))

    def on_mount(self) -> None:
        self.query_one("#f-title", Input).focus()
        #: What the fields held when the form opened, to tell whether Escape would lose typing.
        self.opened_with = self.typed()
        self.warned = False

    def read(self) -> dict:
        """The fields as the store takes them; InvalidInputError names a bad one."""
        data = {name: self.query_one(f"#f-{name}", Input).value.strip() for name, _, _ in TEXT_FIELDS}
        data["owner"] = complete(data["owner"], self.people)
        if not data["title"]:
            raise InvalidInputError("Title is empty: say what the improvement changes.")
        for name in NUMBERS:
            label = dict((n, lbl) for n, lbl, _ in TEXT_FIELDS)[name]
            try:
                parse_number(name, data[name])
            except InvalidInputError:
                raise InvalidInputError(f"{label} {data[name]!r} is not a number; write it like 7 or 2.5.") from None
        data["sources"] = [s for s in (p.strip() for p in data["sources"].split(",")) if s]
        data["actions"] = [s for s in (p.strip() for p in data["actions"].split(",")) if s]
        data["stage"] = str(self.query_one("#f-stage", Select).value)
        data["status"] = str(self.query_one("#f-status", Select).value)
        return data

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def submit(self) -> None:
        """Validate, then save; errors keep every field as typed."""
        try:
            data = self.read()
        except InvalidInputError as exc:
            self.show_error(str(exc))
            return
        self.save_value(data)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        """Cancel closes without saving, at once: the button is a deliberate choice."""
        self.dismiss(None)

    def typed(self) -> dict[str, str]:
        """The text fields as they are now."""
        return {name: self.query_one(f"#f-{name}", Input).value for name, _, _ in TEXT_FIELDS}

    def action_cancel(self) -> None:
        """Escape: close if nothing was changed; otherwise ask for a second Escape before dropping the text."""
        if self.typed() == self.opened_with or self.warned:
            self.dismiss(None)
            return
        self.warned = True
        self.show_error("You have unsaved changes: Enter saves them, Escape again discards them.")
