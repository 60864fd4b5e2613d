"""Review-meeting mode: one section at a time, large and readable on a shared
screen, the timeline alongside, a facilitation prompt per section (what did
people see and know; how, not why), and action items captured in place."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from store.postmortem_parts import BY_NAME, SECTIONS

from ..dialogs.action_item import ActionItemDialog
from ..hints import Linter
from ..messages import DataChanged
from ..postmortem_hints import action_hints
from ..postmortem_meeting_view import big_heading, double_spaced, hint_notes, marked_text
from ..postmortem_state import Bundle, load_bundle, summary_facts
from .base import DataScreen

EMPTY = "Nothing written yet. Talk it through, then capture it in the editor (e)."


def action_lines(bundle: Bundle, linter: Linter | None = None) -> Content:
    """Action items as large readable lines; one with a blameless hint (such as
    "be more careful") carries the hint, for the room to reword it."""
    if not bundle.actions:
        return Content.styled("No action items yet: press a to capture one.", "italic $foreground-muted")
    flagged = {
        a.action_id: a.hint
        for a in action_hints(linter or Linter(), [(i.id, i.title) for i in bundle.actions], bundle.dismissed)
    }
    lines = []
    for item in bundle.actions:
        due = item.due_date.isoformat() if item.due_date else "no due date"
        parts = [
            (f"{item.priority}  ", "bold $accent"),
            (item.title, "bold"),
            "\n",
            (f"     {item.owner or 'no owner'} · {due} · {item.type}", "$foreground-muted"),
        ]
        if item.id in flagged:
            parts += ["\n", (f"     ⚠ {flagged[item.id].message}", "$warning")]
        lines.append(Content.assemble(*parts))
    return Content("\n\n").join(lines)


def timeline_text(bundle: Bundle) -> Content:
    """The timeline as wrapped lines, pinned moments bold and marked ★."""
    lines = [Content.styled("Timeline (UTC)", "bold $primary")]
    for event in bundle.events:
        style = "bold $pinned" if event.pinned else ""
        lines.append(
            Content.assemble(
                (f"{event.occurred_at:%H:%M} ", "bold"), (("★ " if event.pinned else "") + event.text, style)
            )
        )
    return Content("\n\n").join(lines)


def section_hints_for(bundle: Bundle, name: str, linter: Linter) -> list:
    """The section's blameless hints (not dismissed), to mark on the projector."""
    section = BY_NAME[name]
    if section.kind not in ("text", "checklist"):
        return []
    return linter.lint(bundle.texts.get(name, ""), section.title, bundle.dismissed)


def section_body(bundle: Bundle, name: str, now, width: int = 0, linter: Linter | None = None) -> Content:
    """What the room sees for a section: user text literally, bold and double-spaced
    to ``width``, hinted words marked ⚑n and explained underneath."""
    kind = BY_NAME[name].kind
    if kind == "actions":
        return action_lines(bundle, linter)
    if kind == "timeline":
        return Content.styled("The timeline is alongside →  pinned moments are marked ★.", "$foreground-muted")
    text = bundle.texts.get(name, "").strip()
    hints = section_hints_for(bundle, name, linter or Linter()) if text else []
    body = double_spaced(marked_text(text, hints).stylize("bold"), width) if text else None
    if name == "summary":
        facts = Content("\n\n").join(
            Content.assemble((f"{label}: ", "bold $accent"), (value, "bold"))
            for label, value in summary_facts(bundle, now)
        )
        body = Content.assemble(facts, "\n\n\n", body or "")
    if body is None:
        return Content.styled(EMPTY, "italic $foreground-muted")
    if hints:
        body = Content.assemble(
            body, "\n\n\n", (f"Wording to talk about ({len(hints)})", "bold $warning"), "\n\n", hint_notes(hints)
        )
    return body


