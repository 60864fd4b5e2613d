"""Logging from the capture line: one line, several pasted lines (one event each, or
one multi-line event with ctrl+j), a second thought for a typed time that looks
like the wrong zone or day, and the message that says what was logged."""

from __future__ import annotations

from textual import work
from textual.widgets import Input

from store.events import MILESTONE_KINDS, Logged

from ..capture.checks import time_doubt
from ..capture.grammar import Capture, GrammarError, command_of, parse_line
from ..capture.kinds import KIND_TOKENS
from ..capture.zones import zone_label
from ..dialogs.confirm import ConfirmDialog
from ..widgets.capture_line import CaptureLine, split_lines


class IncidentCapture:
    """Mixed into :class:`IncidentScreen`: turning the capture line into events."""

    # (named handlers, not @on: decorated handlers are not collected from a plain mixin)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: each line of the capture line is one event."""
        if event.input.id == "capture":
            self.submit(event.value, together=False)

    def on_capture_line_keep_together(self, event: CaptureLine.KeepTogether) -> None:
        """ctrl+j: the lines of the capture line are one multi-line event."""
        self.submit(event.value, together=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Say what Enter will do with several lines; a cleared line clears the message."""
        if event.input.id != "capture":
            return
        count = len(split_lines(event.value))
        status = self.query_one("#capture-status")
        if count > 1:
            self.say(f"{count} lines: Enter logs {count} events, ctrl+j keeps them as one event.")
            status.add_class("lines")
        elif status.has_class("lines") or (not event.value.strip() and status.has_class("error")):
            status.remove_class("lines")
            self.hint()

    def submit(self, line: str, together: bool) -> None:
        """Parse the line(s); refuse in place with the reason, ask about odd times, or save."""
        parts = split_lines(line)
        if not parts:
            return
        if self.saving is not None:  # Enter again while saving: this line follows, once
            self.queued.append((line, together))
            self.say("Saving the previous line; this one follows it.")
            return
        if (command := command_of(line)) is not None:  # /update: the composer; the line stays until sent
            self.compose_update(command[1] or None, line)  # type: ignore[attr-defined]
            return
        try:
            captures = self.parse(parts, together)
        except GrammarError as exc:
            self.stop_queue()
            self.say(f"Not logged: {exc}", error=True)
            return
        doubts = [d for c in captures if (d := self.doubt(c))]
        if not doubts:
            self.start_saving(line, captures)
            return
        question = f"{doubts[0]} Log it at that time?"
        self.app.push_screen(
            ConfirmDialog("Is that the right time?", question, "Log it", "Change the time"),
            lambda yes: self.start_saving(line, captures) if yes else self.refused_time(),
        )

    def parse(self, parts: list[str], together: bool) -> list[Capture]:
        """One capture per line, or one for all (tokens from the first line only)."""
        now, zone = self.app.clock(), self.app.zone
        if together or len(parts) == 1:
            return [parse_line(parts[0], now, zone, more=parts[1:])]
        captures = []
        for number, part in enumerate(parts, 1):
            try:
                captures.append(parse_line(part, now, zone))
            except GrammarError as exc:
                raise GrammarError(f"line {number} of {len(parts)}: {exc}") from None
        return captures

    def doubt(self, capture: Capture) -> str | None:
        incident = self._incident()
        if incident is None:
            return None
        what = "impact started" if incident.impact_started_at else "the incident was declared"
        return time_doubt(capture, self.app.clock(), incident.started_at, self.app.zone, what)

    def refused_time(self) -> None:
        self.stop_queue()
        self.say("Not logged: change the time in the line (e.g. 11:00 EST, -5m) and press Enter.", error=True)
        self.set_focus(self.capture_line)

    def start_saving(self, line: str, captures: list[Capture]) -> None:
        self.saving = line
        self.save_capture(line, captures)

    def stop_queue(self) -> None:
        """A line was refused: the rest stays in the capture line for the person to look at."""
        self.queued.clear()
        self.capture_line.release()

    @work(group="capture", exit_on_error=False)
    async def save_capture(self, line: str, captures: list[Capture]) -> None:
        """Commit the event(s) in one transaction; only then clear the line (keeping anything typed since)."""
        items = [
            dict(text=c.text, kind=c.kind, occurred_at=c.occurred_at, pinned=c.pinned, move_milestone=c.move_milestone)
            for c in captures
        ]
        try:
            logged = await self.store_write(self.app.store.capture_events, self.incident_id, items)
        except Exception as exc:
            self.stop_queue()
            self.say(self.failure(exc), error=True)
            return
        finally:
            self.saving = None
        self.capture_line.take(line)
        self.say(self.logged_message(logged))
        self.timeline.follow = True
        self.reload()
        if self.queued:
            self.submit(*self.queued.pop(0))

    def logged_message(self, logged: list[Logged]) -> str:
        """``Logged 14:05:30 EST · mitigation pinned``, and any milestone that stayed."""
        zone = self.app.zone
        first = logged[0].event
        pin = " pinned" if first.pinned else ""
        count = f"{len(logged)} events from " if len(logged) > 1 else ""
        message = f"Logged {count}{first.occurred_at.astimezone(zone):%H:%M:%S} {zone_label(zone)} · {first.kind}{pin}"
        for item in logged:
            if item.kept_at is not None:
                token = next(t for t, k in KIND_TOKENS.items() if k == item.event.kind)
                label = MILESTONE_KINDS[item.event.kind][0].removesuffix("_at").replace("_", " ")
                message += (
                    f" · the {label} milestone stays at {item.kept_at.astimezone(zone):%H:%M:%S} "
                    f"(the first); {token}! moves it"
                )
        return message
