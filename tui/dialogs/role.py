"""Assign or hand over an incident role: pick the role, type the holder, Enter."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from .base import StoreDialog


class RoleDialog(StoreDialog):
    """The team's roles with their holders; Enter on a role moves to the name, Enter on
    the name hands the role over (an empty name: nobody holds it). Dismisses with the
    new assignment, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="role.cancel")]

    def __init__(
        self, incident_id: int, roles: tuple[str, ...], holders: dict[str, str], role: str | None = None
    ) -> None:
        super().__init__()
        self.incident_id = incident_id
        self.roles = roles
        self.holders = holders
        self.role = role if role in roles else roles[0]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content("Assign a role"), classes="dialog-title")
            yield OptionList(
                *[Option(Content(f"{r:<10} {self.holders.get(r, '—')}"), id=r) for r in self.roles], id="roles"
            )
            yield Input(placeholder="Who holds it now (empty: nobody)", id="holder")
            yield Static(
                "↑↓ role · enter: type the holder · enter again: hand it over · esc cancels",
                classes="muted",
                markup=False,
            )
            yield Static("", classes="error", id="error", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.roles.index(self.role)
        options.focus()

    @on(OptionList.OptionHighlighted)
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The name field follows the highlighted role's holder."""
        self.role = event.option.id or self.role
        self.query_one(Input).value = self.holders.get(self.role, "")

    @on(OptionList.OptionSelected)
    def picked(self) -> None:
        """Enter on a role: type the new holder."""
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        """Hand the role over; the dialog closes once it is on disk."""
        self.save(self.role, event.value)

    @work(group="role-save", exit_on_error=False)
    async def save(self, role: str, holder: str) -> None:
        await self.save_with(self.app.store.assign_role, self.incident_id, role, holder)
