"""Export a postmortem: Markdown in the seed template's order and headings,
and JSON with every field. Duration and timeline are computed from the
incident at export time, never copied text."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from .incidents import Incident
from .postmortem_parts import BY_NAME
from .roles import roles_text
from .events import TimelineEvent
from .markdown import cell, timeline_table

if TYPE_CHECKING:
    from .store import Store

EMPTY = "_Not written yet._"
TIMELINE_LIMIT = 5000


def impact_line(incident: Incident) -> str:
    """One line of impact for the summary."""
    parts = []
    if incident.users_affected is not None:
        parts.append(f"{incident.users_affected:,} users affected")
    parts += [f"{label}: {value.strip()}" for label, value in (("revenue", incident.revenue_impact),
                                                               ("SLO", incident.slo_impact)) if value.strip()]
    return "; ".join(parts) or "Not recorded"


def duration_line(incident: Incident, now: datetime) -> str:
    """``2h 15m (14:00–16:15 UTC)``; ongoing incidents say so."""
    start = incident.started_at.strftime("%H:%M")
    end = incident.resolved_at.strftime("%H:%M") if incident.resolved_at else "ongoing"
    return f"{incident.duration_text(now)} ({start}–{end} UTC)"


def _summary(data: dict[str, Any]) -> list[str]:
    incident, pm = data["incident"], data["postmortem"]
    reviewers = ", ".join(r.name for r in data["reviewers"]) or "None named yet"
    return ["## Summary", "",
            f"- **Date:** {incident.started_at:%Y-%m-%d}",
            f"- **Duration:** {duration_line(incident, data['now'])}",
            f"- **Impact:** {impact_line(incident)}",
            f"- **Severity:** {incident.severity}",
            f"- **Author:** {pm.author or 'Not named'}",
            f"- **Reviewers:** {reviewers}",
            f"- **Roles:** {roles_text(data['roles'], data['role_order']) or 'None recorded'}", "",
            _text(data, "summary", empty=None)]


def _text(data: dict[str, Any], name: str, empty: str | None = EMPTY) -> str:
    body = data["sections"].get(name, "").strip()
    return body or (empty or "")


def _factors(data: dict[str, Any]) -> str:
    return "\n".join(f"- [{'x' if c else ' '}] {t}" for t, c in data["factors"]) or EMPTY


def _impact(data: dict[str, Any]) -> str:
    incident = data["incident"]
    users = "Not recorded" if incident.users_affected is None else f"{incident.users_affected:,}"
    return "\n".join((f"- **Users affected:** {users}",
                      f"- **Revenue impact:** {incident.revenue_impact or 'Not recorded'}",
                      f"- **SLO impact:** {incident.slo_impact or 'Not recorded'}"))


def _actions(data: dict[str, Any]) -> str:
    lines = ["| Action | Owner | Due Date | Priority |", "| --- | --- | --- | --- |"]
    for item in data["actions"]:
        due = item.due_date.isoformat() if item.due_date else "—"
        lines.append(f"| {cell(item.title)} | {cell(item.owner or '—')} | {due} | {item.priority} |")
    return "\n".join(lines)


def _links(data: dict[str, Any]) -> str:
    return "\n".join(f"- [{label}]({url})" if label else f"- <{url}>" for label, url in data["links"]) or EMPTY


def _went_wrong(data: dict[str, Any]) -> str:
    text = _text(data, "went_wrong")
    lucky = _text(data, "lucky", empty=None)
    return f"{text}\n\n### Where We Got Lucky\n\n{lucky}" if lucky else text


def postmortem_markdown(store: "Store", ref: int | str) -> str:
    """The postmortem as Markdown, section by section in the template's order."""
    data = gather(store, ref)
    parts = [f"# Postmortem: {data['incident'].title}", "", *_summary(data), "",
             f"## {BY_NAME['timeline'].title}", "", timeline_table(data["events"], data["incident"].started_at)]
    for name, body in (("root_cause", _text(data, "root_cause")), ("factors", _factors(data)),
                       ("impact", _impact(data)), ("went_well", _text(data, "went_well")),
                       ("went_wrong", _went_wrong(data)), ("actions", _actions(data)),
                       ("lessons", _text(data, "lessons")), ("links", _links(data))):
        parts += ["", f"## {BY_NAME[name].title}", "", body]
    return "\n".join(line.rstrip() for line in "\n".join(parts).split("\n")).strip() + "\n"


def gather(store: "Store", ref: int | str) -> dict[str, Any]:
    """Everything an export needs, read once."""
    pm = store.get_postmortem(ref)
    return {
        "postmortem": pm, "incident": store.get_incident(pm.incident_id), "now": store.now(),
        "sections": store.section_bodies(pm.id), "factors": store.factors(pm.id), "links": store.links(pm.id),
        "events": store.list_events(pm.incident_id, limit=TIMELINE_LIMIT),
        "actions": store.action_items_for_postmortem(pm.id), "reviewers": store.reviewers(pm.id),
        "roles": store.role_history(pm.incident_id), "role_order": store.roles(),
    }


def postmortem_json(store: "Store", ref: int | str) -> dict[str, Any]:
    """Every field of the postmortem, its incident, sections and related rows."""
    data = gather(store, ref)
    pm, incident = data["postmortem"], data["incident"]
    return {
        "key": pm.key, **pm.model_dump(mode="json"),
        "incident": {"key": incident.key, **incident.model_dump(mode="json"),
                     "duration_seconds": incident.duration_seconds(data["now"])},
        "sections": {name: data["sections"].get(name, "") for name in BY_NAME
                     if BY_NAME[name].kind == "text"},
        "contributing_factors": [{"text": t, "checked": c} for t, c in data["factors"]],
        "impact": {"users_affected": incident.users_affected, "revenue_impact": incident.revenue_impact,
                   "slo_impact": incident.slo_impact},
        "supporting_data": [{"label": label, "url": url} for label, url in data["links"]],
        "timeline": [e.model_dump(mode="json") for e in data["events"]],
        "action_items": [{"key": a.key, **a.model_dump(mode="json")} for a in data["actions"]],
        "reviewers": [r.model_dump(mode="json") for r in data["reviewers"]],
        "roles": [r.model_dump(mode="json") for r in data["roles"]],
        "revisions": [r.model_dump(mode="json") for r in store.revisions(pm.id, limit=10000)],
        "dismissed_hints": sorted(store.dismissed_hints(pm.id)),
    }