class MeetingScreen(DataScreen):
    """Walk the postmortem with the room, section by section."""

    HELP_TITLE = "Review meeting"
    HELP = """
## Review meeting

One section at a time, in large type, with the timeline alongside and a
question to open the discussion. Ask what people saw and knew at the time:
how, not why. Blameful wording is marked ⚑1, ⚑2 … in the text and explained
under it, for the room to reword together (then `e` to edit).
Use the high-contrast theme on a projector (ctrl+p → Theme: debrief-contrast).

| key | does |
| --- | --- |
| `right` / `space` | next section |
| `left` | previous section |
| `t` | hide / show the timeline (more room for the text) |
| `a` | capture an action item (owner, due date, priority) |
| `e` | edit this section in the editor |
| `escape` | leave meeting mode |
"""
    BINDINGS = [
        Binding("right,space", "step(1)", "Next", id="meeting.next"),
        Binding("t", "timeline", "Timeline", id="meeting.timeline"),
        Binding("left", "step(-1)", "Previous", id="meeting.previous"),
        Binding("a", "add_action", "Action item", id="meeting.add_action"),
        Binding("e", "edit", "Edit section", id="meeting.edit"),
        Binding("escape", "leave", "Leave", id="meeting.leave"),
    ]

    def __init__(self, postmortem_id: int, section: str = "summary") -> None:
        super().__init__()
        self.postmortem_id = postmortem_id
        self.current = section
        self.bundle: Bundle | None = None
        self.linter = Linter()

    def compose(self) -> ComposeResult:
        yield Static(Content("Review meeting"), classes="title-bar", id="title-bar")
        with Horizontal(id="meeting-body"):
            with Vertical(id="meeting-main"):
                yield Static(Content(""), id="meeting-heading")
                yield Static(Content(""), id="meeting-prompt")
                with VerticalScroll(id="meeting-scroll"):
                    yield Static(Content(""), id="meeting-text")
            with VerticalScroll(id="meeting-side"):
                yield Static(Content(""), id="meeting-timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    @on(DataChanged)
    def reload(self) -> None:
        self.load()

    @work(exclusive=True, group="meeting-load", exit_on_error=False)
    async def load(self) -> None:
        self.bundle = await self.store_read(load_bundle, self.app.store, self.postmortem_id)
        self.query_one("#meeting-timeline", Static).update(timeline_text(self.bundle))
        self.show()

    def show(self) -> None:
        """Render the current section, sized to the space it has."""
        names = [s.name for s in SECTIONS]
        section = BY_NAME[self.current]
        pm = self.bundle.pm
        self.query_one("#title-bar", Static).update(
            Content.assemble(
                ("Review meeting", "bold"),
                f" · {pm.key} · ",
                self.bundle.incident.title,
                f" · {names.index(self.current) + 1}/{len(names)}",
            )
        )
        width = self.query_one("#meeting-scroll").scrollable_content_region.width - 2
        big = big_heading(section.title, self.query_one("#meeting-heading").content_region.width or width)
        self.query_one("#meeting-heading", Static).update(Content(big or section.title))
        self.query_one("#meeting-prompt", Static).update(Content(section.prompt))
        body = section_body(self.bundle, self.current, self.app.clock(), width, self.linter)
        self.query_one("#meeting-text", Static).update(body)

    def on_resize(self) -> None:
        """Wrap and letter the section again for the new size."""
        if self.bundle is not None:
            self.call_after_refresh(self.show)

    def action_timeline(self) -> None:
        """Hide or show the timeline column (the text gets the room)."""
        side = self.query_one("#meeting-side")
        side.display = not side.display
        if self.bundle is not None:
            self.call_after_refresh(self.show)

    def action_step(self, step: int) -> None:
        """Next or previous section."""
        names = [s.name for s in SECTIONS]
        self.current = names[(names.index(self.current) + step) % len(names)]
        if self.bundle is not None:
            self.show()
            self.query_one("#meeting-scroll").scroll_home(animate=False)

    async def action_add_action(self) -> None:
        """Capture an action item without leaving the meeting."""

        def saved(item) -> None:
            if item is not None:
                self.notify(f"{item.key} captured.", markup=False)
                self.current = "actions"
                self.reload()

        people = await self.store_read(self.app.store.known_people)
        self.app.push_screen(ActionItemDialog(self.postmortem_id, people, self.app.clock().date()), saved)

    def action_edit(self) -> None:
        """Back to the editor at this section."""
        self.dismiss(self.current)

    def action_leave(self) -> None:
        self.dismiss(None)
