"""How the review meeting draws a section for a room: the heading in large
block letters, the text bold and double-spaced, and each blameless hint
marked in place (⚑1, ⚑2 …) with the marks explained under the text, so the
room can talk about the wording. Pure functions (Textual's Content only)."""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content

from .hints import Hint

BIG_FONT = "future"  # three rows high, box-drawing strokes: crisp on any terminal font
MARK = "⚑"


@lru_cache(maxsize=64)
def big_heading(title: str, width: int) -> str | None:
    """``title`` in large letters that fit ``width`` columns, or None when they cannot."""
    if width < 12:
        return None
    import pyfiglet

    art = pyfiglet.Figlet(font=BIG_FONT, width=width).renderText(title)
    lines = [line.rstrip() for line in art.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    if not lines or max(len(line) for line in lines) > width:
        return None
    return "\n".join(lines)


def marked_text(text: str, hints: list[Hint]) -> Content:
    """The text with each hint's words underlined and followed by its mark (⚑1)."""
    parts: list = []
    position = 0
    for number, hint in enumerate(sorted(hints, key=lambda h: h.start), 1):
        if hint.start < position:
            continue  # overlapping hints share the first one's mark
        parts += [
            text[position : hint.start],
            (text[hint.start : hint.end], "bold underline $warning"),
            (f" {MARK}{number}", "bold reverse $warning"),
        ]
        position = hint.end
    parts.append(text[position:])
    return Content.assemble(*parts)


def hint_notes(hints: list[Hint]) -> Content:
    """``⚑1 “should have tested”: message`` for each mark, for the room to discuss."""
    lines = [
        Content.assemble(
            (f"{MARK}{number} ", "bold reverse $warning"), " ", (f"“{hint.text}”", "bold"), "  ", hint.message
        )
        for number, hint in enumerate(sorted(hints, key=lambda h: h.start), 1)
    ]
    return Content("\n\n").join(lines)


def double_spaced(content: Content, width: int) -> Content:
    """Wrap to ``width`` and leave a blank line between lines (paragraphs get two)."""
    if width < 10:
        return content
    paragraphs = content.split("\n", allow_blank=True)
    wrapped = [Content("\n\n").join(p.wrap(width)) if p.plain.strip() else Content("") for p in paragraphs]
    return Content("\n\n").join(wrapped)
