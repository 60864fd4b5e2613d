"""Export a postmortem to a file: Markdown (the seed template), HTML (one
printable page, optionally a review copy with hints in the margin) or JSON,
by the file's extension. The file is written by :meth:`Store.export_to`, the
same method the command line uses."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from store import StoreError
from store.export_dispatch import ExportOptions, format_for

from .base import StoreDialog

TIMELINES = (
    ("All logged events and milestones", "all"),
    ("Key moments (pinned and milestones)", "key"),
    ("Pinned (★) only", "pinned"),
)


def export_file(store, key: str, path: Path, timeline: str, with_hints: bool) -> Path:
    """Build the export on the store thread (with the review notes when asked) and write it."""
    notes = None
    if with_hints and format_for(path) == "html":
        from ..postmortem_review_notes import review_notes

        notes = review_notes(store, key)
    return store.export_to(path, "postmortem", key, options=ExportOptions(timeline, notes))


class ExportDialog(StoreDialog[Path]):
    """Asks for a file name, the timeline rows and (HTML) hints; writes the export there."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]
    DEFAULT_CSS = """
    ExportDialog #with-hints { margin-top: 1; }
    ExportDialog #timeline { width: 1fr; }
    """

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Export {self.key}", classes="dialog-title", markup=False)
            yield Label(
                Content(f"File (.md Markdown, .html printable page, .json), in {Path.cwd()} unless a path is given")
            )
            yield Input(f"{self.key}.md", id="path")
            yield Label("Timeline")
            yield Select(TIMELINES, value="all", allow_blank=False, id="timeline")
            yield Checkbox("Review copy: blameless hints as margin notes (.html only)", id="with-hints")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export", variant="primary", id="export")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#path")
    def path_changed(self) -> None:
        """Hints in the margin exist only in the HTML page."""
        html = self.path().suffix.lower() in (".html", ".htm")
        self.query_one("#with-hints", Checkbox).disabled = not html

    def path(self) -> Path:
        """The file named in the dialog."""
        return Path(self.query_one(Input).value.strip() or f"{self.key}.md").expanduser()

    @on(Input.Submitted)
    @on(Button.Pressed, "#export")
    @work(group="export", exit_on_error=False)
    async def export(self) -> None:
        """Build and write the file on the store thread; a failure stays in the dialog."""
        timeline = self.query_one("#timeline", Select).value
        hints = self.query_one("#with-hints", Checkbox).value
        try:
            written = await self.app.run_store(export_file, self.app.store, self.key, self.path(), timeline, hints)
        except (StoreError, OSError) as exc:
            self.query_one("#error", Static).update(f"Not written: {exc}")
            return
        self.dismiss(written)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
