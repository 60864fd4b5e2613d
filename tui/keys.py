"""Key bindings shared by screens, each with an id so users can remap it."""

from __future__ import annotations

from textual.binding import Binding

QUIT = Binding("q", "quit", "Quit", id="app.quit")
#: ``?`` everywhere; ``F1`` too, for screens where a text field has the focus (``?`` types there).
HELP = Binding("question_mark,f1", "help", "Help", id="app.help")
PALETTE = Binding("ctrl+p", "command_palette", "Palette", id="app.palette", show=False)
