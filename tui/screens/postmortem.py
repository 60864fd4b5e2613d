"""The postmortem editor: section list | Markdown editor (hint spans
underlined) | hints panel. Autosaves after a pause in typing and on leaving;
ctrl+s saves now; a failed save keeps the text and says why."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, OptionList, Static, TextArea

from store import StoreError
from store.postmortem_parts import BY_NAME, EDITABLE_KINDS, SECTIONS
from store.publish import section_filled

from ..hints import Linter
from ..messages import DataChanged
from ..postmortem_hints import section_hints
from ..postmortem_state import Bundle, all_hints, filled, hint_counts, load_bundle, summary_facts
from ..widgets.actions_table import ActionsTable
from ..widgets.hint_editor import HintEditor
from ..widgets.hints_panel import HintsPanel
from ..widgets.proposals_table import ProposalsTable
from ..widgets.section_list import SectionList
from ..widgets.timeline_table import TimelineTable
from .base import DataScreen
from .postmortem_commands import PostmortemCommands

AUTOSAVE_SECONDS = 1.0


class PostmortemScreen(PostmortemCommands, DataScreen):
    """Edit one postmortem, section by section, with blameless hints."""

    HELP_TITLE = "Postmortem editor"
    HELP = """
## Postmortem editor

Sections on the left (● filled, ○ empty, then the hint count), the current
section in the middle, its hints on the right. Date, duration, severity and
the timeline come from the incident and are never typed here. Contributing
factors are a checklist (`- [x] …`); Supporting Data is one link per line;
Impact lines update the incident (`Users affected: ~30% of EU checkout attempts`
is kept as written; a plain number is also counted). Events logged with
`/action` during the incident are proposed under Action Items.

Text is saved a second after you stop typing, when you change section and
when you leave; the title bar says whether it is saved.

