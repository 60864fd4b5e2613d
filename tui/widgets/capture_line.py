"""The capture line of the live incident screen: an Input whose ↑ moves into the
timeline (and says so in the footer, where the event and incident keys live)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class CaptureLine(Input):
    """One line of capture grammar; ↑ hands the focus to the timeline above."""

    BINDINGS = [
        Binding("up", "screen.focus_timeline", "Timeline keys (edit, status, severity…)",
                id="capture.timeline"),
    ]
