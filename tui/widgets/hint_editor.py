"""The postmortem's Markdown editor: a TextArea whose blameless hint spans are
underlined in the theme's ``$hint-underline`` colour.

Only public TextArea API: :meth:`get_line` (documented as the place to style
a line) adds the underlines, and :meth:`notify_style_update` asks for a
redraw when the hints change without the text changing (a dismissed hint).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.style import Style
from rich.text import Text
from textual.widgets import TextArea

from ..hints import Hint
from ..render import theme_colour


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
        kwargs.setdefault("highlight_cursor_line", False)  # its style would repaint the hint colour on that line
        super().__init__(*args, **kwargs)
        self.hints: list[Hint] = []
        self.spans: dict[int, list[tuple[int, int]]] = {}

    def set_hints(self, hints: list[Hint]) -> None:
        """Underline these spans (offsets into the current text)."""
        spans = self._spans(hints)
        self.hints = hints
        if spans != self.spans:
            self.spans = spans
            self.notify_style_update()
            self.refresh()

    def _spans(self, hints: list[Hint]) -> dict[int, list[tuple[int, int]]]:
        """``{row: [(start column, end column)]}`` for every hint, split at line ends."""
        starts = _line_starts(self.document.lines, self.document.newline)
        spans: dict[int, list[tuple[int, int]]] = {}
        for hint in hints:
            (row, col), (end_row, end_col) = _location(starts, hint.start), _location(starts, hint.end)
            for line in range(row, end_row + 1):
                first = col if line == row else 0
                last = end_col if line == end_row else len(self.document.get_line(line))
                spans.setdefault(line, []).append((first, last))
        return spans

    def get_line(self, line_index: int) -> Text:
        """The line, with its hint spans underlined."""
        line = super().get_line(line_index)
        spans = self.spans.get(line_index)
        if spans:
            style = self.hint_style()
            for start, end in spans:
                line.stylize(style, start, end)
        return line

    def hint_style(self) -> Style:
        """Underlined, bold, in the theme's ``$hint-underline``."""
        return Style(underline=True, bold=True, color=theme_colour(self.app, "hint-underline"))

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
