"""Pilot tests of the postmortem editor: start from an incident, hints as you
type, rewrite, dismiss (remembered), autosave, action items, review states."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from store import Store
from tests.conftest import MARKUP_TRAPS, SIZE, make_app
from tui.postmortem_nav import open_postmortem
from tui.screens.postmortem import PostmortemScreen

BLAME = "Bob should have checked the pool size before deploying."


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_editor(app, pilot, incident_id: int, section: str | None = None) -> PostmortemScreen:
    await open_postmortem(app, incident_id, section)
    await settle(app, pilot)
    assert isinstance(app.screen, PostmortemScreen)
    return app.screen


async def test_p_on_incident_starts_prefilled_postmortem(demo_store: Store) -> None:
    demo_store.update_incident(12, summary="Valid API calls were rejected with 429.")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_incident(12)
        await settle(app, pilot)
        await pilot.press("ctrl+n")  # the postmortem key acts from the capture line too
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PostmortemScreen)
        pm = demo_store.get_postmortem("PM-0012")
        assert pm.status == "draft" and pm.author == "dana"
        assert screen.editor.text == "Valid API calls were rejected with 429."
        head = str(screen.query_one("#section-head").render())
        assert "Duration: 52m (18:00–18:52 UTC)" in head and "Severity: SEV2" in head


async def test_blameful_sentence_hint_rewrite_and_autosave(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "root_cause")
        screen.editor.focus()
        screen.editor.insert(BLAME)
        await pilot.pause()
        assert [h.rule for h in screen.hints] == ["should-have-done"]
        assert screen.editor.hints == screen.hints
        assert "Move the cursor onto" in str(screen.query_one("#hint-detail").render())
        await pilot.press("ctrl+n")
        assert screen.editor.cursor_location == (0, 4)
        assert "should have checked" in str(screen.query_one("#hint-detail").render())
        assert "ctrl+r will insert a sentence to fill in after yours" in str(screen.query_one("#hint-detail").render())
        await pilot.press("ctrl+r")
        await pilot.pause()
        example = "[what was done], because [what was known or shown at the time]."
        assert screen.editor.text == f"{BLAME} {example}" and screen.editor.selected_text == "[what was done]"
        await pilot.press("ctrl+z")
        assert screen.editor.text == BLAME
        await pilot.press("ctrl+y")
        screen.editor.replace("", (0, 0), screen.editor.offset_location(len(BLAME) + 1))
        await pilot.pause()
        assert screen.editor.text == example and screen.hints == []
        await pilot.pause(1.3)
        await settle(app, pilot)
        pm = demo_store.get_postmortem("PM-0012")
        assert demo_store.section_text(pm.id, "root_cause") == screen.editor.text
        assert demo_store.revisions(pm.id, "root_cause")


async def test_rewrite_replaces_only_the_hinted_words_and_undoes(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "went_wrong")
        screen.editor.focus()
        typed = "Obviously, the limiter rejected valid calls, which was human error."
        await pilot.press(*typed)
        await pilot.press("ctrl+n")
        assert "ctrl+r will remove “Obviously”" in str(screen.query_one("#hint-detail").render())
        await pilot.press("ctrl+r")
        assert screen.editor.text == "The limiter rejected valid calls, which was human error."
        await pilot.press("ctrl+n", "ctrl+r")
        assert screen.editor.text == "The limiter rejected valid calls, which was [action] because [condition]."
        assert screen.editor.selected_text == "[action]"
        await pilot.press(*"a retry")
        assert screen.editor.text == "The limiter rejected valid calls, which was a retry because [condition]."
        await pilot.press("ctrl+z", "ctrl+z")  # the typing, then the typed-over selection
        assert screen.editor.text == "The limiter rejected valid calls, which was [action] because [condition]."
        await pilot.press("ctrl+z")
        assert screen.editor.text == "The limiter rejected valid calls, which was human error."
        await pilot.press("ctrl+z")
        assert screen.editor.text == typed


async def test_dismiss_is_remembered_after_unrelated_edits(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "went_wrong")
        screen.editor.focus()
        screen.editor.insert(f"The alert was quiet. {BLAME}")
        await pilot.press("ctrl+n", "ctrl+g")
        await settle(app, pilot)
        assert screen.hints == []
        pm = demo_store.get_postmortem("PM-0012")
        assert len(demo_store.dismissed_hints(pm.id)) == 1
        screen.editor.move_cursor((0, 0))
        screen.editor.insert("Traffic was normal. ")
        await pilot.pause()
        assert screen.hints == [] and "Traffic was normal." in screen.editor.text
        await pilot.press("escape")
        await settle(app, pilot)
        screen = await open_editor(app, pilot, 12, "went_wrong")
        assert screen.editor.text.startswith("Traffic was normal.") and screen.hints == []


async def test_add_action_item_with_natural_date_and_traps(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "actions")
        await pilot.press("a")
        await settle(app, pilot)
        dialog = app.screen
        dialog.query_one("#title", Input).value = "Retrain the on-call engineer [b]bold"
        await pilot.pause()
        assert dialog.query_one("#title-hint").display
        dialog.query_one("#owner", Input).value = MARKUP_TRAPS[3]
        dialog.query_one("#due", Input).value = "next week"
        dialog.query_one("#title", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert "due date 'next week' is not understood" in str(dialog.query_one("#error").render())
        dialog.query_one("#due", Input).value = "fri"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen and app.is_running
        pm = demo_store.get_postmortem("PM-0012")
        [item] = demo_store.action_items_for_postmortem(pm.id)
        assert (item.title, item.owner, item.due_date) == (
            "Retrain the on-call engineer [b]bold",
            MARKUP_TRAPS[3],
            date(2025, 12, 5),
        )
        assert screen.action_hint_list and screen.action_hint_list[0].hint.category == "punitive_remedy"
        assert screen.counts["actions"][0] == 1


async def test_action_item_by_keyboard_then_ctrl_r_rewords_its_title(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "actions")
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press(*"Engineers need to be more careful with limits", "tab", *"pri", "right", "tab", *"+7d")
        dialog = app.screen
        assert dialog.query_one("#owner", Input).value == "priya"
        assert str(dialog.query_one("#due-preview").render()) == "→ Fri 05 Dec 2025"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        table = screen.query_one("#actions")
        assert str(table.get_row_at(0)[0]) == "⚠ 1"
        await pilot.press("ctrl+n")
        assert "ctrl+r will open the item to replace “be more careful”" in str(
            screen.query_one("#hint-detail").render()
        )
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        title = app.screen.query_one("#title", Input)
        assert title.value == "Engineers need to have [a guardrail: a confirmation, check or automation] with limits"
        assert title.selected_text == "[a guardrail: a confirmation, check or automation]"
        await pilot.press(*"a dry-run diff", "ctrl+s")
        await settle(app, pilot)
        pm = demo_store.get_postmortem("PM-0012")
        [item] = demo_store.action_items_for_postmortem(pm.id)
        assert item.title == "Engineers need to have a dry-run diff with limits" and item.owner == "priya"
        assert screen.action_hint_list == [] and str(table.get_row_at(0)[0]) == ""


async def test_review_workflow_from_draft_to_published(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12)
        pm_id = demo_store.get_postmortem("PM-0012").id
        await pilot.press("f4")
        await settle(app, pilot)
        app.screen.query_one("#reviewers", Input).value = "marcus, priya"
        await pilot.press("enter")
        await settle(app, pilot)
        assert demo_store.get_postmortem_by_id(pm_id).status == "in_review"
        await pilot.press("f4")
        await settle(app, pilot)
        check = str(app.screen.query_one("#check").render())
        assert "Empty required sections" in check and "Root Cause" in check
        app.screen.query_one("#signoffs").focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert demo_store.reviewers(pm_id)[0].signed_off_at is not None
        assert "✓ marcus  signed off 2025-11-28 09:00 UTC" in str(
            app.screen.query_one("#signoffs").get_option("marcus").prompt
        )
        await pilot.click("#publish")
        await settle(app, pilot)
        assert demo_store.get_postmortem_by_id(pm_id).status == "published"
        assert "published (edits are kept as new revisions)" in str(screen.query_one("#title-bar").render())


async def test_quit_saves_unsaved_text(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "lessons")
        screen.editor.insert("Rate limits need a staged rollout.")
        await app.action_quit()
    pm = demo_store.get_postmortem("PM-0012")
    assert demo_store.section_text(pm.id, "lessons") == "Rate limits need a staged rollout."


async def test_markup_like_prose_is_shown_literally(demo_store: Store) -> None:
    pm = demo_store.create_postmortem(12)
    prose = " ".join(MARKUP_TRAPS)
    demo_store.save_section(pm.id, "summary", prose)
    demo_store.create_action_item(MARKUP_TRAPS[1], owner=MARKUP_TRAPS[0], postmortem_id=pm.id)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12)
        assert screen.editor.text == prose
        await pilot.press("f5")
        await settle(app, pilot)
        assert prose in str(app.screen.query_one("#meeting-text").render())
        assert app.is_running


async def test_edit_from_another_process_shows_unless_typing(demo_store: Store) -> None:
    from tui.messages import DataChanged

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 13, "lessons")
        demo_store.save_section(1, "lessons", "Written by a colleague.", author="marcus")
        screen.post_message(DataChanged())
        await settle(app, pilot)
        assert screen.editor.text == "Written by a colleague."
        screen.editor.insert("Mine: ")
        demo_store.save_section(1, "lessons", "Another outside edit.", author="marcus")
        screen.post_message(DataChanged())
        await settle(app, pilot)
        assert screen.editor.text == "Mine: Written by a colleague."


async def test_f1_shows_editor_help(demo_store: Store) -> None:
    from tui.dialogs.help import HelpScreen

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(app, pilot, 13)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and "ctrl+r" in app.screen.markdown


async def test_f3_exports_markdown_and_says_the_full_path(demo_store: Store, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(app, pilot, 12)
        await pilot.press("f3")
        await settle(app, pilot)
        assert str(tmp_path) in str(app.screen.query("Label")[1].render())
        await pilot.press("enter")
        await settle(app, pilot)
        written = tmp_path / "PM-0012.md"
        assert written.read_text(encoding="utf-8").startswith("# Postmortem: API rate limiter rejected valid traffic")
        assert any(f"Exported to {written}." == n.message for n in app._notifications)


async def test_typing_redraws_only_what_changed(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "went_wrong")
        screen.editor.focus()
        screen.editor.load_text(f"The alert was quiet.\n\n{BLAME}\n\nThe pool recovered.")
        await pilot.pause()
        sections, panel = screen.query_one("#sections"), screen.query_one("#hints")
        calls = []
        sections.replace_option_prompt = lambda *args: calls.append(args)
        panel.query_one("#hint-list").update = lambda *args: calls.append(args)
        screen.editor.cursor_location = (4, 3)
        await pilot.press(*"ly")
        assert screen.editor.document.get_line(4) == "Thely pool recovered." and calls == []
        assert [screen.editor.offset_location(h.start) for h in screen.hints] == [(2, 4)]
        assert screen.editor.location_offset((4, 3)) == screen.editor.text.index("ly pool")


async def test_footer_offers_tick_only_in_the_checklist(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "factors")
        screen.editor.focus()
        await pilot.pause()
        assert "postmortem.tick" in {b.id for _, b, enabled, _ in app.active_bindings.values() if enabled}
        await pilot.press("ctrl+down")
        await settle(app, pilot)
        assert "postmortem.tick" not in {b.id for _, b, enabled, _ in app.active_bindings.values() if enabled}


async def test_offsets_follow_crlf_text(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "went_wrong")
        screen.editor.load_text("The alert was quiet.\r\n\r\nIt was obviously the limiter.")
        await pilot.pause()
        [hint] = screen.hints
        assert screen.editor.text[hint.start : hint.end] == "obviously"
        assert screen.editor.offset_location(hint.start) == (2, 7)
        assert screen.editor.location_offset((2, 7)) == hint.start


async def test_ctrl_r_in_the_action_dialog_rewords_the_title(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(app, pilot, 12, "actions")
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press(*"Be more careful with [b]limits[/b]")
        dialog = app.screen
        assert "ctrl+r will replace “Be more careful” with “Have [a guardrail" in str(
            dialog.query_one("#title-hint").render()
        )
        await pilot.press("ctrl+r")
        title = dialog.query_one("#title", Input)
        assert title.value == "Have [a guardrail: a confirmation, check or automation] with [b]limits[/b]"
        await pilot.press(*"a dry-run")
        assert title.value == "Have a dry-run with [b]limits[/b]" and not dialog.query_one("#title-hint").display


async def test_failed_autosave_is_reported_once_and_the_text_kept(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "impact")
        screen.editor.focus()
        screen.editor.load_text("Lots of users\nRevenue impact: none")
        screen.editor.cursor_location = (1, 20)
        await pilot.press("s")
        await pilot.pause(1.3)
        await settle(app, pilot)
        await pilot.press("!")
        await pilot.pause(1.3)
        await settle(app, pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "Impact line 'Lots of users' is not understood" in errors[0].message
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert len([n for n in app._notifications if n.severity == "error"]) == 2
        assert screen.editor.text == "Lots of users\nRevenue impact: nones!"
        assert "Not saved" in str(screen.query_one("#title-bar").render())


async def test_ctrl_q_in_the_action_dialog_asks_before_dropping_a_typed_item(demo_store: Store) -> None:
    from tui.dialogs.confirm import ConfirmDialog

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(app, pilot, 12, "actions")
        await pilot.press("a")
        await settle(app, pilot)
        dialog = app.screen
        await pilot.press(*"Alert on 429 rate", "ctrl+q")
        await settle(app, pilot)
        assert app.is_running and isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is dialog and dialog.query_one("#title", Input).value == "Alert on 429 rate"


async def test_users_affected_takes_free_text_and_never_blocks_the_next_section(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "impact")
        screen.editor.focus()
        screen.editor.load_text("Users affected: ~30% of EU checkout attempts\nRevenue impact: none\nSLO impact: 99.2%")
        await pilot.press("ctrl+down")
        await settle(app, pilot)
        assert screen.current == "went_well"
        incident = demo_store.get_incident(12)
        assert (incident.users_affected, incident.users_affected_text) == (None, "~30% of EU checkout attempts")
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_factors_offer_the_seed_checklist_and_keep_custom_ones(demo_store: Store) -> None:
    from store.postmortem_parts import SEED_FACTORS

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 12, "factors")
        lines = screen.editor.text.splitlines()
        assert lines == [f"- [ ] {f}" for f in SEED_FACTORS]
        screen.editor.focus()
        screen.editor.cursor_location = (3, 0)
        await pilot.press("ctrl+t")
        screen.editor.insert("\n- [x] Rate limiter shared between tenants", screen.editor.document.end)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        pm = demo_store.get_postmortem("PM-0012")
        ticked = [t for t, c in demo_store.factors(pm.id) if c]
        assert ticked == [SEED_FACTORS[3], "Rate limiter shared between tenants"]
        text = demo_store.export("postmortem", "PM-0012", "md")
        factors = text.split("## Contributing Factors")[1].split("##")[0]
        assert factors.strip().splitlines() == [f"- [x] {SEED_FACTORS[3]}", "- [x] Rate limiter shared between tenants"]


async def test_action_events_are_proposed_and_accepted_or_discarded_in_the_editor(demo_store: Store) -> None:
    from tui.dialogs.accept_proposal import AcceptProposalDialog
    from tui.widgets.proposals_table import ProposalsTable

    follow = demo_store.add_event(13, "Alert on pool saturation [b]80%[/b]", kind="action")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_editor(app, pilot, 13, "actions")
        table = screen.query_one("#proposals", ProposalsTable)
        assert table.display and [e.text for e in table.events] == [
            "Rollback to v2.3.0 initiated",
            "Alert on pool saturation [b]80%[/b]",
        ]
        table.focus()
        await pilot.press("down", "enter")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AcceptProposalDialog)
        assert dialog.query_one("#title", Input).value == "Alert on pool saturation [b]80%[/b]"
        dialog.query_one("#owner", Input).value = "alex"
        dialog.query_one("#due", Input).value = "2025-12-05"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        pm = demo_store.get_postmortem("PM-0013")
        item = next(a for a in demo_store.action_items_for_postmortem(pm.id) if a.title.startswith("Alert on pool sat"))
        assert (item.owner, item.due_date) == ("alex", date(2025, 12, 5))
        assert [e.id for e in table.events] != [] and follow.id not in [e.id for e in table.events]
        table.focus()
        await pilot.press("d")
        await settle(app, pilot)
        assert demo_store.proposed_actions(pm.id) == [] and not table.display
        assert "| Alert on pool saturation [b]80%[/b] | alex | 2025-12-05 |" in demo_store.export(
            "postmortem", "PM-0013", "md"
        )


async def test_f3_exports_a_review_copy_as_html_with_the_key_timeline(demo_store: Store, tmp_path, monkeypatch) -> None:
    from textual.widgets import Checkbox, Select, Static

    monkeypatch.chdir(tmp_path)
    pm = demo_store.get_postmortem("PM-0013")
    demo_store.save_section(pm.id, "went_wrong", "It was obviously human error.")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_editor(app, pilot, 13)
        await pilot.press("f3")
        await settle(app, pilot)
        dialog = app.screen
        assert dialog.query_one("#with-hints", Checkbox).disabled  # .md: no margin notes
        dialog.query_one("#path", Input).value = "review.html"
        await pilot.pause()
        assert not dialog.query_one("#with-hints", Checkbox).disabled
        dialog.query_one("#with-hints", Checkbox).value = True
        dialog.query_one("#timeline", Select).value = "pinned"
        dialog.query_one("#path", Input).value = "missing/dir/review.html"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog and "Not written: Cannot write" in str(dialog.query_one("#error", Static).render())
        dialog.query_one("#path", Input).value = "review.html"
        await pilot.press("enter")
        await settle(app, pilot)
        page = (tmp_path / "review.html").read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and 'class="margin-notes"' in page and "human error" in page
        assert "On-call engineer paged" not in page and "★ First error alerts" in page
