"""The postmortem's Markdown editor: a TextArea whose blameless hint spans are
underlined in the theme's ``$hint-underline`` colour."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.style import Style
from textual.widgets import TextArea

from ..hints import Hint
from ..render import theme_colour

HIGHLIGHT = "debrief-hint"


def _line_starts(lines: list[str], newline: str = "\n") -> list[int]:
    """Offsets at which each line starts in the text the lines join to."""
    return [0, *accumulate(len(line) + len(newline) for line in lines[:-1])]


def _location(starts: list[int], offset: int) -> tuple[int, int]:
    row = bisect_right(starts, offset) - 1
    return row, offset - starts[row]


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
        starts = _line_starts(self.document.lines, self.document.newline)
        for hint in self.hints:
            self._highlight_span(_location(starts, hint.start), _location(starts, hint.end))

    def _highlight_span(self, begin: tuple[int, int], finish: tuple[int, int]) -> None:
        """Add byte-offset highlights for a character range, line by line."""
        (row, col), (end_row, end_col) = begin, finish
        for line in range(row, end_row + 1):
            text = self.document.get_line(line)
            first = col if line == row else 0
            last = end_col if line == end_row else len(text)
            self._highlights[line].append(
                (len(text[:first].encode()), len(text[:last].encode()), HIGHLIGHT))

    def offset_location(self, offset: int) -> tuple[int, int]:
        """(row, column) of a character offset into the text."""
        return _location(_line_starts(self.document.lines, self.document.newline), offset)

    def location_offset(self, location: tuple[int, int]) -> int:
        """Character offset of a (row, column) location."""
        row, column = location
        return sum(len(line) + len(self.document.newline) for line in self.document.lines[:row]) + column

    @property
    def cursor_offset(self) -> int:
        """The cursor as a character offset into the text."""
        return self.location_offset(self.cursor_location)

    def _install_style(self) -> None:
        """Make sure the current TextArea theme knows the hint style."""
        theme = getattr(self, "_theme", None)
        if theme is None or not self.is_mounted:
            return
        colour = theme_colour(self.app, "hint-underline")
        style = Style(underline=True, color=colour, bold=True)
        if theme.syntax_styles.get(HIGHLIGHT) != style:
            theme.syntax_styles = {**theme.syntax_styles, HIGHLIGHT: style}
            self._line_cache.clear()
