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
    Section(
        "summary", "Summary", "text", True, "In two or three sentences: what did users experience, and for how long?"
    ),
    Section(
        "timeline",
        "Timeline (UTC)",
        "timeline",
        False,
        "Walk the timeline: what did people see and know at each moment? What did the tools show them?",
    ),
    Section(
        "root_cause",
        "Root Cause",
        "text",
        True,
        "How did the system allow this? Which conditions had to line up? (How, not who.)",
    ),
    Section(
        "factors",
        "Contributing Factors",
        "checklist",
        True,
        "What made this harder to see, or easier to happen? Tick the ones that applied (ctrl+t); add your own "
        "as new lines.",
    ),
    Section(
        "impact",
        "Impact",
        "impact",
        False,
        "Who was affected, how many, for how long? What did it cost, and which SLO moved?",
    ),
    Section(
        "went_well",
        "What Went Well",
        "text",
        True,
        "What helped us notice, understand or recover? What should we keep doing?",
    ),
    Section(
        "went_wrong",
        "What Went Wrong",
        "text",
        True,
        "Where did the tools, signals or process make the work harder than it needed to be?",
    ),
    Section("lucky", "Where We Got Lucky", "text", False, "What could have made this worse, and did not, by chance?"),
    Section(
        "actions",
        "Action Items",
        "actions",
        True,
        "What will change so this is easier to detect, prevent or mitigate? Who owns it, and by when?",
    ),
    Section(
        "lessons",
        "Lessons Learned",
        "text",
        True,
        "What do we understand now that we did not before? What would you tell another team?",
    ),
    Section(
        "links", "Supporting Data", "links", False, "Which dashboards, graphs, logs or chat threads show what happened?"
    ),
)
BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}
#: The contributing factors offered on every new postmortem (unticked); people add their own.
SEED_FACTORS: tuple[str, ...] = (
    "Change or deploy (code, configuration or infrastructure)",
    "Configuration or default changed",
    "Capacity or load beyond what was planned",
    "Dependency failure (internal service or third party)",
    "Monitoring or alerting gap (late, noisy or missing signal)",
    "Runbook or documentation gap",
    "Automation gap (manual or slow rollback, missing safeguard)",
    "Testing gap (staging or CI did not show it)",
    "Communication or handoff gap",
    "Knowledge concentrated in few people",
)
EDITABLE_KINDS = ("text", "checklist", "impact", "links")

CHECK_LINE = re.compile(r"^\s*[-*]\s*\[([ xX])\]\s*(.*)$")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
LINK = re.compile(r"^\[(.*)\]\((\S+)\)$")
IMPACT_LABELS = {"users affected": "users_affected", "revenue impact": "revenue_impact", "slo impact": "slo_impact"}


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


URL = re.compile(r"(?:https?|ftp)://\S+|mailto:\S+", re.IGNORECASE)
LABEL_SEPARATORS = " :-–—|("


def parse_links(body: str) -> list[tuple[str, str]]:
    """One item of Supporting Data per line, as (label, url); every line is kept.

    ``[label](url)``, ``label: url``, ``label url``, a bare URL, or plain text
    (``Grafana checkout dashboard, 14:00–16:00``: label only, url empty)."""
    found = []
    for line in body.splitlines():
        bullet = BULLET.match(line)
        text = (bullet.group(1) if bullet else line).strip()
        if not text:
            continue
        link = LINK.match(text)
        if link:
            found.append((link.group(1).strip(), link.group(2)))
            continue
        url = URL.search(text)
        if url is None:
            found.append((text, ""))
            continue
        label = (text[: url.start()] + text[url.end() :]).strip().strip(LABEL_SEPARATORS + ")").strip()
        found.append((label, url.group(0).rstrip(").,;")))
    return found


def render_links(links: list[tuple[str, str]]) -> str:
    """Supporting data as Markdown bullets (a label without a URL is plain text)."""
    return "\n".join(link_markdown(label, url) for label, url in links)


def link_markdown(label: str, url: str) -> str:
    """``- [label](url)``, ``- <url>`` or ``- label`` (plain text, escaped)."""
    if label and url:
        return f"- [{escape_inline(label)}](<{url}>)" if " " in url else f"- [{escape_inline(label)}]({url})"
    if url:
        return f"- <{url}>"
    return f"- {escape_inline(label)}"


def escape_inline(text: str) -> str:
    """User text made literal in Markdown: brackets, angle brackets and the like escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", " ".join(text.split()))


def parse_impact(body: str) -> dict[str, Any]:
    """``Users affected: …`` style lines as incident fields. Users affected is
    free text ("~30% of EU checkout attempts") with an optional count."""
    fields: dict[str, Any] = {}
    for line in body.splitlines():
        label, sep, value = BULLET.sub(r"\1", line).partition(":")
        key = IMPACT_LABELS.get(label.strip().lower().strip("*"))
        if not line.strip():
            continue
        if not sep or key is None:
            raise InvalidInputError(
                f"Impact line {line.strip()!r} is not understood; write "
                "'Users affected: …', 'Revenue impact: …' or 'SLO impact: …'."
            )
        if key == "users_affected":
            fields.update(users_fields(value))
        else:
            fields[key] = value.strip()
    return fields


COUNT = re.compile(
    r"^(?:~|≈|about |around |approx\.? |approximately |roughly )?\s*(\d[\d,_]*)\s*"
    r"(?:users?|customers?|people|accounts?|requests?)?$",
    re.IGNORECASE,
)


def users_fields(value: str) -> dict[str, Any]:
    """``500`` → the count; ``~30% of EU checkout attempts`` → the text, no count.
    A count with words around it ("about 1,200 users") keeps both."""
    text = " ".join(value.split())
    if text.lower() in ("", "-", "—", "unknown", "not recorded"):
        return {"users_affected": None, "users_affected_text": ""}
    match = COUNT.match(text)
    count = int(match.group(1).replace(",", "").replace("_", "")) if match else None
    plain = text.isdigit()
    return {"users_affected": count, "users_affected_text": "" if plain else text}


def render_impact(users: int | None, revenue: str, slo: str, users_text: str = "") -> str:
    """The impact fields as editable lines (users as written, else the count)."""
    shown = users_text.strip() or ("" if users is None else str(users))
    return "\n".join((f"Users affected: {shown}", f"Revenue impact: {revenue}", f"SLO impact: {slo}"))
