"""A postmortem as one self-contained HTML page: readable on screen, printable,
with no external assets (the style is inline, images are not rendered, a
Content-Security-Policy forbids scripts and remote loads).

The page is rendered from the same Markdown parts as the Markdown export, with
``markdown-it-py`` and ``html=False``: raw HTML in any incident text is shown
as text, never interpreted, and unsafe link schemes (``javascript:``,
``data:``) are refused by the renderer. A review copy can carry the blameless
hints as margin notes (computed by the caller: the hint engine lives in the UI
layer and the store does not import it).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from .export_html_style import STYLE
from .export_postmortem import Part

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True)
class MarginNote:
    """A blameless-language hint shown beside a section of the review copy."""

    section: str
    phrase: str
    message: str
    level: str = "suggestion"


def _renderer() -> Any:
    """CommonMark with tables and strikethrough, raw HTML off, images off."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"]).disable("image")

    def link_open(renderer, tokens, idx, options, env):
        tokens[idx].attrSet("rel", "noopener noreferrer nofollow")
        return renderer.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    return md


def _checkboxes(body: str) -> str:
    """Task-list lines as ☑ / ☐ (CommonMark has no checkboxes)."""
    lines = []
    for line in body.split("\n"):
        if line.startswith("- [x] ") or line.startswith("- [X] "):
            line = "- ☑ " + line[6:]
        elif line.startswith("- [ ] "):
            line = "- ☐ " + line[6:]
        lines.append(line)
    return "\n".join(lines)


def _notes_html(notes: list[MarginNote]) -> str:
    if not notes:
        return ""
    items = "".join(
        f'<li class="note {escape(n.level)}"><q>{escape(n.phrase)}</q> {escape(n.message)}</li>' for n in notes
    )
    return f'<aside class="margin-notes" aria-label="Review notes"><ul>{items}</ul></aside>'


def _section(md: Any, part: Part, notes: list[MarginNote]) -> str:
    body = _checkboxes(part.body) if part.name == "factors" else part.body
    return (
        f'<section id="{escape(part.name)}" class="part part-{escape(part.name)}">'
        f'<div class="content"><h2>{escape(part.heading)}</h2>{md.render(body)}</div>'
        f"{_notes_html(notes)}</section>"
    )


def postmortem_html(title: str, subtitle: str, parts: list[Part], notes: list[MarginNote] | None = None) -> str:
    """The whole page. ``notes`` (a review copy) adds a margin column of hints."""
    md = _renderer()
    review = notes is not None
    by_section: dict[str, list[MarginNote]] = {}
    for note in notes or []:
        by_section.setdefault(note.section, []).append(note)
    sections = "\n".join(_section(md, part, by_section.get(part.name, [])) for part in parts)
    banner = (
        (
            '<p class="review-banner">Review copy: blameless-language hints are shown in the margin. '
            "Share the copy without hints.</p>"
        )
        if review
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="debrief">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f'<body class="{"review" if review else "final"}">\n<main>\n'
        f'<header><h1>{escape(title)}</h1><p class="subtitle">{escape(subtitle)}</p>{banner}</header>\n'
        f"{sections}\n</main>\n</body>\n</html>\n"
    )


def markdown_page(title: str, markdown: str) -> str:
    """Any Markdown document (the monthly report) as the same self-contained page."""
    body = _renderer().render(markdown)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f'<body class="final">\n<main>\n{body}</main>\n</body>\n</html>\n'
    )
