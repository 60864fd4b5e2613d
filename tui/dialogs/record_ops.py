"""Record operational data from the app: a deployment, a week of alerts, or a
week of toil. The store checks every field; a refused value stays in its field
with the reason shown, and the dialog closes only once the row is on disk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Static

from store.errors import InvalidInputError

from ..dates import DateInputError, parse_moment
from .base import StoreDialog


@dataclass(frozen=True)
class Field:
    """One input: its name (the store's keyword), label, placeholder."""

    name: str
    label: str
    placeholder: str = ""


#: Rows the dialog needs besides its fields: border, padding, title, error line, buttons.
DIALOG_CHROME = 11

FORMS: dict[str, tuple[str, tuple[Field, ...]]] = {
    "deploy": (
        "Record a deployment",
        (
            Field("service", "Service", "checkout"),
            Field("at", "When (UTC: 2025-11-27 14:00, 14:00 today, -30m)", "2025-11-27 14:00"),
            Field("caused", "Incidents it caused (keys, optional)", "INC-0013"),
            Field("version", "Version (optional)", "v2.3.1"),
        ),
    ),
    "alerts": (
        "Record a week of alerts",
        (
            Field("week", "Week (any date in it)", "2025-11-24"),
            Field("total", "Alerts fired", "120"),
            Field("actionable", "Alerts that needed action", "45"),
            Field("source", "Source (optional)", "prometheus"),
        ),
    ),
    "toil": (
        "Record a week of toil",
        (
            Field("person", "Person", "dana"),
            Field("week", "Week (any date in it)", "2025-11-24"),
            Field("toil_minutes", "Toil minutes", "600"),
            Field("working_minutes", "Working minutes", "2400"),
            Field("category", "Category (optional)", "ticket triage"),
        ),
    ),
}


class RecordOpsDialog(StoreDialog[str]):
    """A form for one kind of operational data; returns a sentence saying what was saved."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="record-ops.cancel")]

    def __init__(self, kind: str, defaults: dict[str, str]) -> None:
        super().__init__()
        self.kind = kind
        self.defaults = defaults

    def compose(self) -> ComposeResult:
        title, fields = FORMS[self.kind]
        with Vertical(classes="dialog compact short-form"):
            yield Label(Content(title), classes="dialog-title")
            with VerticalScroll(classes="ops-fields"):
                for field in fields:
                    yield Label(Content(field.label))
                    yield Input(
                        self.defaults.get(field.name, ""),
                        placeholder=field.placeholder,
                        id=f"ops-{field.name}",
                        compact=True,
                    )
                if self.kind == "deploy":
                    yield Checkbox("Failed (rolled back or broke something)", id="ops-failed", compact=True)
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_resize(self) -> None:
        """The fields scroll within what the terminal leaves, so the error line and buttons stay in view."""
        spare = int(self.app.size.height * 0.9) - DIALOG_CHROME
        self.query_one(".ops-fields").styles.max_height = max(4, spare)

    def values(self) -> dict[str, str]:
        """What was typed, by field name."""
        return {f.name: self.query_one(f"#ops-{f.name}", Input).value for f in FORMS[self.kind][1]}

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def submit(self) -> None:
        """Save; the dialog stays open (text kept) if the store refuses a value."""
        failed = self.kind == "deploy" and self.query_one("#ops-failed", Checkbox).value
        self.save(self.values(), failed)

    @work(group="record-ops", exit_on_error=False)
    async def save(self, values: dict[str, str], failed: bool) -> None:
        """Write on the store thread, then close with a confirmation (or keep the text and say why)."""
        await self.save_with(record, self.app.store, self.kind, values, failed)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


def record(store, kind: str, v: dict[str, str], failed: bool) -> str:
    """Write one row (runs on the store thread); a sentence for the toast."""
    if kind == "deploy":
        try:
            when = parse_moment(v["at"], store.now(), "When")
        except DateInputError as exc:
            raise InvalidInputError(str(exc)) from None
        found = store.record_deployment(
            v["service"],
            when,
            failed=failed,
            caused=v["caused"].replace(",", " ").split(),
            version=v["version"],
            source="tui",
        )
        return f"Deployment of {found.service} at {found.deployed_at:%Y-%m-%d %H:%M} UTC saved."
    if kind == "alerts":
        sample = store.record_alerts(v["week"], v["total"], v["actionable"], source=v["source"])
        again = f" (replacing {sample.replaced[0]} total, {sample.replaced[1]} actionable)" if sample.replaced else ""
        return f"Alerts for the week of {sample.week} saved{again}."
    entry = store.record_toil(v["person"], v["week"], v["toil_minutes"], v["working_minutes"], category=v["category"])
    again = f" (replacing {entry.replaced[0]} of {entry.replaced[1]} minutes)" if entry.replaced else ""
    return f"Toil for {entry.person}, week of {entry.week}, saved{again}."


def defaults(now: datetime, me: str) -> dict[str, str]:
    """Sensible starting values: now, this week, me, a 40-hour week."""
    return {
        "at": now.strftime("%Y-%m-%d %H:%M"),
        "week": now.date().isoformat(),
        "person": me,
        "working_minutes": "2400",
    }
