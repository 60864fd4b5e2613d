"""The engine: offsets, lines and columns, Markdown awareness, the
paragraph cache and fingerprints."""

import dataclasses

import pytest

from tui.hints import Hint, Linter, fingerprint, lint

from .samples import BLAMEFUL_POSTMORTEM, CLEAN_POSTMORTEM


def _rules(hints):
    return [h.rule for h in hints]


def test_hint_has_every_field_and_is_frozen():
    (hint,) = lint("Dana deleted the volume.")
    assert (hint.rule, hint.category, hint.level) == ("named-person-caused", "person_as_cause", "suggestion")
    assert (hint.start, hint.end, hint.line, hint.column, hint.text) == (5, 12, 1, 6, "deleted")
    assert hint.message and hint.why and hint.suggestions
    with pytest.raises(dataclasses.FrozenInstanceError):
        hint.level = "info"
    assert set(hint.to_dict()) == {f.name for f in dataclasses.fields(Hint)}


def test_clean_postmortem_has_no_warnings_or_suggestions():
    hints = lint(CLEAN_POSTMORTEM)
    assert hints == [], [(h.rule, h.text, h.line) for h in hints]


def test_blameful_postmortem_gets_the_expected_hints():
    found = {(h.rule, h.text) for h in lint(BLAMEFUL_POSTMORTEM)}
    assert found == {
        ("root-cause", "root cause"),
        ("human-error", "human error"),
        ("named-person-caused", "pushed a bad"),
        ("obviously", "obviously"),
        ("should-have-done", "should have tested"),
        ("why-didnt", "Why didn't the on-call"),
        ("all-they-had-to-do", "All they had to do"),
        ("be-more-careful", "be more careful"),
        ("retrain-person", "Retrain Dana"),
    }


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_offsets_lines_and_columns_are_exact(newline):
    text = BLAMEFUL_POSTMORTEM.replace("\n", newline)
    lines = text.split(newline)
    hints = lint(text)
    assert len(hints) == 9
    for hint in hints:
        assert text[hint.start : hint.end] == hint.text
        line = lines[hint.line - 1]
        assert line[hint.column - 1 : hint.column - 1 + len(hint.text)] == hint.text
    obviously = next(h for h in hints if h.rule == "obviously")
    assert (obviously.line, obviously.column) == (5, 62)


def test_hint_spanning_a_soft_line_break():
    text = "Intro line.\nThe on-call should\nhave checked the lag."
    (hint,) = lint(text)
    assert hint.text == "should\nhave checked" and (hint.line, hint.column) == (2, 13)


def test_headings_code_quotes_and_transcripts_are_skipped():
    text = (
        "# Why didn't the on-call escalate?\n\n```\nDana deleted the volume\n```\n\n"
        "> The root cause was human error.\n\n14:02 <dana> I forgot to check\n\n"
        "[14:03] <sam> obviously the cache\n\n    indented stays prose? obviously\n"
    )
    assert _rules(lint(text)) == ["obviously"]


def test_action_items_allow_forward_should_and_keep_punitive_hints():
    forward = "- Operators should check the lock before deploying."
    assert _rules(lint(forward)) == ["normative-should"]
    assert lint(forward, section="Action Items") == []
    assert lint("## Follow-ups\n\n" + forward) == []
    careful = "Engineers need to be more careful."
    assert _rules(lint(careful, section="Action Items")) == ["be-more-careful"]
    assert [h.level for h in lint(careful, section="Action Items")] == ["suggestion"]


def test_setext_heading_starts_a_section():
    text = "Action Items\n============\n\n- Operators should check the lock before deploying.\n"
    assert lint(text) == []
    assert _rules(lint(text.replace("Action Items", "Discussion"))) == ["normative-should"]


def test_cache_rechecks_only_the_changed_paragraph():
    paragraphs = [f"Paragraph {i}: the replica failed to catch up." for i in range(30)]
    paragraphs[7] = "The on-call should have checked the lag."
    text = "\n\n".join(paragraphs)
    linter = Linter()
    first = linter.lint(text)
    assert linter.checked == 30
    edited = text.replace("Paragraph 20:", "Paragraph 2O:")
    second = linter.lint(edited)
    assert linter.checked == 31
    assert _rules(first) == _rules(second) == ["should-have-done"]
    shifted = linter.lint("New first paragraph.\n\n" + text)
    assert linter.checked == 32
    assert shifted[0].start == first[0].start + len("New first paragraph.\n\n")
    assert shifted[0].line == first[0].line + 2


