"""The capture line of the live incident screen. It keeps the focus while the person
picks an event with ↑/↓ (``picking``): every key then arrives here, in order, so a
word typed right after ↑ lands whole in the line and stops the picking; only keys
that cannot be text (↑ ↓ page keys, enter, delete, ctrl+…) act on the picked event.

A multi-line paste stays whole (each line marked ⏎) until the person says whether
it is one event per line (Enter) or one event (ctrl+j)."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

#: Marks where a pasted line ended, inside the one-line capture line.
LINE_MARK = "⏎"
#: Keys that act on the picked event while picking.
ROW_KEYS = {"enter": "edit", "delete": "delete", "ctrl+d": "delete"}
#: Keys that keep picking an event (the rest, typing above all, go back to the text).
PICK_KEYS = {
    "up",
    "down",
    "pageup",
    "pagedown",
    "enter",
    "delete",
    "ctrl+d",
    "ctrl+b",
    "ctrl+z",
    "escape",
    "ctrl+s",
    "ctrl+l",
    "ctrl+o",
    "ctrl+r",
    "ctrl+t",
    "ctrl+n",
    "ctrl+p",
    "ctrl+q",
    "f1",
    "ctrl+g",
    "ctrl+y",
    "f2",
}


def split_lines(value: str) -> list[str]:
    """The capture line's lines (split at :data:`LINE_MARK`), blank ones dropped."""
    return [part.strip() for part in value.split(LINE_MARK) if part.strip()]


class CaptureLine(Input):
    """One line of capture grammar; ↑ starts picking an event in the timeline above."""

    BINDINGS = [
        # priority: it acts in key order, before the keys typed behind it reach the line (a
        # normal binding runs only once the key has bubbled up, after a burst is typed)
        Binding("up", "screen.pick(-1)", "Pick an event", id="capture.timeline", priority=True),
        Binding("down", "screen.pick(1)", "Next event", show=False, id="capture.pick_down"),
        Binding("pageup", "screen.pick_page(-1)", "Events page up", show=False, id="capture.pick_pageup"),
        Binding("pagedown", "screen.pick_page(1)", "Events page down", show=False, id="capture.pick_pagedown"),
        Binding("ctrl+j", "keep_together", "Lines as one event", show=False, id="capture.together"),
    ]

    #: True while ↑/↓ pick an event (the timeline shows it highlighted).
    picking: bool = False

    class KeepTogether(Message):
        """ctrl+j: log the lines in the line as one multi-line event."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    class PickingEnded(Message):
        """A key that is not a picking key (typing) ended the picking."""

    class RowKey(Message):
        """Enter or delete while picking: act on the picked event (``edit``, ``delete``)."""

        def __init__(self, action: str) -> None:
            super().__init__()
            self.action = action

    def on_key(self, event: events.Key) -> None:
        """Decide here, in key order, what enter and delete do and when typing ends the picking.

        A binding would run only once its key has bubbled up to the app, and by then the
        keys typed behind it may already be in the line (``first⏎second`` logging
        ``firstsec``): so Enter submits the line as it is at the Enter."""
        if self.picking and event.key in ROW_KEYS:
            event.stop()
            event.prevent_default()
            self.post_message(self.RowKey(ROW_KEYS[event.key]))
        elif event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.next_segment()))
        elif self.picking and event.key not in PICK_KEYS:
            self.picking = False
            self.post_message(self.PickingEnded())

    def on_paste(self, event: events.Paste) -> None:
        """Keep every pasted line (Input keeps only the first): lines are joined with ⏎."""
        event.prevent_default()
        event.stop()
        if self.picking:
            self.picking = False
            self.post_message(self.PickingEnded())
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
        self.post_message(self.KeepTogether(self.next_segment()))

    # -- what Enter hands over, and what the screen takes back once it is saved --

    #: How much of the start of the line Enter has already handed over (not yet saved).
    submitted_upto: int = 0

    def next_segment(self) -> str:
        """The text typed since the last Enter (a fast typist's Enters each hand over their own line)."""
        segment = self.value[self.submitted_upto :]
        self.submitted_upto = len(self.value)
        return segment

    def take(self, segment: str) -> None:
        """``segment`` is saved: remove it from the start of the line, keeping what was typed since."""
        if not self.value.startswith(segment):
            self.submitted_upto = 0
            return
        cursor = self.cursor_position
        rest = self.value[len(segment) :]
        self.submitted_upto = max(0, self.submitted_upto - len(segment))
        if not self.submitted_upto:
            trimmed = rest.lstrip(f" {LINE_MARK}")
            cursor -= len(rest) - len(trimmed)
            rest = trimmed
        self.value = rest
        self.cursor_position = max(0, min(cursor - len(segment), len(rest)))

    def release(self) -> None:
        """Nothing handed over is being saved any more (refused, or failed): Enter hands over the whole line."""
        self.submitted_upto = 0
