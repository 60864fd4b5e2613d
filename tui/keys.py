"""Key bindings shared by screens, each with an id so users can remap it."""

from __future__ import annotations

from textual.binding import Binding

QUIT = Binding("q", "quit", "Quit", id="app.quit")
HELP = Binding("question_mark", "help", "Help", id="app.help")
#: F1 opens help everywhere, also where ? is typed (capture line, editor, search box).
HELP_F1 = Binding("f1", "help", "Help", id="app.help_f1", show=False)
PALETTE = Binding("ctrl+p", "command_palette", "Palette", id="app.palette", show=False)


def binding_ids() -> dict[str, tuple[str, str]]:
    """Every binding id in the app: ``{id: (default keys, description)}`` (for the keymap)."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import tui as package

    for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        if info.name.split(".")[1] in ("app", "screens", "dialogs", "widgets"):
            importlib.import_module(info.name)
    found: dict[str, tuple[str, str]] = {}
    pending = [DOMNode]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.__module__.startswith("tui."):
            for binding in cls.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    found.setdefault(binding.id, (binding.key, binding.description))
    return found
