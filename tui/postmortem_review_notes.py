"""Margin notes for the review copy of an exported postmortem: the blameless
hints of every section (and action item titles) as :class:`MarginNote`, read
on the store thread. Pure: no Textual import."""

from __future__ import annotations

from store.export_html import MarginNote
from store.postmortem_parts import BY_NAME, EDITABLE_KINDS

from .hints import Linter


def review_notes(store, ref: str, linter: Linter | None = None) -> list[MarginNote]:
    """The hints that are not dismissed, section by section."""
    linter = linter or Linter()
    pm = store.get_postmortem(ref)
    dismissed = store.dismissed_hints(pm.id)
    bodies = store.section_bodies(pm.id)
    notes = []
    for name, section in BY_NAME.items():
        if section.kind not in EDITABLE_KINDS or section.kind == "impact":
            continue
        target = "went_wrong" if name == "lucky" else name  # Where We Got Lucky prints inside What Went Wrong
        for hint in linter.lint(bodies.get(name, ""), section.title, dismissed):
            notes.append(MarginNote(target, hint.text, hint.message, hint.level))
    for item in store.action_items_for_postmortem(pm.id):
        for hint in linter.lint(item.title, "Action Items", dismissed):
            notes.append(MarginNote("actions", hint.text, f"{item.key}: {hint.message}", hint.level))
    return notes
