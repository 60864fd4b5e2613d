"""The hints panel: the hint under (or after) the cursor in full, with its
reason and suggestions, then the section's other hints."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ..hints import Hint

LEVEL_STYLE = {"warning": "bold $warning", "suggestion": "bold $accent", "info": "$foreground-muted"}
KEYS = "ctrl+n next · ctrl+r rewrite · ctrl+g dismiss"


def hint_detail(hint: Hint) -> Content:
    """One hint: level, quoted span, message, why, numbered suggestions."""
    parts: list = [
        (hint.level.upper(), LEVEL_STYLE.get(hint.level, "")),
        "  ",
        (f"“{hint.text}”", "italic"),
        "\n\n",
        hint.message,
        "\n\n",
        ("Why: ", "bold"),
        hint.why,
    ]
    for number, suggestion in enumerate(hint.suggestions, 1):
        parts += ["\n\n", (f"{number}. ", "bold"), suggestion]
    return Content.assemble(*parts)


def hint_line(hint: Hint, current: bool) -> Content:
    """A short line for the list of the section's hints."""
    marker = "▸ " if current else "  "
    return Content.assemble(
        marker,
        (f"{hint.line}:{hint.column} ", "$foreground-muted"),
        (hint.level, LEVEL_STYLE.get(hint.level, "")),
        " ",
        hint.text,
    )


class HintsPanel(VerticalScroll):
    """Shows the focused hint and the list; the screen calls :meth:`show`."""

    def compose(self):
        yield Static(Content("Hints"), classes="panel-title")
        yield Static(Content(""), id="hint-detail")
        yield Static(Content(""), id="hint-list")

    def show(self, hints: list[Hint], current: Hint | None, label: str = "", rewrite: str = "") -> None:
        """Render ``current`` in full and every hint as a line; ``rewrite``
        says what ctrl+r will do to it. Nothing is redrawn when nothing changed
        (it is called on every keystroke)."""
        key = (
            tuple((h.line, h.column, h.level, h.text, h is current) for h in hints),
            current and (current.rule, current.level, current.text),
            label,
            rewrite,
        )
        if getattr(self, "_shown", None) == key:
            return
        self._shown = key
        title = f"Hints · {label}" if label else "Hints"
        self.query_one(".panel-title", Static).update(Content(f"{title} ({len(hints)})"))
        if not hints:
            detail = Content.styled("No blameless-language hints here.", "$foreground-muted")
        elif current is None:
            where = "an action item marked ⚠" if label == "Action Items" else "an underlined phrase"
            detail = Content(f"Move the cursor onto {where}, or press ctrl+n.\n\n{KEYS}")
        else:
            action = ["\n\n", ("ctrl+r will ", "bold"), rewrite, "."] if rewrite else []
            detail = Content.assemble(hint_detail(current), *action, "\n\n", (KEYS, "$foreground-muted"))
        self.query_one("#hint-detail", Static).update(detail)
        lines = [hint_line(h, h is current) for h in hints]
        self.query_one("#hint-list", Static).update(Content("\n").join(lines) if lines else Content(""))
