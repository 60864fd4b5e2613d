"""The team side of the live incident screen: roles and hand-offs (``ctrl+y``), the
stakeholder-update composer (``ctrl+g`` or ``/update``), the roles/countdown/
nudges bar, and the author column (``F2``)."""

from __future__ import annotations

from textual import work
from textual.binding import Binding

from store import Store

from ..dialogs.role import RoleDialog
from ..dialogs.update import UpdateDialog
from ..widgets.team_bar import TeamBar, TeamState

BINDINGS = [
    Binding("ctrl+g", "update", "Update", id="incident.update"),
    Binding("ctrl+y", "role", "Role", id="incident.role"),
    Binding("f2", "authors", "Who", id="incident.authors"),
]
#: Keys the capture line hands to the screen (it keeps the focus while typing).
PASS_KEYS = {"ctrl+g", "ctrl+y", "f2"}


def team_state(store: Store, incident_id: int) -> TeamState:
    """Roles, the update countdown and nudges (one store-thread call)."""
    return TeamState(store.role_holders(incident_id), store.update_due(incident_id), store.nudges(incident_id))


def role_dialog_data(store: Store, incident_id: int) -> tuple[tuple[str, ...], dict[str, str]]:
    """The team's roles and who holds them now."""
    return store.roles(), store.role_holders(incident_id)


class IncidentTeamMixin:
    """Roles, updates and authorship for :class:`IncidentScreen` (which provides
    ``incident_id``, ``reload``, ``say``, ``capture_line`` and ``timeline``)."""

    def show_team(self, state: TeamState | None = None) -> None:
        """Redraw the team bar (``None``: the last state, at the current time)."""
        self.query_one(TeamBar).show(state, self.app.clock(), self.app.zone)

    @work(group="incident-team", exit_on_error=False)
    async def load_team(self) -> None:
        """Re-read roles, countdown and nudges."""
        self.show_team(await self.store_read(team_state, self.app.store, self.incident_id))

    @work(group="incident-role", exit_on_error=False)
    async def action_role(self) -> None:
        """Assign or hand over a role (each change is a timeline event)."""
        roles, holders = await self.store_read(role_dialog_data, self.app.store, self.incident_id)
        self.app.push_screen(RoleDialog(self.incident_id, roles, holders), lambda _: self.reload())

    def action_update(self) -> None:
        """Compose a stakeholder update from the team's template."""
        self.compose_update(None, None)

    @work(group="incident-update", exit_on_error=False)
    async def compose_update(self, text: str | None, line: str | None) -> None:
        """Open the composer with ``text`` (default: the draft); once it is sent, copy it and
        clear ``line`` from the capture line (it stays there when the composer is cancelled)."""
        store = self.app.store
        incident = await self.store_read(store.get_incident, self.incident_id)
        draft = text or await self.store_read(store.compose_update, self.incident_id, self.app.zone)

        def sent(event) -> None:
            if event is None:
                return
            self.app.copy_to_clipboard(event.text)
            if line is not None and self.capture_line.value.startswith(line):
                self.capture_line.value = self.capture_line.value[len(line) :].lstrip()
            self.say(f"Update logged at {event.occurred_at:%H:%M:%S} UTC and copied to the clipboard.")
            self.timeline.follow = True
            self.reload()

        self.app.push_screen(UpdateDialog(self.incident_id, incident.key, draft), sent)

    def titles(self) -> None:
        """The column headings, with ``Who`` while authors are shown."""
        from ..capture.zones import zone_label
        from .incident import column_titles

        width = self.timeline.scrollable_content_region.width
        self.query_one("#timeline-columns").update(
            column_titles(zone_label(self.app.zone), width, self.timeline.show_authors)
        )

    def on_resize(self) -> None:
        """Keep ``Who`` above the author column."""
        self.call_after_refresh(self.titles)

    def action_authors(self) -> None:
        """Show or hide who wrote each event."""
        self.timeline.show_authors = not self.timeline.show_authors
        self.timeline.refresh()
        self.titles()
        self.say(f"Author column {'shown' if self.timeline.show_authors else 'hidden'} (F2 toggles it).")