| key | does |
| --- | --- |
| `tab` / `shift+tab` | move between section list, editor and hints |
| `ctrl+down` / `ctrl+up` | next / previous section |
| `ctrl+s` | save now |
| `ctrl+n` | jump to the next hint |
| `ctrl+r` | rewrite the hinted words ("just" removed, "root cause" → "trigger", "human error" → `[action] because [condition]`); a rule without an exact rewrite inserts a sentence with `[placeholders]` after yours, to fill in (the publish check lists unfilled ones). The hints panel says which; ctrl+z undoes. On an action item it opens the item reworded |
| `ctrl+g` | dismiss the hint (stays dismissed after other edits) |
| `ctrl+t` | tick / untick the checklist item on the cursor line |
| `a` / `enter` | add / edit an action item (Action Items section) |
| `enter` / `d` | on a proposed action item (an `/action` event from the timeline): accept it with owner, due date and priority / discard it |
| `f2` | revisions of this section (enter restores one) |
| `f3` | export to a Markdown or JSON file |
| `f4` | review: reviewers, sign-offs, publish |
| `f5` | review-meeting mode |
| `f1` | this help (`?` types a question mark in the editor) |
| `escape` | save and go back |
"""
    BINDINGS = [
        Binding("escape", "back", "Back", id="postmortem.back"),
        Binding("ctrl+s", "save", "Save", id="postmortem.save"),
        Binding("ctrl+n", "next_hint", "Next hint", id="postmortem.next_hint"),
        Binding("ctrl+r", "apply_hint", "Rewrite", id="postmortem.apply_hint"),
        Binding("ctrl+g", "dismiss_hint", "Dismiss", id="postmortem.dismiss_hint"),
        Binding("ctrl+t", "tick", "Tick", id="postmortem.tick"),
        Binding("ctrl+down", "section(1)", "Next section", id="postmortem.next_section", show=False),
        Binding("ctrl+up", "section(-1)", "Previous section", id="postmortem.previous_section", show=False),
        Binding("a", "add_action", "Add action", id="postmortem.add_action"),
        Binding("f2", "revisions", "Revisions", id="postmortem.revisions"),
        Binding("f3", "export", "Export", id="postmortem.export"),
        Binding("f4", "review", "Review", id="postmortem.review"),
        Binding("f5", "meeting", "Meeting", id="postmortem.meeting"),
        Binding("f1", "app.help", "Help", id="postmortem.help", show=False),
    ]

    def __init__(self, postmortem_id: int) -> None:
        super().__init__()
        self.postmortem_id = postmortem_id
        self.bundle: Bundle | None = None
        self.current = "summary"
        self.linter = Linter()
        self.hints: list = []
        self.action_hint_list: list = []
        self.counts: dict[str, tuple[int, int]] = {}
        self.save_state = ""
        self._autosave: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content("Postmortem"), classes="title-bar", id="title-bar")
        with Horizontal(id="pm-body"):
            yield SectionList(id="sections")
            with Vertical(id="pm-main"):
                yield Static(Content(""), id="section-head")
                with ContentSwitcher(initial="editor", id="pm-switch"):
                    yield HintEditor(id="editor")
                    yield TimelineTable(id="timeline")
                    with Vertical(id="actions-pane"):
                        yield ActionsTable(id="actions")
                        yield Static(Content(""), id="proposals-head")
                        yield ProposalsTable(id="proposals")
            yield HintsPanel(id="hints")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(HintEditor).focus()
        self.reload()

    @on(DataChanged)
    def reload(self) -> None:
        """Read the postmortem again (text being edited is kept)."""
        self.load()

    @work(exclusive=True, group="postmortem-load", exit_on_error=False)
    async def load(self) -> None:
        bundle = await self.store_read(load_bundle, self.app.store, self.postmortem_id)
        first = self.bundle is None
        typing = not first and self.dirty
        if typing:
            bundle.texts[self.current] = self.bundle.texts.get(self.current, "")
        self.bundle = bundle
        self.show_bundle(first, follow=not typing)

    def show_bundle(self, first: bool, follow: bool = True) -> None:
        """Refresh everything from :attr:`bundle`."""
        bundle = self.bundle
        self.query_one(TimelineTable).show(bundle.events, self.app)
        _, self.action_hint_list = all_hints(bundle, self.linter)
        self.query_one(ActionsTable).show(bundle.actions, self.action_counts())
        self.show_proposals()
        if first:
            self.show_section(self.current)
        else:
            if follow:
                self.follow_outside_edit()
            self.refresh_hints()
        self.show_title()

    def follow_outside_edit(self) -> None:
        """Show a section saved elsewhere (another process) when nothing is typed here."""
        kind = BY_NAME[self.current].kind
        text = self.bundle.texts.get(self.current, "")
        if kind in EDITABLE_KINDS and self.editor.text != text:
            location = self.editor.cursor_location
            self.editor.load_text(text)
            self.editor.cursor_location = location

    # sections -------------------------------------------------------------

    @property
    def editor(self) -> HintEditor:
        return self.query_one(HintEditor)

    @property
    def dirty(self) -> bool:
        """True when the editor holds text that is not saved."""
        return (
            self.bundle is not None
            and BY_NAME[self.current].kind in EDITABLE_KINDS
            and self.editor.text != self.bundle.texts.get(self.current, "")
        )

    def show_section(self, name: str) -> None:
        """Put section ``name`` in the middle (its text, timeline or action items)."""
        self.current = name
        kind = BY_NAME[name].kind
        switcher = self.query_one(ContentSwitcher)
        focused = self.focused
        inside = focused is not None and switcher in focused.ancestors_with_self  # the section had the focus
        if kind in EDITABLE_KINDS:
            self.editor.load_text(self.bundle.texts.get(name, ""))
            switcher.current = "editor"
        else:
            switcher.current = "timeline" if kind == "timeline" else "actions-pane"
        self.query_one(SectionList).select_section(name)
        if inside:
            self.focus_section()
        self.show_head()
        self.refresh_hints()
        self.refresh_bindings()

    def show_head(self) -> None:
        """The section's heading: the computed facts for Summary, else its prompt."""
        section = BY_NAME[self.current]
        parts: list = [(section.title, "bold"), "\n"]
        if section.name == "summary":
            for index, (label, value) in enumerate(summary_facts(self.bundle, self.app.clock())):
                parts += [
                    "\n" if index in (2, 3, 4) else ("  " if index else ""),
                    (f"{label}: ", "$foreground-muted"),
                    value,
                ]
        else:
            parts.append((section.prompt, "italic $foreground-muted"))
        self.query_one("#section-head", Static).update(Content.assemble(*parts))

    def show_title(self) -> None:
        """``PM-0013 · title · status · saved``."""
        pm, incident = self.bundle.pm, self.bundle.incident
        state = "Unsaved changes" if self.dirty and not self.save_state.startswith("Not saved") else self.save_state
        note = " (edits are kept as new revisions)" if pm.status == "published" else ""
        title = Content.assemble(
            (pm.key, "bold"),
            " · ",
            incident.title,
            " · ",
            (pm.status.replace("_", " "), "bold $accent"),
            (note, "$warning"),
            ("  " + state if state else "", "$foreground-muted"),
        )
        # The bar is one line high whatever it says: repaint it, never re-lay out the screen (once per key).
        self.query_one("#title-bar", Static).update(title, layout=False)

    @on(OptionList.OptionHighlighted, "#sections")
    async def section_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.bundle is not None and event.option.id != self.current:
            await self.goto(event.option.id)

    @on(OptionList.OptionSelected, "#sections")
    def section_selected(self) -> None:
        """Enter on a section: work in it."""
        self.focus_section()

    def focus_section(self) -> None:
        """Focus the section's own widget (the editor, the timeline or the action items)."""
        pane = self.query_one(ContentSwitcher).visible_content
        (self.query_one(ActionsTable) if pane.id == "actions-pane" else pane).focus()

    async def goto(self, name: str) -> bool:
        """Save the current section, then show ``name`` (stays put if the save fails)."""
        if not await self.save_now():
            self.query_one(SectionList).select_section(self.current)
            return False
        self.show_section(name)
        return True

    async def action_section(self, step: int) -> None:
        """Next or previous section."""
        names = [s.name for s in SECTIONS]
        await self.goto(names[(names.index(self.current) + step) % len(names)])

    # typing, hints, saving ------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def text_changed(self) -> None:
        """Re-lint as the user types and restart the autosave pause."""
        if self.bundle is None:
            return
        self.refresh_hints()
        if self.dirty:
            if self._autosave is not None:
                self._autosave.stop()
            self._autosave = self.set_timer(AUTOSAVE_SECONDS, self.autosave)
        self.show_title()

    @on(TextArea.SelectionChanged, "#editor")
    def cursor_moved(self) -> None:
        self.show_hints_panel()

    def refresh_hints(self) -> None:
        """Lint the current text and update spans, panel and section counts."""
        texts, actions = all_hints(self.bundle, self.linter)
        self.action_hint_list = actions
        section = BY_NAME[self.current]
        if section.kind in EDITABLE_KINDS and section.kind != "impact":
            texts[self.current] = section_hints(self.linter, self.editor.text, section.title, self.bundle.dismissed)
        self.hints = texts.get(self.current, []) if section.kind != "actions" else []
        self.editor.set_hints(self.hints)
        self.counts = hint_counts(texts, actions)
        marks = filled(self.bundle)
        if section.kind in EDITABLE_KINDS and section.kind != "impact":
            marks[self.current] = section_filled(self.current, self.editor.text)
        self.query_one(SectionList).show_state(marks, self.counts)
        self.show_hints_panel()

    def action_counts(self) -> dict[int, int]:
        """Hints per action item id."""
        counts: dict[int, int] = {}
        for item in self.action_hint_list:
            counts[item.action_id] = counts.get(item.action_id, 0) + 1
        return counts

    def autosave(self) -> None:
        self.save_worker()

    @work(group="postmortem-save", exit_on_error=False)
    async def save_worker(self) -> None:
        await self.save_now(quiet=True)

    async def save_now(self, quiet: bool = False) -> bool:
        """Save the editor's text if it changed; False (text kept, reason shown) on failure.
        ``quiet`` (autosave) does not repeat a failure already reported."""
        if not self.dirty:
            return True
        name, text = self.current, self.editor.text
        try:
            await self.store_write(self.app.store.save_section, self.postmortem_id, name, text)
        except (StoreError, OSError, ValueError) as exc:
            if not (quiet and self.save_state == f"Not saved: {exc}"):  # autosave retries: say it once
                self.notify(f"{BY_NAME[name].title} not saved: {exc}", severity="error", markup=False)
            self.save_state = f"Not saved: {exc}"
            self.show_title()
            return False
        self.bundle.texts[name] = text
        self.save_state = f"Saved {self.app.clock():%H:%M:%S}"
        self.show_title()
        if BY_NAME[name].kind == "impact":
            self.reload()
        return True

    async def action_save(self) -> None:
        """Save now."""
        if await self.save_now():
            self.save_state = self.save_state or "Nothing to save"
            self.show_title()

    async def unsaved_on_quit(self) -> str | None:
        """Called by the app before it quits: save; say what would be lost if that fails."""
        if await self.save_now():
            return None
        return f"Postmortem text ({self.save_state})"

    def on_screen_suspend(self) -> None:
        """Leaving for another screen: save what is typed."""
        if self.dirty:
            self.save_worker()
