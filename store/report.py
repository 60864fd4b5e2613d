"""The monthly ops review as Markdown: the agenda of the meeting.

Metrics against targets with trends, the month's incidents, postmortems
published, action items closed and overdue, improvements completed (with their
measured impact) and those waiting to be checked.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .clock import format_duration, from_iso
from .keys import make_key
from .markdown import cell
from .metrics import just_after
from .periods import Period
from .postmortem_rules import needs_postmortem_sql
from .scorecard import Card, cards, fmt

if TYPE_CHECKING:
    from .store import Store

STATUS_WORDS = {"good": "✅ on target", "bad": "❌ off target", "warn": "⚠️ watch", None: ""}


def monthly_report(store: Store, month: date) -> str:
    """The Markdown review of the month that contains ``month``."""
    period = Period.containing(month, "month")
    params = {**period.bounds(), "now": store.now_iso()}
    params["asof"] = min(params["t1"], just_after(params["now"]))
    current, previous = store.compare_metrics(period)
    parts = [
        f"# Ops review: {period.label}\n",
        f"Generated {store.now():%Y-%m-%d %H:%M} UTC. Trends compare with {previous.period.label}."
        f"{period_note(period, store.now().date())}\n",
        metrics_section(cards(current, previous, store.metric_targets()), current),
        incidents_section(store, params),
        postmortems_section(store, params),
        actions_section(store, params),
        improvements_section(store, params),
    ]
    return "\n".join(parts)


def period_note(period: Period, today: date) -> str:
    """A warning when the month is not over (or not begun): its figures are partial (or empty)."""
    if period.start > today:
        return f" {period.label} has not started yet, so there is nothing to review."
    if today < period.end:
        return f" {period.label} is not over yet: the figures run to {today}."
    return ""


def metrics_section(found: list[Card], current: Any) -> str:
    """## 1. Metrics: a table of figure, trend, target and status."""
    lines = [
        "## 1. Metrics against targets\n",
        "| Metric | This month | Trend | Target | Status |",
        "| --- | --- | --- | --- | --- |",
    ]
    for card in found:
        note = f" ({_cell(card.note)})" if card.note else ""
        lines.append(
            f"| {card.title} | {card.text}{note} | {card.trend_text} | "
            f"{card.target_text} | {STATUS_WORDS[card.status]} |"
        )
    if current.incomplete:
        names = ", ".join(f"{i.key} ({i.gaps})" for i in current.incomplete)
        lines.append(f"\nIncidents lacking a milestone, left out of the figures that need it: {names}.")
    return "\n".join(lines) + "\n"


def postmortem_state(row: Any) -> str:
    """``in review``, ``published``; ``none (required)`` when a trigger calls for one that does not exist."""
    if row["pm"]:
        return row["pm"].replace("_", " ")
    return "none (required)" if row["required"] else "none"


def incidents_section(store: Store, params: dict) -> str:
    """## 2. The month's incidents, with their duration and postmortem."""
    rows = store.db.query(
        "SELECT i.id, i.severity, i.status, i.title, coalesce(i.impact_started_at, i.declared_at) AS start, "
        f"i.resolved_at, p.status AS pm, {needs_postmortem_sql('i')} "
        "AS required FROM incident i LEFT JOIN postmortem p ON p.incident_id = i.id "
        "WHERE coalesce(i.impact_started_at, i.declared_at) >= :t0 AND coalesce(i.impact_started_at, i.declared_at) < :t1 "
        "ORDER BY start, i.id",
        params,
    )
    lines = ["## 2. Incidents this month\n"]
    if not rows:
        return lines[0] + "\nNo incidents this month.\n"
    lines += [
        "| Incident | Sev | Started (UTC) | Duration | Status | Postmortem | Title |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        duration = (
            format_duration((from_iso(r["resolved_at"]) - from_iso(r["start"])).total_seconds())
            if r["resolved_at"]
            else "ongoing"
        )
        lines.append(
            f"| {make_key('INC', r['id'])} | {r['severity']} | {r['start'][:16].replace('T', ' ')} | "
            f"{duration} | {r['status']} | {postmortem_state(r)} | {_cell(r['title'])} |"
        )
    return "\n".join(lines) + "\n"


