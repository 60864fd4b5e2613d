"""Key bindings shared by screens, each with an id so users can remap it."""

from __future__ import annotations

from textual.binding import Binding

QUIT = Binding("q", "quit", "Quit", id="app.quit")
HELP = Binding("question_mark", "help", "Help", id="app.help")
#: F1 opens help everywhere, also where ? is typed (capture line, editor, search box).
HELP_F1 = Binding("f1", "help", "Help", id="app.help_f1", show=False)
PALETTE = Binding("ctrl+p", "command_palette", "Palette", id="app.palette", show=False)
