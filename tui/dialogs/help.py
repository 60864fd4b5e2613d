"""The help dialog: the current screen's keys and notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Markdown

GLOBAL_HELP = """
## Everywhere

| key | does |
| --- | --- |
| `1`–`5` | switch between the main screens |
| `ctrl+p` | command palette: screens, actions, themes |
| `?`, `F1` | this help (`F1` also where `?` is typed) |
| `q` | quit (not while typing in a field) |
| `escape` | close a dialog or go back |
"""


class HelpScreen(ModalScreen[None]):
    """Shows a screen's ``HELP`` Markdown and the global keys."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]

    def __init__(self, title: str, markdown: str) -> None:
        super().__init__()
        self.help_title = title
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.help_title, classes="dialog-title", markup=False)
            yield Markdown(self.markdown.strip() + "\n\n" + GLOBAL_HELP)
            with Vertical(classes="buttons"):
                yield Button("Close", id="close")

    def on_button_pressed(self) -> None:
        self.dismiss(None)