def postmortems_section(store: Store, params: dict) -> str:
    """## 3. Postmortems published this month."""
    rows = store.db.query(
        "SELECT p.incident_id, p.author, p.published_at, i.title FROM postmortem p JOIN incident i ON i.id = p.incident_id "
        "WHERE p.published_at >= :t0 AND p.published_at < :t1 ORDER BY p.published_at",
        params,
    )
    items = [
        f"- {make_key('PM', r['incident_id'])} ({r['published_at'][:10]}, {_cell(r['author'])}): {_cell(r['title'])}"
        for r in rows
    ]
    return "## 3. Postmortems published\n\n" + ("\n".join(items) if items else "None published this month.") + "\n"


def actions_section(store: Store, params: dict) -> str:
    """## 4. Action items closed this month and overdue at its end."""
    closed = store.db.query(
        "SELECT id, title, owner, status, done_at FROM action_item WHERE done_at >= :t0 AND done_at < :t1 "
        "AND status IN ('done', 'wont_do') ORDER BY done_at",
        params,
    )
    overdue = store.db.query(
        "SELECT id, title, owner, due_date, priority FROM action_item WHERE created_at < :asof "
        "AND (done_at IS NULL OR done_at >= :asof) AND due_date < substr(:asof, 1, 10) ORDER BY due_date, priority",
        params,
    )
    lines = ["## 4. Action items\n", "### Closed\n"]
    lines += [
        f"- {make_key('AI', r['id'])} {_cell(r['title'])} ({_cell(r['owner'])}, "
        f"{'done' if r['status'] == 'done' else 'won’t do'} {r['done_at'][:10]})"
        for r in closed
    ] or ["None closed this month."]
    lines += ["", "### Overdue (to discuss)\n"]
    lines += [
        f"- {make_key('AI', r['id'])} {r['priority']} {_cell(r['title'])} ({_cell(r['owner']) if r['owner'] else 'no owner'}, "
        f"due {r['due_date']})"
        for r in overdue
    ] or ["Nothing overdue."]
    return "\n".join(lines) + "\n"


def improvements_section(store: Store, params: dict) -> str:
    """## 5. Improvements completed (with measured impact) and waiting in Check."""
    done = store.db.query(
        "SELECT * FROM improvement WHERE status = 'completed' AND updated_at >= :t0 AND updated_at < :t1 ORDER BY key",
        params,
    )
    waiting = store.db.query(
        "SELECT * FROM improvement WHERE stage = 'check' AND status != 'completed' "
        "AND status != 'abandoned' ORDER BY key"
    )
    lines = ["## 5. Improvements\n", "### Completed, with measured impact\n"]
    lines += [f"- {_cell(r['key'])} {_cell(r['title'])}: {impact(r)}" for r in done] or ["None completed this month."]
    lines += ["", "### Waiting in Check (decide: standardize, iterate or abandon)\n"]
    lines += [
        f"- {_cell(r['key'])} {_cell(r['title'])} ({_cell(r['owner']) if r['owner'] else 'no owner'}): "
        f"expected {_cell(r['expected_impact'])}"
        for r in waiting
    ] or ["Nothing waiting to be checked."]
    return "\n".join(lines) + "\n"


def impact(row: Any) -> str:
    """``18.5 → 4.2 (target 5)``, then the measured impact in words."""
    numbers = ""
    if row["before_value"] is not None or row["after_value"] is not None:
        target = f" (target {fmt(row['target_value'], 'number')})" if row["target_value"] is not None else ""
        numbers = f"{fmt(row['before_value'], 'number')} → {fmt(row['after_value'], 'number')}{target}"
        metric = row["after_metric"] or row["before_metric"]
        numbers = f"{_cell(metric)} {numbers}" if metric else numbers
    words = _cell(row["measured_impact"]) if row["measured_impact"] else "measured impact not recorded"
    return f"{numbers}; {words}" if numbers else words


def _cell(value: Any) -> str:
    """A report cell: an em dash when empty."""
    return cell(value, empty="—")
