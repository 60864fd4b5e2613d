"""Markdown structure for the linter: which blocks are prose, which are
headings, code, quotes, chat transcripts or suppression comments; how
prose splits into sentences; and masking of quoted or code text."""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
BLANK = re.compile(r"^\s*$")
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?[ \t#]*$")
SETEXT = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
DIRECTIVE = re.compile(r"^\s*<!--\s*blameless[ \t]+(ignore|disable|enable)\b[ \t]*(.*?)\s*-->\s*$", re.I)
COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
QUOTE = re.compile(r"^[ \t]{0,3}>")
TRANSCRIPT = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?"
    r"(?:<[^<>\s]+>|\[[@\w.-]+\])\s"
)
STAMPED_CHAT = re.compile(r"^\s*(?:[-*+]\s+)?\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+[@\w.-]+:\s")
CHAT_HEADER = re.compile(r"^\s*>?\s*[@\w.-]+\s+\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\]?\s*$", re.I)
"""A chat export's message header ("> dana [5:00 PM]"): the paragraph after it is chat."""
ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+|^\s*\[?\d{1,2}:\d{2}\b")
ACTIONS = re.compile(
    r"\b(?:action[ -]?items?|actions|follow[- ]?ups?|remediations?|next steps|"
    r"corrective actions|to-?dos?|tasks)\b",
    re.I,
)

EMPHASIS = re.compile(r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])")
"""Markdown emphasis markers (``*very*``, ``__why__``), not underscores inside
identifiers; blanked so a phrase reads the same with or without them."""
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
"""A Markdown table row: each row is linted as its own paragraph."""
MASKS = re.compile(
    r"`[^`\n]+`|\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’|(?<![\w’'])'[^'\n]+'(?!\w)"
    r"|<!--.*?-->|https?://\S+|\]\([^)\s]*\)|<[^<>\s]+>",
    re.S,
)
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]*_]*\s+|\s*\n\s*\n\s*|\s*\|[\s|:-]*")
ABBREVIATIONS = frozenset("e.g i.e etc vs approx dr mr ms mrs no fig cf al inc ltd jr sr st".split())


@dataclass(frozen=True)
class Block:
    """A run of the text with one role: ``prose`` (linted), ``heading``,
    ``code``, ``quote``, ``transcript``, ``comment`` or ``directive``.
    ``section`` is the kind of section it stands in (``prose``/``actions``)."""

    start: int
    end: int
    kind: str
    section: str
    directive: tuple[str, tuple[str, ...]] | None = None


def section_kind(name: str | None) -> str:
    """``actions`` for an Action Items-like section name, else ``prose``."""
    return "actions" if name and ACTIONS.search(name) else "prose"


def lines_of(text: str) -> list[tuple[int, str]]:
    """The lines of a text with their start offsets (line endings kept)."""
    result, offset = [], 0
    for line in text.splitlines(keepends=True):
        result.append((offset, line))
        offset += len(line)
    return result


class _Scanner:
    """Walks the lines once, closing paragraphs into blocks."""

    def __init__(self, text: str, section: str) -> None:
        self.text = text
        self.section = section
        self.blocks: list[Block] = []
        self.para: list[int] | None = None  # [start, end, line count]
        self.fence: str | None = None
        self.chat = False  # the next paragraph is a chat message

    def close(self) -> None:
        if self.para is not None:
            kind = "transcript" if self.chat else "prose"
            self.blocks.append(Block(self.para[0], self.para[1], kind, self.section))
            self.para = None
            self.chat = False

    def emit(self, start: int, line: str, kind: str, directive=None) -> None:
        self.close()
        self.blocks.append(Block(start, start + len(line), kind, self.section, directive))

    def line(self, start: int, line: str) -> None:
        if self.fence is not None:
            if line.lstrip().startswith(self.fence):
                self.fence = None
            self.emit(start, line, "code")
        elif match := FENCE.match(line):
            self.fence = match.group(1)[:3]
            self.emit(start, line, "code")
        else:
            self.structural(start, line)

    def structural(self, start: int, line: str) -> None:
        if BLANK.match(line):
            self.close()
        elif (match := HEADING.match(line)) and not line.lstrip().startswith("#!"):
            self.heading(start, line, match.group(1) or "")
        elif self.para is not None and self.para[2] == 1 and SETEXT.match(line):
            self.setext(start, line)
        elif match := DIRECTIVE.match(line):
            targets = tuple(t.lower() for t in re.split(r"[\s,]+", match.group(2)) if t)
            self.emit(start, line, "directive", (match.group(1).lower(), targets or ("all",)))
        else:
            self.content(start, line)

    def heading(self, start: int, line: str, title: str) -> None:
        self.close()
        self.section = section_kind(title)
        self.emit(start, line, "heading")

    def setext(self, start: int, line: str) -> None:
        head_start = self.para[0]  # the title is the paragraph's single line
        self.para = None
        self.blocks.append(Block(head_start, start + len(line), "heading", self.section))
        self.section = section_kind(self.text[head_start:start])

    def content(self, start: int, line: str) -> None:
        if CHAT_HEADER.match(line):
            self.emit(start, line, "transcript")
            self.chat = True
            return
        for pattern, kind in (
            (COMMENT, "comment"),
            (QUOTE, "quote"),
            (TRANSCRIPT, "transcript"),
            (STAMPED_CHAT, "transcript"),
        ):
            if pattern.match(line):
                self.emit(start, line, kind)
                return
        if TABLE_ROW.match(line):
            self.close()
            self.blocks.append(Block(start, start + len(line), "prose", self.section))
            return
        if self.para is not None and ITEM.match(line):
            self.close()
        if self.para is None:
            self.para = [start, start + len(line), 1]
        else:
            self.para[1], self.para[2] = start + len(line), self.para[2] + 1


def scan(text: str, section: str | None = None) -> list[Block]:
    """Split a Markdown text into blocks, tracking the current section.

    ``section`` names the section the text belongs to when it is linted on
    its own; headings inside the text override it.
    """
    scanner = _Scanner(text, section_kind(section))
    for start, line in lines_of(text):
        scanner.line(start, line)
    scanner.close()
    return scanner.blocks


def mask(text: str) -> str:
    """Blank out what is mentioned rather than used (inline code, quoted
    words, links, comments), keeping every offset in place."""
    blank = MASKS.sub(lambda m: " " * len(m.group()), text)
    return EMPHASIS.sub(lambda m: " " * len(m.group()), blank)


def _is_abbreviation(text: str, end: int) -> bool:
    word = re.search(r"([\w.]+)$", text[:end])
    if word is None:
        return False
    token = word.group(1).rstrip(".").lower()
    return token in ABBREVIATIONS or len(token) == 1 or re.fullmatch(r"(?:\w\.)+\w", token) is not None


def sentences(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences in a (masked) paragraph."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        nxt = text[match.end() : match.end() + 1]
        if text[match.start()] == "." and (_is_abbreviation(text, match.start()) or nxt.islower()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [span for span in spans if text[span[0] : span[1]].strip()]
