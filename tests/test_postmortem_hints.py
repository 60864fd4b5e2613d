"""The editor's pure hint helpers: filtering dismissed hints, navigation, rewrites."""

from __future__ import annotations

from tui.hints import Linter, fingerprint
from tui.postmortem_hints import action_hints, hint_at, next_hint, rewrite_edit, section_hints

TEXT = "The rollback started. Bob should have checked the pool size. Service recovered.\n\n- The engineer failed to notice it."


def test_dismissed_fingerprint_survives_unrelated_edit() -> None:
    linter = Linter()
    hints = section_hints(linter, TEXT, "Root Cause", set())
    assert [h.rule for h in hints] == ["should-have-done", "failed-to"]
    dismissed = {fingerprint(hints[0], TEXT)}
    edited = "Traffic was normal.\n\n" + TEXT
    assert [h.rule for h in section_hints(linter, edited, "Root Cause", dismissed)] == ["failed-to"]


def test_navigation_and_template_rewrite_keep_the_writers_words() -> None:
    linter = Linter()
    hints = section_hints(linter, TEXT, "Root Cause", set())
    assert hint_at(hints, hints[0].start + 2) is hints[0] and hint_at(hints, 0) is None
    assert next_hint(hints, hints[1].start) is hints[0]
    edit = rewrite_edit(linter, TEXT, hints[1])
    text = edit.apply(TEXT)
    assert edit.kind == "template" and "[placeholder]" in edit.label
    assert text.endswith(
        "- The engineer failed to notice it. [what was done], because [what was known or shown at the time]."
    )
    assert text[edit.select[0] : edit.select[1]] == "[what was done]"
    text = rewrite_edit(linter, TEXT, hints[0]).apply(TEXT)
    assert "Bob should have checked the pool size. [what was done], because" in text
    assert text.startswith("The rollback started.") and "Service recovered." in text


def test_template_never_inserts_another_incidents_sentence_and_is_listed_unfilled() -> None:
    from tui.hints.rewrite import unfilled

    linter = Linter()
    for rule in linter.rules:
        hint = next(
            (
                h
                for h in linter.lint(rule.example, None if "prose" in rule.sections else "Action Items")
                if h.rule == rule.id
            ),
            None,
        )
        edit = rewrite_edit(linter, rule.example, hint)
        if edit.kind != "template":
            continue
        new = edit.apply(rule.example)
        assert rule.rewrite not in new and all(s not in new for s in rule.suggestions)
        assert unfilled(new, linter.rules), rule.id


def test_exact_replacement_rewrites_only_the_span() -> None:
    linter = Linter()
    text = "Alex pushed the limits, which was human error. The root cause was a missing unit."
    human, root = section_hints(linter, text, "Root Cause", set())
    edit = rewrite_edit(linter, text, human)
    new = edit.apply(text)
    assert new == "Alex pushed the limits, which was [action] because [condition]. The root cause was a missing unit."
    assert new[edit.select[0] : edit.select[1]] == "[action]" and edit.kind == "replace"
    assert edit.label == "replace “human error” with “[action] because [condition]”"
    assert rewrite_edit(linter, text, root).apply(text).endswith("The trigger was a missing unit.")


def test_action_titles_get_punitive_remedy_hints() -> None:
    found = action_hints(Linter(), [(1, "Retrain the on-call engineer"), (2, "Alert on pool saturation")], set())
    assert [(a.action_id, a.hint.category) for a in found] == [(1, "punitive_remedy")]
    assert action_hints(Linter(), [(1, "Retrain the on-call engineer")], {found[0].fingerprint}) == []


def test_publish_check_lists_placeholders_a_rewrite_left(demo_store) -> None:
    from tui.dialogs.review import check_text
    from tui.postmortem_state import load_bundle, publish_check

    pm = demo_store.create_postmortem(12)
    demo_store.save_section(pm.id, "summary", "It was [action] because [condition]. Our [x] and [red]x[/red] stay.")
    guardrail = "[a guardrail: a confirmation, check or automation]"
    demo_store.create_action_item(f"Deploys have {guardrail}", postmortem_id=pm.id)
    check = publish_check(load_bundle(demo_store, pm.id), Linter())
    assert check.placeholders == [("Summary", "[action]"), ("Summary", "[condition]"), ("Action Items", guardrail)]
    assert not check.clean
    assert "Placeholders to fill in: Summary “[action]”, Summary “[condition]”" in str(check_text(check))
