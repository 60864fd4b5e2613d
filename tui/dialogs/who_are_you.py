"""The first thing a browser seat shows: who is there, so what they write is theirs."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ..seat_name import MAX_NAME, SeatNameError, check_name

EXPLAIN = (
    "debrief writes this name beside everything you add or change here: events, edits, "
    "sign-offs, action items. Tip: add ?as=YOUR-NAME to this page's address to skip this question."
)


class WhoAreYouDialog(ModalScreen[str]):
    """Ask the browser user's name; dismissed only with a usable name."""

    BINDINGS = [Binding("escape", "stay", "Stay", show=False, id="who_are_you.stay")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Who are you?", classes="dialog-title")
            yield Static(EXPLAIN, markup=False)
            yield Input(placeholder="your name, as your team knows you", max_length=MAX_NAME, id="name")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Join", variant="primary", id="join")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#join")
    def join(self) -> None:
        """Close with the name, or say in one sentence why it cannot be used."""
        try:
            name = check_name(self.query_one(Input).value)
        except SeatNameError as exc:
            self.query_one("#error", Static).update(str(exc))
            self.query_one(Input).focus()
            return
        self.dismiss(name)

    def action_stay(self) -> None:
        """Escape does not skip the question: nothing is written without a name."""
        self.query_one("#error", Static).update("Type your name and press Enter to join.")
