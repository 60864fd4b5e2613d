"""The postmortem's action items: the same rows the triage screen shows."""

from __future__ import annotations

from textual.widgets import DataTable

from store import ActionItem

from ..render import plain

COLUMNS = (
    ("Hints", "hints"),
    ("Pri", "priority"),
    ("Due", "due"),
    ("Owner", "owner"),
    ("Action", "title"),
    ("Type", "type"),
    ("Status", "status"),
    ("Key", "key"),
)


class ActionsTable(DataTable):
    """Lists action items; the screen binds add and edit."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        super().__init__(**kwargs)

    def on_mount(self) -> None:
        for label, key in COLUMNS:
            self.add_column(label, key=key)

    def show(self, items: list[ActionItem], hint_counts: dict[int, int]) -> None:
        """Replace the rows, keeping the cursor row."""
        row = self.cursor_row
        self.clear()
        for item in items:
            due = item.due_date.isoformat() if item.due_date else "—"
            hints = f"⚠ {hint_counts[item.id]}" if item.id in hint_counts else ""
            self.add_row(
                plain(hints),
                plain(item.priority),
                plain(due),
                plain(item.owner or "—"),
                plain(item.title),
                plain(item.type),
                plain(item.status),
                plain(item.key),
                key=str(item.id),
            )
        if items:
            self.move_cursor(row=min(row, len(items) - 1), animate=False)

    def selected_id(self) -> int | None:
        """The highlighted action item's id."""
        if not self.row_count:
            return None
        key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return int(key.value)
