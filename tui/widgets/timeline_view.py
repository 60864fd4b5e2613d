"""The timeline of an incident, drawn with the line API from pages of rows.

Only the pages that are on screen are held: the view knows the row count,
asks its screen for missing pages (:class:`TimelineView.PageWanted`) and draws
placeholders until they arrive. Newest at the bottom; it follows new rows
unless the user has scrolled up.
"""

from __future__ import annotations

from datetime import UTC, date, tzinfo

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store import TimelineEvent

TIME_WIDTH, KIND_WIDTH, AUTHOR_WIDTH = 15, 16, 12
PAGE = 100


def author_label(event: TimelineEvent) -> str:
    """Who wrote the line; ``dana ✎`` when someone else edited it since."""
    edited = event.edited_by and event.edited_by != event.author
    return f"{event.author} ✎" if edited else event.author


class TimelineView(ScrollView, can_focus=True):
    """A virtual list of timeline events with a row cursor."""

    COMPONENT_CLASSES = {"timeline--cursor", "timeline--pinned", "timeline--status", "timeline--dim"}
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False, id="timeline.up"),
        Binding("down", "cursor(1)", "Down", show=False, id="timeline.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="timeline.pageup"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="timeline.pagedown"),
        Binding("home", "jump(0)", "First", show=False, id="timeline.home"),
        Binding("end", "jump(-1)", "Last", show=False, id="timeline.end"),
    ]

    class PageWanted(Message):
        """The view needs rows ``page * PAGE`` to ``page * PAGE + PAGE - 1``."""

        def __init__(self, page: int, generation: int) -> None:
            super().__init__()
            self.page = page
            self.generation = generation

    class CursorMoved(Message):
        """The cursor is on another row (its event may not be loaded yet)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.total = 0
        self.rows: dict[int, TimelineEvent] = {}
        self.loaded: set[int] = set()
        self.pending: set[int] = set()
        self.generation = 0
        self.cursor: int | None = None
        self.cursor_id: int | None = None
        self.follow = True
        self.start_day: date | None = None
        #: The zone times are shown in (stored UTC); the screen sets the person's zone.
        self.zone: tzinfo = UTC
        #: True while the capture line picks an event here (the cursor shows without the focus).
        self.picking = False
        #: Who wrote each line, in a column on the right (``w`` on the incident screen toggles it).
        self.show_authors = True

    @property
    def author_width(self) -> int:
        """Cells of the author column (0 while hidden)."""
        return AUTHOR_WIDTH if self.show_authors else 0

    # -- data in -------------------------------------------------------------

    def reset(self, total: int, cursor: int | None = None) -> None:
        """New row count (rows already shown stay until their page is re-read)."""
        following = self.follow or self.max_scroll_y == 0
        self.generation += 1
        self.total = total
        self.loaded.clear()
        self.pending.clear()
        self.rows = {i: e for i, e in self.rows.items() if i < total}
        self.cursor = None if cursor is None or not total else min(cursor, total - 1)
        self.virtual_size = Size(self.size.width, total)
        if following:
            self.follow = True
            self.call_after_refresh(self.scroll_end, animate=False, immediate=True)
        self.refresh()

    def set_page(self, page: int, rows: list[TimelineEvent], generation: int) -> None:
        """Rows read for ``page`` (ignored when the view was reset since)."""
        if generation != self.generation:
            return
        start = page * PAGE
        for offset, event in enumerate(rows):
            self.rows[start + offset] = event
        self.loaded.add(page)
        self.pending.discard(page)
        self._remember_cursor()
        self._evict()
        self.refresh()

    def _evict(self, keep: int = 8) -> None:
        """Forget the pages farthest from the view, holding at most ``keep``."""
        here = self.scroll_offset.y // PAGE
        for page in sorted(self.loaded, key=lambda p: abs(p - here))[keep:]:
            self.loaded.discard(page)
            for index in range(page * PAGE, page * PAGE + PAGE):
                self.rows.pop(index, None)

    def _remember_cursor(self) -> None:
        """Keep the id of the event under the cursor, so a reload can find it again."""
        event = self.current
        if event is not None:
            self.cursor_id = event.id

    @property
    def current(self) -> TimelineEvent | None:
        """The event under the cursor, once its page is read (never a stale row)."""
        if self.cursor is None or self.cursor // PAGE not in self.loaded:
            return None
        return self.rows.get(self.cursor)

    # -- drawing -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= self.total:
            return Strip.blank(width, self.rich_style)
        self._want(index // PAGE)
        text = self.row_text(self.rows.get(index), width)
        style, cursor = self.rich_style, Style()
        if index == self.cursor and (self.has_focus or self.picking):
            cursor = self.get_component_rich_style("timeline--cursor")  # last: it covers the whole row
        segments = [
            Segment(s.text, (style + s.style if s.style else style) + cursor) for s in text.render(self.app.console)
        ]
        return Strip(segments, width).crop(self.scroll_offset.x, self.scroll_offset.x + width)

    def row_text(self, event: TimelineEvent | None, width: int) -> Text:
        """One event as a line: time, kind, text (pinned marked), author."""
        if event is None:
            return Text("…".ljust(width), style=self.get_component_rich_style("timeline--dim"))
        text_width = max(width - TIME_WIDTH - KIND_WIDTH - self.author_width, 10)
        body = Text(("★ " if event.pinned else "") + one_line(event.text))
        body.truncate(text_width, overflow="ellipsis", pad=True)
        style = self._row_style(event)
        body.stylize(style)
        line = Text.assemble(
            (self.time_label(event).ljust(TIME_WIDTH), self.get_component_rich_style("timeline--dim")),
            (event.kind[: KIND_WIDTH - 1].ljust(KIND_WIDTH), style),
            body,
            (" " + author_label(event)[: AUTHOR_WIDTH - 1].ljust(AUTHOR_WIDTH - 1) if self.show_authors else "", ""),
        )
        line.truncate(width, pad=True)
        return line

    def _row_style(self, event: TimelineEvent) -> Style:
        if event.pinned:
            return self.get_component_rich_style("timeline--pinned")
        if event.kind == "status":
            return self.get_component_rich_style("timeline--status")
        return Style()

    def time_label(self, event: TimelineEvent) -> str:
        """``14:05:30`` (in :attr:`zone`) on the incident's first day, ``11-28 09:00:00`` after."""
        local = event.occurred_at.astimezone(self.zone)
        if self.start_day is None or local.date() == self.start_day:
            return local.strftime("%H:%M:%S")
        return local.strftime("%m-%d %H:%M:%S")

    def text_width(self) -> int:
        """How many cells of an event's text fit on its row."""
        return max(self.scrollable_content_region.width - TIME_WIDTH - KIND_WIDTH - AUTHOR_WIDTH, 10)

    def cut_short(self, event: TimelineEvent) -> bool:
        """True when the row cannot show the event's whole text (long, or several lines)."""
        return (
            "\n" in event.text.strip() or len(("★ " if event.pinned else "") + one_line(event.text)) > self.text_width()
        )

    def _want(self, page: int) -> None:
        if page not in self.loaded and page not in self.pending:
            self.pending.add(page)
            self.post_message(self.PageWanted(page, self.generation))

    # -- moving --------------------------------------------------------------

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.follow = round(new) >= self.max_scroll_y

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self.total)
        if self.follow:
            self.scroll_end(animate=False, immediate=True)

    def on_focus(self) -> None:
        if self.cursor is None and self.total:
            self.move_to(self.total - 1)
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        self.move_to(self.scroll_offset.y + event.y)

    def cursor_visible(self) -> bool:
        """True when the cursor row is on screen (a key may act on it)."""
        top = round(self.scroll_offset.y)
        return self.cursor is not None and top <= self.cursor < top + self.size.height

    def select_last_visible(self) -> None:
        """Put the cursor on the newest row on screen (the bottom one)."""
        if self.total:
            self.move_to(min(round(self.scroll_offset.y) + self.size.height, self.total) - 1)

    def action_cursor(self, delta: int) -> None:
        """Move the cursor up or down."""
        start = self.total if self.cursor is None else self.cursor
        self.move_to(start + delta)

    def action_page(self, direction: int) -> None:
        """Move the cursor a screen up or down."""
        self.action_cursor(direction * max(self.size.height - 1, 1))

    def action_jump(self, index: int) -> None:
        """First (0) or last (-1) row."""
        self.move_to(self.total - 1 if index < 0 else 0)

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index`` and scroll it into view."""
        if not self.total:
            return
        self.cursor = max(0, min(index, self.total - 1))
        self.cursor_id = None
        self._remember_cursor()
        top, height = self.scroll_offset.y, self.size.height
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.CursorMoved())


def one_line(text: str) -> str:
    """An event's text on one row: its lines joined with ⏎, spaces squeezed."""
    return " ⏎ ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
