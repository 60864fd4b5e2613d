"""The postmortem's Markdown editor: a TextArea whose blameless hint spans are
underlined in the theme's ``$hint-underline`` colour."""

from __future__ import annotations

from rich.style import Style
from textual.widgets import TextArea

from ..hints import Hint

HIGHLIGHT = "debrief-hint"


class HintEditor(TextArea):
    """A TextArea that underlines hint spans (character offsets into its text)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(*args, **kwargs)
        self.hints: list[Hint] = []

    def set_hints(self, hints: list[Hint]) -> None:
        """Underline these spans (offsets into the current text)."""
        self.hints = hints
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        self._install_style()
        if not getattr(self, "hints", None):
            return
        for hint in self.hints:
            self._highlight_span(hint.start, hint.end)

    def _highlight_span(self, start: int, end: int) -> None:
        """Add byte-offset highlights for a character range, line by line."""
        (row, col), (end_row, end_col) = self.offset_location(start), self.offset_location(end)
        for line in range(row, end_row + 1):
            text = self.document.get_line(line)
            first = col if line == row else 0
            last = end_col if line == end_row else len(text)
            self._highlights[line].append(
                (len(text[:first].encode()), len(text[:last].encode()), HIGHLIGHT))

    def offset_location(self, offset: int) -> tuple[int, int]:
        """(row, column) of a character offset into the text."""
        text = self.text[:offset]
        row = text.count("\n")
        return row, offset - (text.rfind("\n") + 1)

    def location_offset(self, location: tuple[int, int]) -> int:
        """Character offset of a (row, column) location."""
        row, column = location
        lines = self.text.split("\n")
        return sum(len(line) + 1 for line in lines[:row]) + column

    @property
    def cursor_offset(self) -> int:
        """The cursor as a character offset into the text."""
        return self.location_offset(self.cursor_location)

    def _install_style(self) -> None:
        """Make sure the current TextArea theme knows the hint style."""
        theme = getattr(self, "_theme", None)
        if theme is None or not self.is_mounted:
            return
        colour = self.app.theme_variables.get("hint-underline", "yellow")
        style = Style(underline=True, color=colour, bold=True)
        if theme.syntax_styles.get(HIGHLIGHT) != style:
            theme.syntax_styles = {**theme.syntax_styles, HIGHLIGHT: style}
            self._line_cache.clear()
