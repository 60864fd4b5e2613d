"""What the live incident screen's keys change: the highlighted event (edit, pin,
delete, undo) and the incident (status, severity, commander, title, triggers).

Event keys act only on a row the user can see highlighted in the timeline;
deleting a milestone event asks first; every delete and undo names the event.
"""

from __future__ import annotations

from datetime import datetime

from textual import work

from store import STATUSES, TimelineEvent
from store.events import MILESTONE_KINDS

from ..capture.zones import zone_label
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.edit_event import EditEventDialog
from ..dialogs.pick import PickDialog, severity_choices
from ..dialogs.text_prompt import TextPromptDialog
from ..dialogs.triggers import TriggersDialog
from ..postmortem_nav import open_postmortem
from ..widgets.incident_header import IncidentHeader

EXCERPT = 40


def excerpt(text: str, width: int = EXCERPT) -> str:
    """The start of an event's text on one line, for a message that names it."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


class IncidentChanges:
    """Mixed into :class:`IncidentScreen`: the actions behind its keys."""

    def describe(self, event: TimelineEvent) -> str:
        """``14:05:30 EST mitigation “rolled back…”``: how a message names an event."""
        zone = self.app.zone
        return f"{event.occurred_at.astimezone(zone):%H:%M:%S} {zone_label(zone)} {event.kind} “{excerpt(event.text)}”"

    def target(self) -> TimelineEvent | None:
        """The highlighted event when the user can see it in the timeline, else None (and why)."""
        view = self.timeline
        if not self.picking:
            self.say("Press ↑ to pick an event in the timeline first.", error=True)
            return None
        if not view.cursor_visible() or view.current is None:
            self.say("The highlighted event is not on screen: move to the event first (↑ ↓).", error=True)
            return None
        return view.current

    def action_edit(self) -> None:
        """Edit the highlighted event's text, time or kind."""
        if (event := self.target()) is not None:
            self.app.push_screen(EditEventDialog(event), self.changed)

    def action_pin(self) -> None:
        """Pin or unpin the highlighted event."""
        if (event := self.target()) is not None:
            note = f"{'Unpinned' if event.pinned else 'Pinned ★'} {self.describe(event)}"
            self.change(self.app.store.edit_event, event.id, pinned=not event.pinned, note=note)

    def action_delete(self) -> None:
        """Delete the highlighted event; a milestone event asks first (it moves a milestone)."""
        if (event := self.target()) is None:
            return
        if event.kind not in MILESTONE_KINDS:
            self.delete(event)
            return
        label = MILESTONE_KINDS[event.kind][0].removesuffix("_at").replace("_", " ")
        question = (
            f"{self.describe(event)} sets the {label} milestone. Deleting it hands the milestone to the "
            f"first remaining {event.kind} event, or clears it and steps the status back."
        )
        self.app.push_screen(
            ConfirmDialog("Delete a milestone event?", question, "Delete it", "Keep it"),
            lambda yes: self.delete(event) if yes else self.say("Nothing deleted."),
        )

    def delete(self, event: TimelineEvent) -> None:
        """Soft-delete ``event`` and say which one went (ctrl+z brings it back)."""
        self.deleted.append((event, self.app.clock()))
        self.change(
            self.app.store.delete_event, event.id, note=f"Deleted {self.describe(event)} · ctrl+z brings it back"
        )

    def action_undo(self) -> None:
        """Bring back the last deleted event, naming it and when it was deleted."""
        if not self.deleted:
            self.say("Nothing to undo: no event was deleted here.")
            return
        event, when = self.deleted.pop()
        ago = ago_text(self.app.clock(), when)
        self.change(self.app.store.restore_event, event.id, note=f"Restored {self.describe(event)} (deleted {ago})")

    @work(group="incident-change", exit_on_error=False)
    async def change(self, fn, *args, note: str | None = None, **kwargs) -> None:
        """Run a store change, then reload; a failure is said under the capture line."""
        try:
            await self.store_write(fn, *args, **kwargs)
        except Exception as exc:
            self.say(f"Not saved: {exc}", error=True)
            return
        if note:
            self.say(note)
        self.reload()

    def changed(self, result: object) -> None:
        """A dialog saved something: show it."""
        if result is not None:
            self.reload()

    # -- the incident ---------------------------------------------------------

    def _incident(self):
        return self.query_one(IncidentHeader).incident

    def action_status(self) -> None:
        """Change the status (recorded as a status event)."""
        if (incident := self._incident()) is not None:
            save = lambda value: self.app.store.set_status(self.incident_id, value)  # noqa: E731
            self.app.push_screen(PickDialog.of_values("Status", STATUSES, incident.status, save), self.changed)

    def action_severity(self) -> None:
        """Change the severity (recorded as a status event)."""
        if (incident := self._incident()) is not None:
            save = lambda value: self.app.store.set_severity(self.incident_id, value)  # noqa: E731
            current = incident.severity if incident.severity_assessed else None  # picking SEV3 confirms it
            self.app.push_screen(
                PickDialog("Severity", "", severity_choices(current or ""), current, save), self.changed
            )

    def action_commander(self) -> None:
        """Hand over command (recorded as a status event)."""
        if (incident := self._incident()) is not None:
            save = lambda value: self.app.store.update_incident(self.incident_id, commander=value)  # noqa: E731
            self.app.push_screen(TextPromptDialog("Incident commander", incident.commander, save), self.changed)

    def action_title(self) -> None:
        """Retitle the incident (recorded as a status event)."""
        if (incident := self._incident()) is not None:
            save = lambda value: self.app.store.update_incident(self.incident_id, title=value)  # noqa: E731
            self.app.push_screen(TextPromptDialog("Incident title", incident.title, save), self.changed)

    def action_postmortem(self) -> None:
        """Open this incident's postmortem (started and pre-filled on first use)."""
        self.run_worker(open_postmortem(self.app, self.incident_id), group="postmortem", exit_on_error=False)

    def action_triggers(self) -> None:
        """Set which postmortem triggers apply (customer-facing, data loss, …)."""
        if (incident := self._incident()) is not None:
            self.app.push_screen(TriggersDialog(incident), lambda saved: saved and self.reload())


def ago_text(now: datetime, then: datetime) -> str:
    """``just now``, ``4 min ago``, ``2 h ago``."""
    seconds = max(int((now - then).total_seconds()), 0)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"
