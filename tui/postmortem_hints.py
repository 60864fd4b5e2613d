"""Hints for the postmortem editor (pure: no Textual, no store).

Wraps the blameless hint engine for one section's text or the action item
titles, filters dismissed fingerprints, and plans the rewrite ctrl+r applies.
"""

from __future__ import annotations

from dataclasses import dataclass

from .hints import Hint, Linter, fingerprint
from .hints.rewrite import Edit, plan


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


def rewrite_edit(linter: Linter, text: str, hint: Hint) -> Edit | None:
    """What ctrl+r does to ``hint``: the rule's exact replacement of the
    span, or (when it has none) the rule's template with [placeholders]
    inserted after the sentence."""
    rule = linter.by_id.get(hint.rule)
    return plan(text, hint, rule) if rule is not None else None
