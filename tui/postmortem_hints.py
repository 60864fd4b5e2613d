"""Hints for the postmortem editor (pure: no Textual, no store).

Wraps the blameless hint engine for one section's text or the action item
titles, filters dismissed fingerprints, and applies a suggested rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .hints import Hint, Linter, fingerprint
from .hints.text import mask, scan, sentences

QUOTED = re.compile(r"[\"“](.+?)[\"”]")
MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")


@dataclass(frozen=True)
class ActionHint:
    """A hint on one action item's title."""

    action_id: int
    hint: Hint
    fingerprint: str


def section_hints(linter: Linter, text: str, title: str, dismissed: set[str]) -> list[Hint]:
    """The hints of one section's text, without dismissed ones, in order."""
    return linter.lint(text, title, dismissed)


def action_hints(linter: Linter, titles: list[tuple[int, str]], dismissed: set[str]) -> list[ActionHint]:
    """Hints on action item titles (``punitive_remedy`` and friends apply)."""
    found = []
    for action_id, title in titles:
        for hint in linter.lint(title, "Action Items", dismissed):
            found.append(ActionHint(action_id, hint, fingerprint(hint, title)))
    return found


def count_by_level(hints: list[Hint], level: str = "warning") -> int:
    """How many hints have ``level``."""
    return sum(1 for h in hints if h.level == level)


def hint_at(hints: list[Hint], offset: int) -> Hint | None:
    """The hint covering ``offset`` (or ending right at it)."""
    for hint in hints:
        if hint.start <= offset <= hint.end:
            return hint
    return None


def next_hint(hints: list[Hint], offset: int) -> Hint | None:
    """The first hint starting after ``offset``, wrapping to the first."""
    for hint in hints:
        if hint.start > offset:
            return hint
    return hints[0] if hints else None


def rewrite_of(suggestion: str) -> str:
    """The example sentence inside a suggestion's quotes (or the whole suggestion)."""
    match = QUOTED.search(suggestion)
    return (match.group(1) if match else suggestion).strip()


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """Character range of the sentence around ``offset`` (within its Markdown block)."""
    for block in scan(text):
        if block.start <= offset < block.end:
            paragraph = text[block.start:block.end]
            for first, last in sentences(mask(paragraph)):
                if first <= offset - block.start < last:
                    chunk = paragraph[first:last]
                    marker = MARKER.match(chunk)
                    lead = marker.end() if marker else len(chunk) - len(chunk.lstrip())
                    return block.start + first + lead, block.start + first + len(chunk.rstrip())
            return block.start, block.end
    return offset, offset


def apply_suggestion(text: str, hint: Hint, index: int = 0) -> tuple[str, int, int]:
    """Replace the hinted sentence with the suggestion's example rewrite.

    Returns the new text and the range of the inserted rewrite, which the
    editor selects so the writer can adapt it (undo restores the original).
    """
    if not hint.suggestions:
        return text, hint.start, hint.end
    rewrite = rewrite_of(hint.suggestions[index % len(hint.suggestions)])
    start, end = sentence_span(text, hint.start)
    return text[:start] + rewrite + text[end:], start, start + len(rewrite)
