"""How the Action items table fits the terminal: which columns show, and a title column
that takes the width left over so the table never scrolls sideways."""

from __future__ import annotations

from textual.widgets import DataTable, Footer

COLUMNS = (
    ("Key", "key"),
    ("Pri", "priority"),
    ("Due", "due"),
    ("Status", "status"),
    ("Owner", "owner"),
    ("Source", "source"),
    ("Card", "card"),
    ("Title", "title"),
)
TITLE_MIN = 20
#: Below this width the Source and Card columns give way so the title stays readable
#: (Enter still opens the source; the board shows the card).
NARROW = 100
NARROW_HIDDEN = ("source", "card")
#: Below this width the footer drops its padding so every triage key fits.
COMPACT_FOOTER = 140


class TriageLayout:
    """Mixed into the triage screen: columns for the terminal's width, re-laid out on resize."""

    def shown_columns(self) -> list[tuple[str, str]]:
        """All columns, or without Source and Card on a narrow terminal."""
        if self.app.size.width >= NARROW:
            return list(COLUMNS)
        return [(label, key) for label, key in COLUMNS if key not in NARROW_HIDDEN]

    def add_columns(self) -> None:
        """(Re)create the columns for the terminal's width."""
        table = self.query_one(DataTable)
        for label, key in self.shown_columns():
            table.add_column(label, key=key, width=TITLE_MIN if key == "title" else None)

    def on_resize(self) -> None:
        """Rebuild the columns when the width crosses :data:`NARROW`; fit the title; compact the footer."""
        table = self.query_one(DataTable)
        if [k.value for k in table.columns] != [key for _, key in self.shown_columns()]:
            row, items = table.cursor_row, self.items
            table.clear(columns=True)
            self.add_columns()
            self.items = []
            self.append_rows(items)
            if items:
                table.move_cursor(row=min(row, len(items) - 1), animate=False)
        self.query_one(Footer).compact = self.app.size.width < COMPACT_FOOTER
        self.fit_title()

    def fit_title(self) -> None:
        """The title column takes the width left over, so the table never scrolls sideways.

        DataTable has no public call to resize a column; after changing ``width`` it needs
        its dimensions and caches recomputed (the same flags its own ``update_cell`` sets).
        """
        table = self.query_one(DataTable)
        if not table.columns or not table.size.width:
            return
        others = sum(c.get_render_width(table) for k, c in table.columns.items() if k.value != "title")
        width = max(TITLE_MIN, table.scrollable_content_region.width - others - 2 * table.cell_padding - 2)
        column = table.columns[next(k for k in table.columns if k.value == "title")]
        if column.width != width:
            column.width = width
            table._require_update_dimensions = True
            table._clear_caches()
            table.refresh()
