"""Export a postmortem: Markdown in the seed template's order and headings,
and JSON with every field. Duration, the time-to figures and the timeline are
computed from the incident at export time, never copied text.

The Markdown is built as a list of :class:`Part` (one per template section) so
the HTML page (``export_html``) renders the same document section by section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from .clock import format_duration
from .export_incident import all_events
from .export_timeline import timeline_markdown, timeline_rows
from .incidents import Incident
from .markdown import cell
from .postmortem_parts import BY_NAME, SEED_FACTORS, escape_inline, link_markdown
from .roles import roles_text

if TYPE_CHECKING:
    from .store import Store

EMPTY = "_Not written yet._"
#: Time-to figures in the Summary: (label in the header, label of Incident.milestone_durations()).
TIME_TO = (("Time to detect", "detect"), ("Time to acknowledge", "ack"), ("Time to mitigate", "mitigate"))
ACTION_HEADER = (
    "| Key | Action | Owner | Due Date | Priority | Status | Type |\n| --- | --- | --- | --- | --- | --- | --- |"
)


@dataclass(frozen=True)
class Part:
    """One section of the exported document: its stored name, heading and Markdown body."""

    name: str
    heading: str
    body: str


def impact_line(incident: Incident) -> str:
    """One line of impact for the summary."""
    parts = []
    if incident.users_affected_text.strip():
        parts.append(f"users affected: {incident.users_affected_text.strip()}")
    elif incident.users_affected is not None:
        parts.append(f"{incident.users_affected:,} users affected")
    parts += [
        f"{label}: {value.strip()}"
        for label, value in (("revenue", incident.revenue_impact), ("SLO", incident.slo_impact))
        if value.strip()
    ]
    return "; ".join(parts) or "Not recorded"


def duration_line(incident: Incident, now: datetime) -> str:
    """``2h 15m (14:00–16:15 UTC)``; ongoing incidents say so."""
    start = incident.started_at.strftime("%H:%M")
    end = incident.resolved_at.strftime("%H:%M") if incident.resolved_at else "ongoing"
    return f"{incident.duration_text(now)} ({start}–{end} UTC)"


def time_to_lines(incident: Incident) -> list[tuple[str, str]]:
    """Time to detect, acknowledge and mitigate: a duration, or why it is unknown."""
    known = dict(incident.milestone_durations())
    found = []
    for label, key in TIME_TO:
        seconds = known.get(key)
        if seconds is None:
            found.append((label, "unknown (milestone not recorded)"))
        elif seconds < 0:
            found.append((label, "unknown (milestones out of order)"))
        else:
            found.append((label, format_duration(seconds)))
    return found


def roles_line(data: dict[str, Any]) -> str:
    """Who held which role, hand-offs with their time (``commander dana, priya from
    14:30 UTC; comms lee``); the commander from the incident when no role was recorded."""
    text = roles_text(data.get("roles") or [], data.get("role_order") or ())
    return text or f"commander {data['incident'].commander or 'Not named'}"


def _summary(data: dict[str, Any]) -> str:
    incident, pm = data["incident"], data["postmortem"]
    reviewers = ", ".join(r.name for r in data["reviewers"]) or "None named yet"
    facts = [
        ("Date", f"{incident.started_at:%Y-%m-%d}"),
        ("Duration", duration_line(incident, data["now"])),
        *time_to_lines(incident),
        ("Impact", impact_line(incident)),
        ("Severity", incident.severity),
        ("Roles", roles_line(data)),
        ("Author", pm.author or "Not named"),
        ("Reviewers", reviewers),
    ]
    lines = [f"- **{label}:** {escape_inline(value)}" for label, value in facts]
    return "\n".join(lines) + "\n\n" + _text(data, "summary", empty=None)


def _text(data: dict[str, Any], name: str, empty: str | None = EMPTY) -> str:
    body = data["sections"].get(name, "").strip()
    return body or (empty or "")


def _factors(data: dict[str, Any]) -> str:
    """Ticked factors, and the team's own (custom) ones even when not ticked;
    the unticked seed list is the menu, not content."""
    kept = [(t, c) for t, c in data["factors"] if c or t not in SEED_FACTORS]
    return "\n".join(f"- [{'x' if c else ' '}] {escape_inline(t)}" for t, c in kept) or EMPTY


def _impact(data: dict[str, Any]) -> str:
    incident = data["incident"]
    values = (
        ("Users affected", incident.users_affected_label),
        ("Revenue impact", incident.revenue_impact),
        ("SLO impact", incident.slo_impact),
    )
    return "\n".join(f"- **{label}:** {escape_inline(value) or 'Not recorded'}" for label, value in values)


def _actions(data: dict[str, Any]) -> str:
    lines = [ACTION_HEADER]
    for item in data["actions"]:
        due = item.due_date.isoformat() if item.due_date else "—"
        lines.append(
            f"| {item.key} | {cell(item.title)} | {cell(item.owner or '—')} | {due} | {item.priority} "
            f"| {item.status.replace('_', ' ')} | {item.type} |"
        )
    if not data["actions"]:
        lines.append("| — | No action items yet. | | | | | |")
    return "\n".join(lines)


def _links(data: dict[str, Any]) -> str:
    return "\n".join(link_markdown(label, url) for label, url in data["links"]) or EMPTY


def _went_wrong(data: dict[str, Any]) -> str:
    text = _text(data, "went_wrong")
    lucky = _text(data, "lucky", empty=None)
    return f"{text}\n\n### Where We Got Lucky\n\n{lucky}" if lucky else text


def postmortem_parts(data: dict[str, Any]) -> list[Part]:
    """The document's sections, in the template's order."""
    incident = data["incident"]
    rows = timeline_rows(incident, data["events"], data["timeline"])
    bodies = (
        ("summary", _summary(data)),
        ("timeline", timeline_markdown(rows, incident.started_at)),
        ("root_cause", _text(data, "root_cause")),
        ("factors", _factors(data)),
        ("impact", _impact(data)),
        ("went_well", _text(data, "went_well")),
        ("went_wrong", _went_wrong(data)),
        ("actions", _actions(data)),
        ("lessons", _text(data, "lessons")),
        ("links", _links(data)),
    )
    return [Part(name, BY_NAME[name].title, body) for name, body in bodies]


def document_title(data: dict[str, Any]) -> str:
    """``Postmortem: <incident title>``."""
    return f"Postmortem: {data['incident'].title}"


def markdown_from_parts(title: str, parts: list[Part]) -> str:
    """``# title`` then each part as ``## heading``; trailing spaces trimmed."""
    lines = [f"# {escape_inline(title)}"]
    for part in parts:
        lines += ["", f"## {part.heading}", "", part.body]
    return "\n".join(line.rstrip() for line in "\n".join(lines).split("\n")).strip() + "\n"


