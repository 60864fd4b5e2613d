"""The one question asked before quitting with unsaved text anywhere in the app."""

from __future__ import annotations

from .confirm import ConfirmDialog


class QuitQuestion(ConfirmDialog):
    """ "Quit without saving?" listing every screen's unsaved text; True quits.

    "Stay" has the focus, and a second quit key (``ctrl+q`` again, the natural
    reaction when the dialog seems slow) answers "Stay" (see ``DebriefApp.action_quit``)."""

    def __init__(self, losses: list[str]) -> None:
        lines = "\n".join(f"• {loss}" for loss in losses)
        super().__init__(
            "Quit without saving?",
            f"Not saved yet:\n{lines}\n\nctrl+q again or escape: stay.",
            "Quit without saving",
            "Stay",
        )
