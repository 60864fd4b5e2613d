"""Search hits as safe renderables: where a hit is, and its snippet with the
matched words emphasised (user text is never parsed as markup)."""

from __future__ import annotations

from rich.text import Text

from store.postmortem_parts import BY_NAME
from store.search import KIND_LABELS, MARK_END, MARK_START, SearchHit

FTS_SYNTAX = ('"', "*", "(", ")", " OR ", " AND ", " NOT ", "NEAR", ":", "^")


def where(hit: SearchHit) -> str:
    """``INC-0013 · Postmortem: Root Cause``."""
    label = KIND_LABELS.get(hit.kind, hit.kind)
    if hit.kind == "section" and hit.section in BY_NAME:
        label = f"{label}: {BY_NAME[hit.section].title}"
    return f"{hit.incident_key or '—'} · {label}"


def snippet_text(snippet: str, style: str = "bold reverse") -> Text:
    """The snippet with marked words styled and the marks removed."""
    text, inside = Text(), False
    for index, part in enumerate(snippet.replace(MARK_END, MARK_START).split(MARK_START)):
        inside = index % 2 == 1
        text.append(" ".join(part.split("\n")), style=style if inside else None)
    return text


def is_fts_query(text: str) -> bool:
    """True when the person typed FTS syntax (then it is used as written)."""
    return any(token in text for token in FTS_SYNTAX)
