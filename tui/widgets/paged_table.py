"""A DataTable whose rows come from the store a page at a time, by key."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.message import Message
from textual.widgets import DataTable


class PagedTable(DataTable):
    """Rows keyed by the store's id, paged in as the cursor reaches the last row.

    The screen answers :class:`PagedTable.MoreWanted` by reading the rows that sort after
    :attr:`MoreWanted.after` (keyset paging: ``list_…(after=id)``) and handing them to
    :meth:`add_page`. A row already shown is never added twice (a list whose order shifted
    between two pages would otherwise raise ``DuplicateKey``).
    """

    class MoreWanted(Message):
        """The cursor reached the last row: the rows after ``after`` (a row key) are wanted."""

        def __init__(self, table: PagedTable, after: str) -> None:
            super().__init__()
            self.table = table
            self.after = after

        @property
        def control(self) -> PagedTable:
            return self.table

    def __init__(self, page: int = 200, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(**kwargs)
        #: Rows asked for at a time.
        self.page = page
        #: The store has no rows after the last one shown.
        self.exhausted = False
        self._asking = False

    def add_rows_once(self, rows: Iterable[tuple[str, tuple]]) -> list[str]:
        """Add ``(key, cells)`` rows whose key is not shown yet; return the keys added."""
        added = []
        for key, cells in rows:
            if key not in self.rows:
                self.add_row(*cells, key=key)
                added.append(key)
        return added

    def add_page(self, rows: list[tuple[str, tuple]]) -> list[str]:
        """Rows read for :class:`MoreWanted`; fewer than a page means the end."""
        self._asking = False
        self.exhausted = len(rows) < self.page
        return self.add_rows_once(rows)

    def start_over(self, exhausted: bool) -> None:
        """The rows were replaced (a reload): remember whether the store has more."""
        self._asking = False
        self.exhausted = exhausted

    @property
    def selected_key(self) -> str | None:
        """The key of the row under the cursor."""
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    @on(DataTable.RowHighlighted)
    def maybe_more(self, event: DataTable.RowHighlighted) -> None:
        """Ask for the next page when the cursor reaches the last row."""
        if not self.exhausted and not self._asking and self.row_count and event.cursor_row >= self.row_count - 1:
            self._asking = True
            last, _ = self.coordinate_to_cell_key((self.row_count - 1, 0))
            self.post_message(self.MoreWanted(self, last.value))
