"""The capture line of the live incident screen: an Input whose ↑ moves into the
timeline, and which keeps a multi-line paste whole (each line marked ⏎) until the
person says whether it is one event per line (Enter) or one event (ctrl+j)."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

#: Marks where a pasted line ended, inside the one-line capture line.
LINE_MARK = "⏎"


def split_lines(value: str) -> list[str]:
    """The capture line's lines (split at :data:`LINE_MARK`), blank ones dropped."""
    return [part.strip() for part in value.split(LINE_MARK) if part.strip()]


class CaptureLine(Input):
    """One line of capture grammar; ↑ hands the focus to the timeline above."""

    BINDINGS = [
        Binding("up", "screen.focus_timeline", "Pick an event", id="capture.timeline"),
        Binding("ctrl+j", "keep_together", "Lines as one event", show=False, id="capture.together"),
    ]

    class KeepTogether(Message):
        """ctrl+j: log the lines in the line as one multi-line event."""

    def on_paste(self, event: events.Paste) -> None:
        """Keep every pasted line (Input keeps only the first): lines are joined with ⏎."""
        event.prevent_default()
        event.stop()
        self.paste_text(event.text)

    def paste_text(self, text: str) -> None:
        """Insert ``text`` at the cursor, its line breaks shown as ⏎."""
        lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        joined = f" {LINE_MARK} ".join(line for line in lines if line)
        if not self.selection.is_empty:
            self.replace(joined, *self.selection)
        else:
            self.insert_text_at_cursor(joined)

    def action_keep_together(self) -> None:
        self.post_message(self.KeepTogether())
