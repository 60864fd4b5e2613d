"""Revisions of one postmortem section: pick one to see it; enter puts it
back in the editor (as an edit that is saved like any other)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from store.postmortem_content import Revision


class RevisionsDialog(ModalScreen[str | None]):
    """Lists revisions newest first with a preview; returns the chosen text."""

    BINDINGS = [Binding("escape", "cancel", "Close", id="revisions.close")]

    def __init__(self, title: str, revisions: list[Revision]) -> None:
        super().__init__()
        self.section_title = title
        self.revisions = revisions

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog revisions-dialog"):
            yield Label(f"Revisions · {self.section_title}", classes="dialog-title", markup=False)
            options = [
                Option(Content(f"{r.saved_at:%Y-%m-%d %H:%M:%S} UTC · {r.author or '—'}"), id=str(i))
                for i, r in enumerate(self.revisions)
            ]
            with Horizontal():
                yield OptionList(*options, id="revision-list")
                with VerticalScroll(id="revision-preview"):
                    yield Static(
                        Content("No revisions yet: this section was never saved." if not self.revisions else ""),
                        id="preview",
                    )
            with Horizontal(classes="buttons"):
                yield Button("Close", id="cancel")
                yield Button("Restore", variant="primary", id="restore", disabled=not self.revisions)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionHighlighted)
    def preview(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted revision's text (literally)."""
        self.query_one("#preview", Static).update(Content(self.revisions[int(event.option.id)].body))

    @on(OptionList.OptionSelected)
    @on(Button.Pressed, "#restore")
    def restore(self) -> None:
        """Return the highlighted revision's text."""
        index = self.query_one(OptionList).highlighted
        if index is not None and self.revisions:
            self.dismiss(self.revisions[index].body)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without restoring."""
        self.dismiss(None)
