"""Publishing a postmortem: the check the app's review dialog (F4) shows and
``debrief postmortem publish`` runs, and the publish itself, which refuses
while the check finds something unless forced.

The blameless hints come from the hint engine, which lives with the UI
(``tui/hints``, no Textual); the caller passes it in as a :data:`TextChecker`,
so the store decides what blocks publishing and the engine only reads text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .actions import ActionItem
from .errors import InvalidInputError
from .events import TimelineEvent
from .incidents import Incident
from .postmortem_parts import BY_NAME, EDITABLE_KINDS, SECTIONS, SEED_FACTORS, parse_checklist
from .postmortem_review import PostmortemReviewMixin, Reviewer
from .postmortems import Postmortem
from .roles import roles_text

#: How many timeline events a postmortem screen reads at once.
TIMELINE_PAGE = 2000
#: (section title, text, dismissed fingerprints) -> (warning-level hint phrases, unfilled placeholders).
TextChecker = Callable[[str, str, set[str]], tuple[list[str], list[str]]]


@dataclass
class PostmortemBundle:
    """One postmortem with its incident and everything around it (one read)."""

    pm: Postmortem
    incident: Incident
    texts: dict[str, str]
    events: list[TimelineEvent]
    actions: list[ActionItem]
    reviewers: list[Reviewer]
    dismissed: set[str] = field(default_factory=set)
    #: ``/action`` events not yet accepted or discarded (proposed action items).
    proposals: list[TimelineEvent] = field(default_factory=list)
    #: Who held which role, hand-offs with their time (``commander dana, priya from 14:30 UTC``).
    roles: str = ""


@dataclass
class PublishCheck:
    """What is left before publishing: warning hints (section, phrase), empty
    required sections, rewrite placeholders not filled in (section, placeholder),
    and reviewers who have not signed off."""

    warnings: list[tuple[str, str]] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    placeholders: list[tuple[str, str]] = field(default_factory=list)
    unsigned: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Nothing left to decide on."""
        return not self.warnings and not self.empty and not self.placeholders and not self.unsigned

    def lines(self) -> list[str]:
        """Each thing left, one line each (for the command line and errors)."""
        return (
            [f"warning hint in {title}: “{phrase}”" for title, phrase in self.warnings]
            + [f"empty required section: {title}" for title in self.empty]
            + [f"placeholder to fill in {title}: “{mark}”" for title, mark in self.placeholders]
            + [f"reviewer not signed off: {name}" for name in self.unsigned]
        )


class PublishRefused(InvalidInputError):
    """Publishing was refused; ``check`` says what is left."""

    def __init__(self, key: str, check: PublishCheck) -> None:
        self.check = check
        listed = "\n".join(f"  {line}" for line in check.lines())
        super().__init__(
            f"{key} was not published: {len(check.lines())} thing(s) left "
            f"(publish anyway with --force, or Publish anyway in the app):\n{listed}"
        )


def section_filled(name: str, text: str) -> bool:
    """Whether a section's text says something; the unticked seed checklist does not."""
    if BY_NAME[name].kind == "checklist":
        return any(checked or factor not in SEED_FACTORS for factor, checked in parse_checklist(text))
    return bool(text.strip())


def filled_marks(bundle: PostmortemBundle) -> dict[str, bool]:
    """Which sections have content (timeline, impact and action items follow the incident)."""
    marks = {name: section_filled(name, text) for name, text in bundle.texts.items()}
    incident = bundle.incident
    marks["impact"] = bool(
        incident.users_affected_label or incident.slo_impact.strip() or incident.revenue_impact.strip()
    )
    marks["timeline"] = bool(bundle.events)
    marks["actions"] = bool(bundle.actions)
    return marks


def check_bundle(bundle: PostmortemBundle, checker: TextChecker) -> PublishCheck:
    """The publish check of a bundle already read."""
    check = PublishCheck()
    texts = [(BY_NAME[name].title, text) for name, text in bundle.texts.items() if BY_NAME[name].kind != "impact"]
    texts += [("Action Items", action.title) for action in bundle.actions]
    for title, text in texts:
        warnings, placeholders = checker(title, text, bundle.dismissed)
        check.warnings += [(title, phrase) for phrase in warnings]
        check.placeholders += [(title, mark) for mark in placeholders]
    marks = filled_marks(bundle)
    check.empty = [s.title for s in SECTIONS if s.required and not marks.get(s.name)]
    check.unsigned = [r.name for r in bundle.reviewers if r.signed_off_at is None]
    return check


class PublishMixin(PostmortemReviewMixin):
    """The postmortem screens' one read, the publish check, and publishing."""

    def postmortem_bundle(self, postmortem_id: int) -> PostmortemBundle:
        """Everything a postmortem screen shows, in one read transaction."""
        with self.reading():
            pm = self.get_postmortem_by_id(postmortem_id)
            texts = {s.name: self.section_text(pm.id, s.name) for s in SECTIONS if s.kind in EDITABLE_KINDS}
            return PostmortemBundle(
                pm,
                self.get_incident(pm.incident_id),
                texts,
                self.list_events(pm.incident_id, limit=TIMELINE_PAGE),
                self.action_items_for_postmortem(pm.id),
                self.reviewers(pm.id),
                self.dismissed_hints(pm.id),
                self.proposed_actions(pm.id),
                roles_text(self.role_history(pm.incident_id), self.roles()),
            )

    def publish_check(self, postmortem_id: int, checker: TextChecker) -> PublishCheck:
        """What is left before publishing (warning hints, empty required sections, placeholders)."""
        return check_bundle(self.postmortem_bundle(postmortem_id), checker)

    def publish_postmortem(
        self, postmortem_id: int, checker: TextChecker | None = None, force: bool = False
    ) -> Postmortem:
        """Publish a postmortem that is in review. Refused with :class:`PublishRefused`
        while the publish check finds something, unless ``force`` (the facilitator decided)."""
        with self.db.write() as conn:
            pm = self.get_postmortem_by_id(postmortem_id)
            if pm.status != "in_review":
                raise InvalidInputError("status: only a postmortem in review can be published; start the review first.")
            if not force:
                if checker is None:
                    raise InvalidInputError("publishing needs the publish check, or force to publish anyway.")
                check = check_bundle(self.postmortem_bundle(postmortem_id), checker)
                if not check.clean:
                    raise PublishRefused(pm.key, check)
            self._set_status(conn, postmortem_id, "published", "published_at")
        return self.get_postmortem_by_id(postmortem_id)
