"""The postmortem triggers of an incident (from the seed): customer-facing
outage, data loss, on-call escalation, security incident (a postmortem is
required), near miss (recommended), significant toil (optional)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Label, Static

from store import Incident

from .base import StoreDialog

TRIGGERS = (
    ("customer_facing", "Customer-facing outage", "required"),
    ("data_loss", "Data loss", "required"),
    ("oncall_escalation", "On-call escalation", "required"),
    ("security", "Security incident", "required"),
    ("near_miss", "Near miss", "recommended"),
    ("significant_toil", "Significant toil", "optional"),
)


class TriggersDialog(StoreDialog[Incident]):
    """Tick the triggers that apply; saved to the incident in one write."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="triggers.cancel"),
        Binding("ctrl+s", "save", "Save", id="triggers.save"),
    ]

    def __init__(self, incident: Incident) -> None:
        super().__init__()
        self.incident = incident

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Postmortem triggers · {self.incident.key}", classes="dialog-title", markup=False)
            for field, label, need in TRIGGERS:
                yield Checkbox(f"{label} ({need})", getattr(self.incident, field), id=field)
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Checkbox).focus()

    def action_save(self) -> None:
        """ctrl+s: save the ticked triggers."""
        self.save()

    @on(Button.Pressed, "#save")
    @work(group="triggers", exit_on_error=False)
    async def save(self) -> None:
        """Write the ticked triggers; close once saved."""
        values = {field: self.query_one(f"#{field}", Checkbox).value for field, _, _ in TRIGGERS}
        await self.save_with(self.app.store.update_incident, self.incident.id, **values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
