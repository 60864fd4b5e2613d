"""What the postmortem screens show, read in one store call and computed
without Textual: section texts, filled marks, hint counts, the publish check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from store import ActionItem, Incident, Postmortem, TimelineEvent
from store.export_postmortem import duration_line, impact_line
from store.postmortem_parts import BY_NAME, EDITABLE_KINDS, SECTIONS
from store.postmortem_review import Reviewer
from store.roles import roles_text

from .hints import Hint, Linter
from .hints.rewrite import unfilled
from .postmortem_hints import ActionHint, action_hints, count_by_level, section_hints

TIMELINE_PAGE = 2000


@dataclass
class Bundle:
    """One postmortem with its incident and everything around it."""

    pm: Postmortem
    incident: Incident
    texts: dict[str, str]
    events: list[TimelineEvent]
    actions: list[ActionItem]
    reviewers: list[Reviewer]
    dismissed: set[str] = field(default_factory=set)
    roles: str = ""


@dataclass
class PublishCheck:
    """What is left before publishing: warning hints (section, phrase), empty
    required sections, and rewrite placeholders not filled in (section, placeholder)."""

    warnings: list[tuple[str, str]] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    placeholders: list[tuple[str, str]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Nothing left to decide on."""
        return not self.warnings and not self.empty and not self.placeholders


def load_bundle(store, postmortem_id: int) -> Bundle:
    """Read everything (call it on the store thread)."""
    pm = store.get_postmortem_by_id(postmortem_id)
    texts = {s.name: store.section_text(pm.id, s.name) for s in SECTIONS if s.kind in EDITABLE_KINDS}
    return Bundle(pm, store.get_incident(pm.incident_id), texts,
                  store.list_events(pm.incident_id, limit=TIMELINE_PAGE), store.action_items_for_postmortem(pm.id),
                  store.reviewers(pm.id), store.dismissed_hints(pm.id),
                  roles_text(store.role_history(pm.incident_id), store.roles()))


def filled(bundle: Bundle) -> dict[str, bool]:
    """Which sections have content (timeline and impact follow the incident)."""
    marks = {name: bool(text.strip()) for name, text in bundle.texts.items()}
    marks["impact"] = bundle.incident.users_affected is not None or bool(bundle.incident.slo_impact.strip())
    marks["timeline"] = bool(bundle.events)
    marks["actions"] = bool(bundle.actions)
    return marks


def all_hints(bundle: Bundle, linter: Linter) -> tuple[dict[str, list[Hint]], list[ActionHint]]:
    """Hints of every text section, and of the action item titles."""
    texts = {name: section_hints(linter, text, BY_NAME[name].title, bundle.dismissed)
             for name, text in bundle.texts.items() if BY_NAME[name].kind != "impact"}
    return texts, action_hints(linter, [(a.id, a.title) for a in bundle.actions], bundle.dismissed)


def hint_counts(texts: dict[str, list[Hint]], actions: list[ActionHint]) -> dict[str, tuple[int, int]]:
    """``{section: (hints, warnings)}`` for the section list."""
    counts = {name: (len(hints), count_by_level(hints)) for name, hints in texts.items()}
    counts["actions"] = (len(actions), count_by_level([a.hint for a in actions]))
    return counts


def publish_check(bundle: Bundle, linter: Linter) -> PublishCheck:
    """Warning-level hints that remain and required sections still empty."""
    texts, actions = all_hints(bundle, linter)
    warnings = [(BY_NAME[name].title, h.text) for name, hints in texts.items() for h in hints if h.level == "warning"]
    warnings += [("Action Items", a.hint.text) for a in actions if a.hint.level == "warning"]
    marks = filled(bundle)
    return PublishCheck(warnings, [s.title for s in SECTIONS if s.required and not marks.get(s.name)],
                        left_to_fill(bundle, linter))


def left_to_fill(bundle: Bundle, linter: Linter) -> list[tuple[str, str]]:
    """Placeholders a rewrite left (``[condition]``) that nobody filled in yet."""
    found = [(BY_NAME[name].title, mark) for name, text in bundle.texts.items() for mark in unfilled(text, linter.rules)]
    return found + [("Action Items", mark) for a in bundle.actions for mark in unfilled(a.title, linter.rules)]


def summary_facts(bundle: Bundle, now: datetime) -> list[tuple[str, str]]:
    """The Summary's computed lines: never typed, always from the incident."""
    incident = bundle.incident
    return [("Date", f"{incident.started_at:%Y-%m-%d}"), ("Duration", duration_line(incident, now)),
            ("Impact", impact_line(incident)), ("Severity", incident.severity),
            ("Author", bundle.pm.author or "—"), ("Reviewers", ", ".join(r.name for r in bundle.reviewers) or "—"),
            ("Roles", bundle.roles or "—")]


OVERDUE_AFTER_HOURS = 48


def postmortem_mark(incident: Incident, status: str | None, now: datetime) -> tuple[str, str]:
    """The Incidents list's postmortem cell: (label, theme variable).

    A required postmortem (``needs_postmortem``) with no draft 48 hours after
    resolution is ``overdue``; otherwise the status, ``required`` or
    ``recommended`` (near miss), or nothing.
    """
    if status is not None:
        return status.replace("_", " "), "status-good" if status == "published" else "foreground"
    if incident.needs_postmortem:
        resolved = incident.resolved_at
        if resolved is not None and (now - resolved).total_seconds() > OVERDUE_AFTER_HOURS * 3600:
            return "overdue", "status-bad"
        return "required", "status-warn"
    return ("recommended", "foreground-muted") if incident.near_miss else ("", "foreground-muted")
