"""Edit the metric targets (MTTR minutes, change failure rate %, toil %). Saved to
settings before the dialog closes; a refused value stays with the reason shown."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from .base import StoreDialog

FIELDS = (
    ("mttr_minutes", "MTTR under (minutes)"),
    ("change_failure_rate_pct", "Change failure rate under (%)"),
    ("toil_pct", "Toil under (%)"),
)


def set_targets(store, values: dict[str, str]) -> bool:
    """The store call (on the store thread); True when the targets are on disk."""
    store.set_metric_targets(values)
    return True


class TargetsDialog(StoreDialog[bool]):
    """Three numeric targets; incident count and alert noise always aim to decrease."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="targets.cancel")]

    def __init__(self, targets: dict[str, float | str]) -> None:
        super().__init__()
        self.targets = targets

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog compact short-form"):
            yield Label("Metric targets", classes="dialog-title")
            with VerticalScroll(classes="ops-fields"):
                for name, label in FIELDS:
                    yield Label(label)
                    yield Input(f"{float(self.targets[name]):g}", id=f"target-{name}", type="number", compact=True)
            yield Static(Content("Incident count and alert noise aim to decrease period on period."), classes="muted")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def submit(self) -> None:
        """Save every target, then close."""
        self.save({name: self.query_one(f"#target-{name}", Input).value for name, _ in FIELDS})

    @work(group="targets", exit_on_error=False)
    async def save(self, values: dict[str, str]) -> None:
        """Write the targets on the store thread, all or none; close with True once saved."""
        await self.save_with(set_targets, self.app.store, values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(False)
