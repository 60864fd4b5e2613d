"""The postmortem template's sections and the pure parsing of their structured
parts (contributing factors checklist, supporting links, impact fields).

The editor shows every section as Markdown text; saving a structured section
parses that text into rows (factors, links) or incident fields (impact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import InvalidInputError


@dataclass(frozen=True)
class Section:
    """One section of the template: its stored name, heading, kind, whether
    publishing expects it filled, and the facilitation prompt for the meeting."""

    name: str
    title: str
    kind: str  # text | timeline | checklist | impact | actions | links
    required: bool
    prompt: str


SECTIONS: tuple[Section, ...] = (
    Section("summary", "Summary", "text", True,
            "In two or three sentences: what did users experience, and for how long?"),
    Section("timeline", "Timeline (UTC)", "timeline", False,
            "Walk the timeline: what did people see and know at each moment? What did the tools show them?"),
    Section("root_cause", "Root Cause", "text", True,
            "How did the system allow this? Which conditions had to line up? (How, not who.)"),
    Section("factors", "Contributing Factors", "checklist", True,
            "What made this harder to see, or easier to happen? Tick the ones that applied."),
    Section("impact", "Impact", "impact", False,
            "Who was affected, how many, for how long? What did it cost, and which SLO moved?"),
    Section("went_well", "What Went Well", "text", True,
            "What helped us notice, understand or recover? What should we keep doing?"),
    Section("went_wrong", "What Went Wrong", "text", True,
            "Where did the tools, signals or process make the work harder than it needed to be?"),
    Section("lucky", "Where We Got Lucky", "text", False,
            "What could have made this worse, and did not, by chance?"),
    Section("actions", "Action Items", "actions", True,
            "What will change so this is easier to detect, prevent or mitigate? Who owns it, and by when?"),
    Section("lessons", "Lessons Learned", "text", True,
            "What do we understand now that we did not before? What would you tell another team?"),
    Section("links", "Supporting Data", "links", False,
            "Which dashboards, graphs, logs or chat threads show what happened?"),
)
BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}
EDITABLE_KINDS = ("text", "checklist", "impact", "links")

CHECK_LINE = re.compile(r"^\s*[-*]\s*\[([ xX])\]\s*(.*)$")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
LINK = re.compile(r"^\[(.*)\]\((\S+)\)$")
IMPACT_LABELS = {"users affected": "users_affected", "revenue impact": "revenue_impact",
                 "slo impact": "slo_impact"}


def section(name: str) -> Section:
    """The section called ``name``, or InvalidInputError listing the names."""
    if name not in BY_NAME:
        raise InvalidInputError(f"section {name!r} is not known; use one of {', '.join(BY_NAME)}.")
    return BY_NAME[name]


def parse_checklist(body: str) -> list[tuple[str, bool]]:
    """``- [x] text`` lines as (text, checked); a plain line is an unchecked factor."""
    found = []
    for line in body.splitlines():
        match = CHECK_LINE.match(line)
        if match:
            text, checked = match.group(2).strip(), match.group(1) in "xX"
        else:
            bullet = BULLET.match(line)
            text, checked = (bullet.group(1) if bullet else line).strip(), False
        if text:
            found.append((text, checked))
    return found


def render_checklist(items: list[tuple[str, bool]]) -> str:
    """The checklist as Markdown task lines."""
    return "\n".join(f"- [{'x' if checked else ' '}] {text}" for text, checked in items)


def parse_links(body: str) -> list[tuple[str, str]]:
    """``- [label](url)`` or ``- url`` or ``- label: url`` lines as (label, url)."""
    found = []
    for line in body.splitlines():
        bullet = BULLET.match(line)
        text = (bullet.group(1) if bullet else line).strip()
        if not text:
            continue
        link = LINK.match(text)
        if link:
            found.append((link.group(1).strip(), link.group(2)))
        elif ": " in text and "://" in text.rsplit(": ", 1)[1]:
            label, url = text.rsplit(": ", 1)
            found.append((label.strip(), url.strip()))
        else:
            found.append(("", text))
    return found


def render_links(links: list[tuple[str, str]]) -> str:
    """Links as Markdown bullets."""
    return "\n".join(f"- [{label}]({url})" if label else f"- {url}" for label, url in links)


def parse_impact(body: str) -> dict[str, Any]:
    """``Users affected: 500`` style lines as incident fields."""
    fields: dict[str, Any] = {}
    for line in body.splitlines():
        label, sep, value = BULLET.sub(r"\1", line).partition(":")
        key = IMPACT_LABELS.get(label.strip().lower().strip("*"))
        if not line.strip():
            continue
        if not sep or key is None:
            raise InvalidInputError(f"Impact line {line.strip()!r} is not understood; write "
                                    "'Users affected: 500', 'Revenue impact: …' or 'SLO impact: …'.")
        fields[key] = _users(value) if key == "users_affected" else value.strip()
    return fields


def _users(value: str) -> int | None:
    cleaned = value.strip().replace(",", "").replace("_", "")
    if not cleaned or cleaned in ("-", "—", "unknown"):
        return None
    if not cleaned.isdigit():
        raise InvalidInputError(f"Users affected {value.strip()!r} is not a whole number; write e.g. 500.")
    return int(cleaned)


def render_impact(users: int | None, revenue: str, slo: str) -> str:
    """The impact fields as editable lines."""
    return "\n".join((f"Users affected: {'' if users is None else users}",
                      f"Revenue impact: {revenue}", f"SLO impact: {slo}"))
