"""Declare an incident: title, severity, commander, and for an incident that is
already over (a retrospective entry) its impact start, detection and resolution
times. The incident is on disk before the dialog closes; if the write fails, the
text stays and the reason shows."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from store import SEVERITIES, Incident
from store.incidents import SEVERITY_MEANINGS

from ..capture.grammar import GrammarError, parse_time
from .base import StoreDialog

BACKFILL = (
    ("impact", "Impact started", "impact_started_at"),
    ("detected", "Detected", "detected_at"),
    ("resolved", "Resolved", "resolved_at"),
)


def severity_meaning(severity: str) -> str:
    """``SEV3: degraded or failing for some users; a workaround exists``."""
    return f"{severity}: {SEVERITY_MEANINGS[severity].split(': ', 1)[1]}"


class DeclareDialog(StoreDialog[Incident]):
    """Asks for title, severity and commander, then creates the incident."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="declare.cancel")]

    def __init__(self, commander: str = "") -> None:
        """``commander`` empty: the dialog fills in ``me`` (read on the store thread)."""
        super().__init__()
        self.default_commander = commander

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Declare an incident", classes="dialog-title")
            yield Label("Title")
            yield Input(placeholder="What is broken, as users see it", id="title")
            yield Label("Severity")
            options = [(f"{s} · {SEVERITY_MEANINGS[s].split(':')[0]}", s) for s in SEVERITIES]
            yield Select(options, value="SEV3", allow_blank=False, id="severity")
            yield Static(severity_meaning("SEV3"), classes="muted", id="severity-meaning", markup=False)
            yield Label("Commander")
            yield Input(self.default_commander, id="commander")
            yield Checkbox("Already over: backfill its times (UTC)", id="backfill")
            with Horizontal(id="backfill-times", classes="backfill"):
                for ident, label, _ in BACKFILL:
                    with Vertical():
                        yield Label(label)
                        yield Input(placeholder="2025-11-27 14:05", id=ident)
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Declare", variant="primary", id="declare")

    @on(Select.Changed, "#severity")
    def explain_severity(self, event: Select.Changed) -> None:
        """Say what the chosen severity means."""
        if isinstance(event.value, str):
            self.query_one("#severity-meaning", Static).update(severity_meaning(event.value))

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self.query_one("#backfill-times").display = False
        if not self.default_commander:
            self.fill_commander()

    @work(group="declare-me", exit_on_error=False)
    async def fill_commander(self) -> None:
        """Default the commander to me, unless something was typed there already (the store
        falls back to me too, so a quick Enter before this arrives loses nothing)."""
        me = await self.app.run_store(lambda: self.app.store.me)
        box = self.query_one("#commander", Input)
        if not box.value:
            box.value = me

    @on(Checkbox.Changed, "#backfill")
    def toggle_backfill(self, event: Checkbox.Changed) -> None:
        """Show the three time fields for an incident that is already over."""
        self.query_one("#backfill-times").display = event.value

    def backfill_times(self) -> dict | None:
        """The backfill fields as milestone times (empty when not backfilling); None after an error.
        Their order and the rest of the rules are the store's (``Store.declare_incident``)."""
        if not self.query_one("#backfill", Checkbox).value:
            return {}
        now, fields = self.app.clock(), {}
        for ident, label, field in BACKFILL:
            box = self.query_one(f"#{ident}", Input)
            try:
                fields[field] = parse_time(box.value, now)
            except GrammarError as exc:
                self.show_error(f"{label}: {exc}")
                box.focus()
                return None
        return fields

    @on(Input.Submitted)
    @on(Button.Pressed, "#declare")
    def submit(self) -> None:
        """Validate, then write; the dialog closes only once the incident is saved."""
        title = self.query_one("#title", Input).value.strip()
        if not title:
            self.show_error("Title is empty: say what is broken, as users see it.")
            self.query_one("#title", Input).focus()
            return
        times = self.backfill_times()
        if times is None:
            return
        self.save(
            title,
            str(self.query_one("#severity", Select).value),
            self.query_one("#commander", Input).value.strip(),
            times,
        )

    @work(group="declare", exit_on_error=False)
    async def save(self, title: str, severity: str, commander: str, times: dict) -> None:
        """Create the incident on the store thread; close with it once it is on disk."""
        await self.save_with(self.app.store.declare_incident, title, severity, commander or None, **times)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without declaring."""
        self.dismiss(None)
