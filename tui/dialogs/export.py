"""Export a postmortem to a file: Markdown (the seed template) or JSON by the
file's extension."""

from __future__ import annotations

import json
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from store import StoreError
from store.export_postmortem import postmortem_json, postmortem_markdown


def export_text(store, key: str, path: Path) -> str:
    """The export for ``path``'s extension (``.json`` → JSON, else Markdown)."""
    if path.suffix.lower() == ".json":
        return json.dumps(postmortem_json(store, key), indent=2, default=str, ensure_ascii=False) + "\n"
    return postmortem_markdown(store, key)


class ExportDialog(ModalScreen[Path | None]):
    """Asks for a file name and writes the export there."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Export {self.key}", classes="dialog-title", markup=False)
            yield Label(Content(f"File (.md for Markdown, .json for JSON), in {Path.cwd()} unless a path is given"))
            yield Input(f"{self.key}.md", id="path")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export", variant="primary", id="export")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#export")
    @work(group="export", exit_on_error=False)
    async def export(self) -> None:
        """Build the text on the store thread and write the file."""
        path = Path(self.query_one(Input).value.strip() or f"{self.key}.md").expanduser()
        try:
            text = await self.app.run_store(export_text, self.app.store, self.key, path)
            path.write_text(text, encoding="utf-8")
        except (StoreError, OSError) as exc:
            self.query_one("#error", Static).update(f"Not written: {exc}")
            return
        self.dismiss(path.resolve())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
