"""The editor's pure hint helpers: filtering dismissed hints, navigation, rewrites."""

from __future__ import annotations

from tui.hints import Linter, fingerprint
from tui.postmortem_hints import action_hints, apply_suggestion, hint_at, next_hint, rewrite_of, section_hints

TEXT = "The rollback started. Bob should have checked the pool size. Service recovered.\n\n- The engineer failed to notice it."


def test_dismissed_fingerprint_survives_unrelated_edit() -> None:
    linter = Linter()
    hints = section_hints(linter, TEXT, "Root Cause", set())
    assert [h.rule for h in hints] == ["should-have-done", "failed-to"]
    dismissed = {fingerprint(hints[0], TEXT)}
    edited = "Traffic was normal.\n\n" + TEXT
    assert [h.rule for h in section_hints(linter, edited, "Root Cause", dismissed)] == ["failed-to"]


def test_navigation_and_rewrite_keep_the_rest_of_the_text() -> None:
    hints = section_hints(Linter(), TEXT, "Root Cause", set())
    assert hint_at(hints, hints[0].start + 2) is hints[0] and hint_at(hints, 0) is None
    assert next_hint(hints, hints[1].start) is hints[0]
    text, start, end = apply_suggestion(TEXT, hints[1])
    assert text.endswith("- The page was acknowledged 20 minutes after it fired.")
    assert text[start:end] == "The page was acknowledged 20 minutes after it fired."
    text, _, _ = apply_suggestion(TEXT, hints[0])
    assert text.startswith("The rollback started. The on-call restarted the primary;")
    assert "Service recovered." in text and "should have" not in text


def test_rewrite_of_takes_the_quoted_example() -> None:
    assert rewrite_of('Say it: "A thing happened."') == "A thing happened."
    assert rewrite_of("No quotes here") == "No quotes here"


def test_action_titles_get_punitive_remedy_hints() -> None:
    found = action_hints(Linter(), [(1, "Retrain the on-call engineer"), (2, "Alert on pool saturation")], set())
    assert [(a.action_id, a.hint.category) for a in found] == [(1, "punitive_remedy")]
    assert action_hints(Linter(), [(1, "Retrain the on-call engineer")], {found[0].fingerprint}) == []