def test_fingerprint_survives_unrelated_edits_but_not_edits_to_the_sentence():
    text = "Intro.\n\nThe root cause was DNS.  Other text here."
    (hint,) = lint(text)
    key = fingerprint(hint, text)
    assert key.startswith("root-cause:")
    moved = "A new opening paragraph.\n\nIntro changed.\n\nthe root cause was  DNS Other text."
    (hint2,) = lint(moved)
    assert fingerprint(hint2, moved) != key  # the sentence itself changed
    moved = "A new opening paragraph.\n\nIntro changed.\n\nThe root cause was\nDNS!  More."
    (hint3,) = lint(moved)
    assert fingerprint(hint3, moved) == key
    assert fingerprint(hint3, moved.replace("\n", "\r\n")) == key


def test_dismissed_fingerprints_are_filtered():
    text = "The root cause was DNS. Dana deleted the volume."
    linter = Linter()
    root = next(h for h in linter.lint(text) if h.rule == "root-cause")
    left = linter.lint(text, dismissed={fingerprint(root, text)})
    assert _rules(left) == ["named-person-caused"]


def test_empty_and_odd_input():
    assert lint("") == [] and lint("\n\n\r\n") == [] and lint("#") == []
    assert lint("[/] [b] [@click=app.quit]x the root cause was DNS") != []


def test_fingerprint_of_a_list_item_ignores_its_neighbours():
    text = "- The root cause was DNS\n- Add a TTL alert\n"
    (hint,) = lint(text)
    edited = "- The root cause was DNS\n- Add a TTL alert on every zone\n- New item\n"
    (hint2,) = lint(edited)
    assert fingerprint(hint, text) == fingerprint(hint2, edited)
    assert Linter().lint(edited, dismissed={fingerprint(hint, text)}) == []


@pytest.mark.parametrize(
    "text",
    [
        "It is also worth saying that “operator error” is **never** a root cause.",
        "Any operator error is a symptom of a missing or broken mechanism.",
        "If someone deployed a change that broke things, it's not their fault.",
        "Punishing individuals for causing incidents discourages people from speaking up.",
        "The attacker could have used the stolen token for weeks.",
        "We were lucky: the outage could have been much worse.",
        "The replica failed to catch up after the partition.",
        "Root cause identified at 14:05 and a fix deployed.",
        "The root cause is still unknown.",
        "We ran a root-cause analysis with the vendor.",
        "The crates were very obviously crafted for malicious purposes.",
        "Permanently deleted the disruptive admission controller.",
        "Demand dropped below the limit before the limit was increased.",
        "So they could have tested their scenarios too.",
    ],
)
def test_real_clean_sentences_stay_quiet(text):
    assert lint(text) == [], [(h.rule, h.text) for h in lint(text)]


def test_root_cause_once_per_document_and_not_over_a_list_or_with_factors():
    text = "The root cause was DNS.\n\nLater the root cause was the TTL.\n"
    assert _rules(lint(text)) == ["root-cause"]
    assert lint("## Root causes\n\n- the TTL\n- the retry storm\n") == []
    assert lint("Root causes:\n\n- the TTL\n- the retry storm\n") == []
    factors = text + "\nContributing factors included the retry storm.\n"
    assert lint(factors) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Kim truncated the audit table.", "named-person-caused"),
        ("Sam has overwritten the config.", "named-person-caused"),
        ("The technician had accidentally deleted the applicant data.", "role-caused"),
        ("Another sysadmin, working late at night, had accidentally deleted a directory.", "role-caused"),
        ("Engineers need to be *very* careful with shared config.", "be-more-careful"),
        ("__Why didn't you__ check the dashboard?", "why-didnt"),
        ("The engineer who ran the script was fired the next morning.", "fire-person"),
        ("The outage was caused by a contractor accidentally deleting files.", "caused-by-person"),
    ],
)
def test_blame_told_as_a_story_inflected_or_emphasised_is_found(text, rule):
    assert rule in _rules(lint(text)), [(h.rule, h.text) for h in lint(text)]


def test_chat_export_messages_are_transcript():
    text = "> steve [5:00 PM]\nobviously the cache\n\n> kim [5:01 PM]\nyes\n\nObviously the cache was full.\n"
    assert [(h.rule, h.line) for h in lint(text)] == [("obviously", 7)]
