"""Rewrites of a hint's words, as the editor's ctrl+r applies them.

A rule may give an exact replacement for its matched span (``replace`` in
``rules.yml``): "just" is removed and the spacing fixed, "Obviously, the…"
becomes "The…", "root cause" becomes "trigger". When a rule has none, the
rewrite inserts the rule's ``template`` after the writer's sentence: a
sentence shape with ``[placeholders]`` ("[what was done], because [what was
known at the time]."), never a finished sentence about another incident, so
nothing invented reads as fact and the publish check lists every
placeholder left unfilled. An :class:`Edit` is one replacement of a range of
the text, which the editor applies as a single undoable change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Hint, Rule
from .text import mask, scan, sentences

QUOTED = re.compile(r"[\"“](.+?)[\"”]")
MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
PLACEHOLDER = re.compile(r"\[[^\[\]\n]+\]")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``; afterwards select
    ``select`` (offsets into the new text). ``kind`` is ``replace``,
    ``remove`` or ``example``; ``label`` says what happens, for the panel."""

    start: int
    end: int
    new: str
    select: tuple[int, int]
    kind: str
    label: str

    def apply(self, text: str) -> str:
        """The text after this edit."""
        return text[: self.start] + self.new + text[self.end :]


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """Character range of the sentence around ``offset`` (within its Markdown
    block, without a list marker or checkbox in front)."""
    for block in scan(text):
        if block.start <= offset < block.end:
            paragraph = text[block.start : block.end]
            for first, last in sentences(mask(paragraph)):
                if first <= offset - block.start < last:
                    chunk = paragraph[first:last]
                    marker = MARKER.match(chunk)
                    lead = marker.end() if marker else len(chunk) - len(chunk.lstrip())
                    return block.start + first + lead, block.start + first + len(chunk.rstrip())
            return block.start, block.end
    return offset, offset


def plan(text: str, hint: Hint, rule: Rule) -> Edit | None:
    """The edit ctrl+r makes for ``hint``: the rule's exact replacement of
    the span when it has one, else the rule's template inserted after the
    sentence, its first placeholder selected."""
    new = rule.replacement(hint.text)
    if new is None:
        return _insert_template(text, hint, rule)
    if new == "":
        return _removal(text, hint)
    if hint.text[:1].isupper() and new[:1].islower():
        new = new[0].upper() + new[1:]
    first = PLACEHOLDER.search(new)
    select = (hint.start + first.start(), hint.start + first.end()) if first else (hint.start, hint.start + len(new))
    return Edit(hint.start, hint.end, new, select, "replace", f"replace “{hint.text}” with “{new}”")


def placeholders(rules: tuple[Rule, ...] | list[Rule]) -> frozenset[str]:
    """Every ``[placeholder]`` a rule's replacement or template can leave
    for the writer."""
    found = {mark for rule in rules for item in rule.replace for mark in PLACEHOLDER.findall(item.to)}
    return frozenset(found | {mark for rule in rules for mark in PLACEHOLDER.findall(rule.template)})


def unfilled(text: str, rules: tuple[Rule, ...] | list[Rule]) -> list[str]:
    """The rewrite placeholders still in ``text``, in order."""
    known = placeholders(rules)
    return [found.group(0) for found in PLACEHOLDER.finditer(text) if found.group(0) in known]


def _insert_template(text: str, hint: Hint, rule: Rule) -> Edit:
    _, end = sentence_span(text, hint.start)
    new = " " + rule.template
    first = PLACEHOLDER.search(new)
    select = (end + first.start(), end + first.end()) if first else (end + 1, end + len(new))
    return Edit(
        end,
        end,
        new,
        select,
        "template",
        "insert a sentence to fill in after yours: replace each [placeholder]; your words stay",
    )


def _removal(text: str, hint: Hint) -> Edit:
    """Remove the span, fixing commas and spaces, and capitalise the next
    word when the span began the sentence."""
    start, end, label = hint.start, hint.end, f"remove “{hint.text}”"
    if sentence_span(text, start)[0] == start:
        after = end + re.match(r"[ \t]*,?[ \t]*", text[end:]).end()
        letter = text[after : after + 1]
        if letter.islower():
            return Edit(start, after + 1, letter.upper(), (start, start), "remove", label)
        return Edit(start, after, "", (start, start), "remove", label)
    left, right = text[:start], text[end:]
    comma = re.search(r",[ \t]*$", left)
    if comma and (right[:1] == "," or re.match(r"[.;:!?)]|\s*$|\n", right)):
        stop = end + 1 if right[:1] == "," else end
        return Edit(comma.start(), stop, "", (comma.start(), comma.start()), "remove", label)
    spaces = len(left) - len(left.rstrip(" \t"))
    if spaces:
        return Edit(start - spaces, end, "", (start - spaces, start - spaces), "remove", label)
    stop = end + len(right) - len(right.lstrip(" \t"))
    return Edit(start, stop, "", (start, start), "remove", label)
