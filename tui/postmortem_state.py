"""What the postmortem screens show, read in one store call and computed
without Textual: section texts, filled marks, hint counts, the publish check."""

from __future__ import annotations

from datetime import datetime

from store import Incident
from store.export_postmortem import duration_line, impact_line, time_to_lines
from store.postmortem_parts import BY_NAME
from store.postmortem_rules import postmortem_state
from store.publish import PostmortemBundle, PublishCheck, TextChecker, check_bundle, filled_marks
from store.publish import section_filled as section_filled  # the editor imports it from here

from .hints import Hint, Linter
from .hints.rewrite import unfilled
from .postmortem_hints import ActionHint, action_hints, count_by_level, section_hints

#: The postmortem screens' data, read by the store in one call (``Store.postmortem_bundle``).
Bundle = PostmortemBundle


def load_bundle(store, postmortem_id: int) -> Bundle:
    """Read everything (call it on the store thread)."""
    return store.postmortem_bundle(postmortem_id)


def filled(bundle: Bundle) -> dict[str, bool]:
    """Which sections have content (the store's rule)."""
    return filled_marks(bundle)


def text_checker(linter: Linter) -> TextChecker:
    """The hint engine as the publish check needs it: warning phrases and unfilled placeholders."""

    def check(title: str, text: str, dismissed: set[str]) -> tuple[list[str], list[str]]:
        warnings = [h.text for h in linter.lint(text, title, dismissed) if h.level == "warning"]
        return warnings, unfilled(text, linter.rules)

    return check


def all_hints(bundle: Bundle, linter: Linter) -> tuple[dict[str, list[Hint]], list[ActionHint]]:
    """Hints of every text section, and of the action item titles."""
    texts = {
        name: section_hints(linter, text, BY_NAME[name].title, bundle.dismissed)
        for name, text in bundle.texts.items()
        if BY_NAME[name].kind != "impact"
    }
    return texts, action_hints(linter, [(a.id, a.title) for a in bundle.actions], bundle.dismissed)


def hint_counts(texts: dict[str, list[Hint]], actions: list[ActionHint]) -> dict[str, tuple[int, int]]:
    """``{section: (hints, warnings)}`` for the section list."""
    counts = {name: (len(hints), count_by_level(hints)) for name, hints in texts.items()}
    counts["actions"] = (len(actions), count_by_level([a.hint for a in actions]))
    return counts


def publish_check(bundle: Bundle, linter: Linter) -> PublishCheck:
    """What is left before publishing (the store's check, with this linter's hints)."""
    return check_bundle(bundle, text_checker(linter))


def summary_facts(bundle: Bundle, now: datetime) -> list[tuple[str, str]]:
    """The Summary's computed lines: never typed, always from the incident."""
    incident = bundle.incident
    return [
        ("Date", f"{incident.started_at:%Y-%m-%d}"),
        ("Duration", duration_line(incident, now)),
        ("Time to detect · acknowledge · mitigate", " · ".join(v.split(" (")[0] for _, v in time_to_lines(incident))),
        ("Impact", impact_line(incident)),
        ("Severity", incident.severity),
        ("Author", bundle.pm.author or "—"),
        ("Reviewers", ", ".join(r.name for r in bundle.reviewers) or "—"),
    ]


#: How each postmortem state (``store.postmortem_rules.postmortem_state``) shows: (label, theme variable).
MARKS = {
    "published": ("published", "status-good"),
    "in_review": ("in review", "foreground"),
    "draft": ("draft", "foreground"),
    "overdue": ("overdue", "status-bad"),
    "required": ("required", "status-warn"),
    "recommended": ("recommended", "foreground-muted"),
    "": ("", "foreground-muted"),
}


def postmortem_mark(incident: Incident, status: str | None, now: datetime) -> tuple[str, str]:
    """The Incidents list's postmortem cell: (label, theme variable), by the store's rule
    (a required postmortem with no draft 48 hours after resolution is ``overdue``)."""
    return MARKS[postmortem_state(incident, status, now)]