def postmortem_markdown(store: Store, ref: int | str, timeline: str = "all") -> str:
    """The postmortem as Markdown, section by section in the template's order."""
    data = gather(store, ref, timeline)
    return markdown_from_parts(document_title(data), postmortem_parts(data))


def gather(store: Store, ref: int | str, timeline: str = "all") -> dict[str, Any]:
    """Everything an export needs, read once."""
    pm = store.get_postmortem(ref)
    return {
        "postmortem": pm,
        "incident": store.get_incident(pm.incident_id),
        "now": store.now(),
        "sections": store.section_bodies(pm.id),
        "factors": store.factors(pm.id),
        "links": store.links(pm.id),
        "events": list(all_events(store, pm.incident_id)),
        "timeline": timeline,
        "actions": store.action_items_for_postmortem(pm.id),
        "reviewers": store.reviewers(pm.id),
        "roles": store.role_history(pm.incident_id),
        "role_order": store.roles(),
    }


def postmortem_json(store: Store, ref: int | str, timeline: str = "all") -> dict[str, Any]:
    """Every field of the postmortem, its incident, sections and related rows."""
    data = gather(store, ref, timeline)
    pm, incident = data["postmortem"], data["incident"]
    return {
        "key": pm.key,
        **pm.model_dump(mode="json"),
        "incident": {
            "key": incident.key,
            **incident.model_dump(mode="json"),
            "duration_seconds": incident.duration_seconds(data["now"]),
            "time_to": {key: seconds for key, seconds in incident.milestone_durations()},
        },
        "sections": {name: data["sections"].get(name, "") for name in BY_NAME if BY_NAME[name].kind == "text"},
        "contributing_factors": [{"text": t, "checked": c} for t, c in data["factors"]],
        "impact": {
            "users_affected": incident.users_affected,
            "users_affected_text": incident.users_affected_text,
            "revenue_impact": incident.revenue_impact,
            "slo_impact": incident.slo_impact,
        },
        "supporting_data": [{"label": label, "url": url} for label, url in data["links"]],
        "timeline": [
            {
                "occurred_at": row.at.isoformat(),
                "kind": row.kind,
                "text": row.text,
                "pinned": row.pinned,
                "milestone": row.milestone,
            }
            for row in timeline_rows(incident, data["events"], timeline)
        ],
        "events": [e.model_dump(mode="json") for e in data["events"]],
        "action_items": [{"key": a.key, **a.model_dump(mode="json")} for a in data["actions"]],
        "reviewers": [r.model_dump(mode="json") for r in data["reviewers"]],
        "roles": [r.model_dump(mode="json") for r in data["roles"]],
        "revisions": [r.model_dump(mode="json") for r in store.revisions(pm.id, limit=10000)],
        "dismissed_hints": sorted(store.dismissed_hints(pm.id)),
    }
