"""The postmortem editor's commands: hint keys, action items, dialogs, leaving.
A mixin of :class:`tui.screens.postmortem.PostmortemScreen` (split by role)."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import DataTable, Static
from textual.widgets.text_area import Selection

from store import StoreError
from store.postmortem_parts import BY_NAME, EDITABLE_KINDS

from ..dialogs.accept_proposal import AcceptProposalDialog
from ..dialogs.action_item import ActionItemDialog
from ..dialogs.confirm import ConfirmDialog
from ..dialogs.export import ExportDialog
from ..dialogs.review import ReviewDialog
from ..dialogs.revisions import RevisionsDialog
from ..hints import fingerprint
from ..postmortem_hints import hint_at, next_hint, rewrite_edit
from ..postmortem_state import text_checker
from ..widgets.proposals_table import ProposalsTable
from .base import DataScreen


class PostmortemCommands(DataScreen):
    """Actions bound on the postmortem editor. A Screen subclass, so that Textual
    registers its ``@on`` handlers (it collects them only from message-pump classes)."""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "add_action":
            return self.current == "actions"
        if action == "tick":
            return BY_NAME[self.current].kind == "checklist"
        return True

    # hints ---------------------------------------------------------------

    def current_hint(self):
        """The hint under the cursor (text sections) or on the highlighted action item."""
        if self.current == "actions":
            ident = self.query_one("#actions").selected_id()
            return next((a for a in self.action_hint_list if a.action_id == ident), None)
        return hint_at(self.hints, self.editor.cursor_offset)

    def show_hints_panel(self) -> None:
        """Follow the cursor in the hints panel."""
        panel = self.query_one("#hints")
        if self.current == "actions":
            current, edit = self.current_hint(), self.current_rewrite()
            label = f"open the item to {edit.label}; ctrl+s there keeps it, escape drops it" if edit else ""
            panel.show(
                [a.hint for a in self.action_hint_list], current.hint if current else None, "Action Items", label
            )
        else:
            edit = self.current_rewrite()
            panel.show(
                self.hints,
                self.current_hint(),
                BY_NAME[self.current].title,
                f"{edit.label}; ctrl+z undoes it" if edit else "",
            )

    def action_next_hint(self) -> None:
        """Move the cursor to the next hint of the section."""
        if self.current == "actions":
            self.next_action_hint()
            return
        found = next_hint(self.hints, self.editor.cursor_offset)
        if found is None:
            self.notify("No hints in this section.", markup=False)
            return
        self.editor.focus()
        self.editor.selection = self.editor.selection.cursor(self.editor.offset_location(found.start))
        self.editor.cursor_location = self.editor.offset_location(found.start)
        self.editor.scroll_cursor_visible()

    def next_action_hint(self) -> None:
        """Highlight the next action item that has a hint."""
        table = self.query_one("#actions")
        ids = [int(key.value) for key in table.rows]
        flagged = {a.action_id for a in self.action_hint_list}
        order = ids[table.cursor_row + 1 :] + ids[: table.cursor_row + 1]
        target = next((i for i in order if i in flagged), None)
        if target is None:
            self.notify("No hints on the action items.", markup=False)
            return
        table.focus()
        table.move_cursor(row=ids.index(target), animate=False)

    def current_rewrite(self):
        """The edit ctrl+r would make for the hint under the cursor, or for the
        highlighted action item's title (or None)."""
        if self.current == "actions":
            found = self.current_hint()
            item = next((a for a in self.bundle.actions if found and a.id == found.action_id), None)
            return rewrite_edit(self.linter, item.title, found.hint) if item else None
        hint = self.current_hint()
        return rewrite_edit(self.linter, self.editor.text, hint) if hint is not None else None

    async def reword_action(self) -> None:
        """ctrl+r on an action item: open it with its title reworded (saved only with ctrl+s)."""
        edit = self.current_rewrite()
        found = self.current_hint()
        if edit is None or found is None:
            self.notify("Highlight an action item marked ⚠ first (ctrl+n finds one).", markup=False)
            return
        item = next(a for a in self.bundle.actions if a.id == found.action_id)
        await self.open_action_dialog(item, (edit.apply(item.title), edit.select))

    def action_apply_hint(self) -> None:
        """Rewrite the hinted words (the rule's exact replacement), or insert the
        rule's template with [placeholders] after the sentence; one edit, so
        ctrl+z undoes it."""
        if self.current == "actions":
            self.run_worker(self.reword_action(), exit_on_error=False)
            return
        edit = self.current_rewrite()
        if edit is None:
            self.notify("Put the cursor on an underlined phrase first (ctrl+n finds one).", markup=False)
            return
        editor = self.editor
        editor.focus()
        editor.history.checkpoint()
        editor.replace(edit.new, editor.offset_location(edit.start), editor.offset_location(edit.end))
        editor.history.checkpoint()
        first, last = edit.select
        editor.selection = Selection(editor.offset_location(first), editor.offset_location(last))

    async def action_dismiss_hint(self) -> None:
        """Dismiss the current hint; its fingerprint is saved so it stays dismissed."""
        if self.current == "actions":
            found = self.current_hint()
            mark = found.fingerprint if found else None
        else:
            hint = self.current_hint()
            mark = fingerprint(hint, self.editor.text) if hint else None
        if mark is None:
            self.notify("No hint here to dismiss.", markup=False)
            return
        await self.store_write(self.app.store.dismiss_hint, self.postmortem_id, mark)
        self.bundle.dismissed.add(mark)
        self.refresh_hints()
        self.query_one("#actions").show(self.bundle.actions, self.action_counts())

    def action_tick(self) -> None:
        """Toggle ``- [ ]`` / ``- [x]`` on the cursor line (or make it a checklist item)."""
        row, _ = self.editor.cursor_location
        line = self.editor.document.get_line(row)
        if "[ ]" in line:
            new = line.replace("[ ]", "[x]", 1)
        elif "[x]" in line or "[X]" in line:
            new = line.replace("[x]", "[ ]", 1).replace("[X]", "[ ]", 1)
        else:
            new = f"- [ ] {line.lstrip('-* ')}"
        self.editor.replace(new, (row, 0), (row, len(line)))

    # action items --------------------------------------------------------

    async def action_add_action(self) -> None:
        """Add an action item in a dialog."""
        await self.open_action_dialog(None)

    @on(DataTable.RowSelected, "#actions")
    async def edit_action(self) -> None:
        """Enter on an action item: edit it."""
        ident = self.query_one("#actions").selected_id()
        item = next((a for a in self.bundle.actions if a.id == ident), None)
        if item is not None:
            await self.open_action_dialog(item)

    @on(DataTable.RowHighlighted, "#actions")
    def action_row_moved(self) -> None:
        self.show_hints_panel()

    async def open_action_dialog(self, item, draft=None) -> None:
        def saved(result) -> None:
            if result is not None:
                self.notify(f"{result.key} saved.", markup=False)
                self.reload()

        people = await self.store_read(self.app.store.known_people)
        self.app.push_screen(ActionItemDialog(self.postmortem_id, people, self.app.clock().date(), item, draft), saved)

    # proposed action items (/action events) -------------------------------

    def show_proposals(self) -> None:
        """The proposals under the action items; hidden when there are none."""
        proposals = self.bundle.proposals
        head, table = self.query_one("#proposals-head", Static), self.query_one("#proposals", ProposalsTable)
        head.display = table.display = bool(proposals)
        head.update(
            Content.assemble(
                (f"Proposed from the timeline ({len(proposals)})", "bold $accent"),
                (
                    "  enter accepts (owner, due date, priority) · d discards; the event stays on the timeline",
                    "$foreground-muted",
                ),
            )
        )
        table.show(proposals)

    @on(DataTable.RowSelected, "#proposals")
    async def accept_proposal(self) -> None:
        """Enter on a proposal: give it an owner, due date and priority, and accept it."""
        event = self.query_one("#proposals", ProposalsTable).selected()
        if event is None:
            return

        def saved(item) -> None:
            if item is not None:
                self.notify(f"{item.key} accepted from the timeline.", markup=False)
                self.reload()

        people = await self.store_read(self.app.store.known_people)
        self.app.push_screen(AcceptProposalDialog(self.postmortem_id, people, self.app.clock().date(), event), saved)

    @on(ProposalsTable.Discard)
    async def discard_proposal(self, message: ProposalsTable.Discard) -> None:
        """d on a proposal: it is not a follow-up (one store call; a failure says why)."""
        try:
            await self.store_write(self.app.store.discard_proposal, self.postmortem_id, message.event_id)
        except StoreError as exc:
            self.notify(f"Not discarded: {exc}", severity="error", markup=False)
            return
        self.notify("Proposal discarded; the event stays on the timeline.", markup=False)
        self.reload()

    # dialogs and leaving --------------------------------------------------

    async def action_revisions(self) -> None:
        """Show this section's revisions; a restored one replaces the editor text."""
        if BY_NAME[self.current].kind not in EDITABLE_KINDS:
            self.notify(f"{BY_NAME[self.current].title} follows the incident; it has no revisions.", markup=False)
            return
        await self.save_now()
        found = await self.store_read(self.app.store.revisions, self.postmortem_id, self.current)

        def restore(text: str | None) -> None:
            if text is not None:
                self.editor.replace(text, (0, 0), self.editor.document.end)
                self.editor.focus()

        self.app.push_screen(RevisionsDialog(BY_NAME[self.current].title, found), restore)

    async def action_export(self) -> None:
        """Save, then export to a file."""
        if await self.save_now():

            def done(path) -> None:
                if path is not None:
                    self.notify(f"Exported to {path}.", markup=False)

            self.app.push_screen(ExportDialog(self.bundle.pm.key), done)

    async def action_review(self) -> None:
        """Reviewers, sign-offs and publishing (with what remains to fix)."""
        if not await self.save_now():
            return
        checker = text_checker(self.linter)
        check = await self.store_read(self.app.store.publish_check, self.postmortem_id, checker)

        def done(pm) -> None:
            if pm is not None:
                self.notify(f"{pm.key} is {pm.status.replace('_', ' ')}.", markup=False)
                self.reload()

        self.app.push_screen(ReviewDialog(self.bundle.pm, self.bundle.reviewers, check, checker), done)

    async def action_meeting(self) -> None:
        """Open review-meeting mode at the current section."""
        from .meeting import MeetingScreen

        def back(section: str | None) -> None:
            self.reload()
            if section:
                self.run_worker(self.goto(section), exit_on_error=False)

        if await self.save_now():
            self.app.push_screen(MeetingScreen(self.postmortem_id, self.current), back)

    async def action_back(self) -> None:
        """Save and go back; if the save fails, ask before leaving."""
        if await self.save_now():
            self.dismiss()
            return

        def answer(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(
            ConfirmDialog("Not saved", f"{self.save_state}. Leave and lose this text?", "Leave without saving", "Stay"),
            answer,
        )
