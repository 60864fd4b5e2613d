"""Property tests: whatever the text, hints point at exactly what they say."""

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.hints import Linter, lint

FRAGMENTS = [
    "Dana deleted the volume.",
    "The root cause was DNS.",
    "obviously",
    "should have checked",
    "# Heading",
    "> quote",
    "```",
    "- ",
    "<!-- blameless ignore -->",
    "`code`",
    '"quoted"',
    "14:02 <sam> hi",
    "Why didn't the on-call page?",
    "just",
    "[/]",
    "[b]",
    "é",
    "\t",
    " ",
]
SEPARATORS = ["\n", "\r\n", "\n\n", "\r\n\r\n", "\r", " ", ""]


@st.composite
def documents(draw):
    parts = draw(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=25))
    return "".join(f + s for f, s in parts)


def _check(text):
    for hint in lint(text):
        assert text[hint.start : hint.end] == hint.text
        lines = re.split(r"\r\n|\n|\r", text[: hint.start])  # LF, CRLF or a lone CR
        assert (hint.line, hint.column) == (len(lines), len(lines[-1]) + 1)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_offsets_are_exact_for_any_markdown(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_is_safe(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(documents(), documents())
def test_cache_gives_the_same_answer_as_a_fresh_linter(first, second):
    linter = Linter()
    linter.lint(first)
    assert linter.lint(second) == Linter().lint(second)


def test_one_long_paragraph_stays_linear():
    """Three times the text takes about three times as long (not nine: no backtracking blow-up).
    A ratio measured in the same run, so a loaded machine does not fail it."""

    def timed(repeats: int) -> float:
        text = "the on-call should have checked and " * repeats
        start = time.perf_counter()
        assert len(lint(text)) == repeats
        return time.perf_counter() - start

    timed(100)  # warm the caches and the lazily loaded rules
    assert timed(3000) < 6 * timed(1000)
