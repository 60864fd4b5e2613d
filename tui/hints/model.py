"""Data types of the hint engine: levels, the Hint a check reports, and one
rule. Rules come from ``compiled.json``, generated from ``rules.yml`` and
``lexicon.json`` by ``python -m tui.hints.build`` (validated there), so
loading them costs one JSON read: no YAML, no pydantic, nothing at import
time. A custom rules file (``load_rules(path)``) is validated on load."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

LEVELS: tuple[str, ...] = ("info", "suggestion", "warning")
"""Hint levels, weakest first; ``LEVELS.index`` orders them."""

CATEGORIES: tuple[str, ...] = (
    "counterfactual",
    "hindsight",
    "human_error",
    "person_as_cause",
    "judgment",
    "minimization",
    "root_cause",
    "blame_question",
    "punitive_remedy",
    "distancing",
)
"""The ten categories of blameful wording (see BLAMELESS.md)."""

SECTIONS: tuple[str, ...] = ("prose", "actions")
"""Kinds of section a rule can be limited to: ordinary prose or Action Items."""

HERE = Path(__file__).parent
RULES_PATH = HERE / "rules.yml"
LEXICON_PATH = HERE / "lexicon.json"
COMPILED_PATH = HERE / "compiled.json"
LEXICON_REF = re.compile(r"\{\{(\w+):(\w+)\}\}")
"""``{{kind:name}}`` in a pattern: the words of lexicon ``name`` in the
forms ``kind`` names (``KINDS``)."""


class RuleDataError(ValueError):
    """The rule data is malformed; the message names the rule id and field."""


@dataclass(frozen=True)
class Hint:
    """One piece of blameful wording found in a text.

    ``start``/``end`` are character offsets into the linted text, so
    ``text[start:end] == hint.text``; ``line`` and ``column`` are 1-based.
    """

    rule: str
    category: str
    level: str
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestions: tuple[str, ...]
    why: str

    def to_dict(self) -> dict:
        """The hint as plain JSON-ready data."""
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data


@dataclass(frozen=True)
class Replacement:
    """An exact rewrite of a hint's span: when ``match`` (a case-insensitive
    regex) matches the whole span, ctrl+r puts ``to`` there (``\\1`` refers
    to a group; an empty ``to`` removes the span)."""

    match: str
    to: str

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled ``match`` (case-insensitive)."""
        return re.compile(self.match, re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One rule: a trigger regex plus the checks that keep its precision
    high, and the text shown to the writer (validated in ``schema.py``)."""

    id: str
    category: str
    level: str
    message: str
    pattern: str
    suggestions: tuple[str, ...]
    template: str
    why: str
    source: str
    example: str
    trap: str
    rewrite: str
    subject: str | None = None
    subject_from: str = "verb"
    participle: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    not_in: str | None = None
    question: bool = False
    once: bool = False
    sections: tuple[str, ...] = SECTIONS
    section_levels: dict = field(default_factory=dict, hash=False, compare=False)
    replace: tuple[Replacement, ...] = ()
    factors: tuple[str, ...] | None = None
    """Lower-case strings one of which is in every match (see factors.py)."""

    @classmethod
    def from_dict(cls, data: dict) -> Rule:
        """A Rule from a validated plain dict."""
        values = dict(data)
        values["suggestions"] = tuple(values["suggestions"])
        values["sections"] = tuple(values.get("sections") or SECTIONS)
        values["factors"] = tuple(values["factors"]) if values.get("factors") else None
        values["replace"] = tuple(
            Replacement(r["match"], r.get("with", r.get("to", ""))) for r in values.get("replace") or ()
        )
        return cls(**values)

    @cached_property
    def factor_regex(self) -> re.Pattern[str] | None:
        """The factors as one literal alternation, searched in lower-cased text."""
        if self.factors is None:
            return None
        return re.compile("|".join(re.escape(f) for f in sorted(self.factors, key=len)))

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled trigger (case-insensitive)."""
        return re.compile(self.pattern, re.IGNORECASE)

    @cached_property
    def before_regex(self) -> re.Pattern[str] | None:
        """Compiled ``not_before``, anchored to the end of the left context."""
        if self.not_before is None:
            return None
        return re.compile(rf"(?:{self.not_before})\W*$", re.IGNORECASE)

    @cached_property
    def after_regex(self) -> re.Pattern[str] | None:
        """Compiled ``not_after``, anchored to the start of the right context."""
        if self.not_after is None:
            return None
        return re.compile(rf"\W*(?:{self.not_after})", re.IGNORECASE)

    @cached_property
    def sentence_regex(self) -> re.Pattern[str] | None:
        """Compiled ``not_in``: anywhere in the sentence, it cancels the hit."""
        return None if self.not_in is None else re.compile(self.not_in, re.IGNORECASE)

    def level_in(self, section: str) -> str:
        """The rule's level in a section kind (``prose`` or ``actions``)."""
        return self.section_levels.get(section, self.level)

    def replacement(self, span: str) -> str | None:
        """The exact rewrite of a matched span ("" removes it), or None when
        the rule has no replacement for this span."""
        for item in self.replace:
            found = item.regex.fullmatch(span.strip())
            if found:
                return found.expand(item.to)
        return None


KINDS = {
    "past": ("vbd", "vbn"),
    "vbd": ("vbd",),
    "vbn": ("vbn",),
    "ing": ("vbg", "ing"),
    "verbs": ("vbd", "vbn", "ing", "vbz"),
    "nouns": ("nns",),
    "base": (),
}
"""Forms a ``{{kind:lexicon}}`` reference stands for; ``verbs``, ``nouns``
and ``base`` include the lemma itself."""


def expand_lexicons(pattern: str, lexicons: dict, inflections: dict) -> str:
    """Replace ``{{kind:name}}`` references by an alternation of the words
    of lexicon ``name`` in the forms ``kind`` names (see ``KINDS``)."""

    def forms(match: re.Match[str]) -> str:
        kind, name = match.group(1), match.group(2)
        if kind not in KINDS:
            raise KeyError(f"{kind}:{name}")
        words: set[str] = set()
        for lemma in lexicons[name]:
            table = inflections.get(lemma) or {}
            words.update(f for tag in KINDS[kind] for f in table.get(tag, ()))
            if kind in ("verbs", "nouns", "base") or not any(table.get(t) for t in KINDS[kind]):
                words.add(lemma)
        ordered = sorted(
            (re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", "[- ]?") for w in words), key=lambda w: (-len(w), w)
        )
        return "(?:" + "|".join(ordered) + ")"

    return LEXICON_REF.sub(forms, pattern)


def source_digest() -> str:
    """SHA-256 of the inputs of ``compiled.json`` (rules and lexicon)."""
    digest = hashlib.sha256()
    for path in (RULES_PATH, LEXICON_PATH):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def lexicon() -> dict:
    """The generated lexicon (inflections and first names), read once."""
    return _read_json(LEXICON_PATH)


_CACHE: dict[str, object] = {}


def _read_json(path: Path) -> dict:
    key = str(path)
    if key not in _CACHE:
        _CACHE[key] = json.loads(path.read_text(encoding="utf-8"))
    return _CACHE[key]  # type: ignore[return-value]


def parse_rules(data: object) -> tuple[Rule, ...]:
    """Validate loaded YAML data into rules, raising RuleDataError."""
    from .schema import validate  # pydantic only here

    return tuple(Rule.from_dict(rule) for rule in validate(data, lexicon()["inflections"]))


def load_rules(path: Path | str | None = None) -> tuple[Rule, ...]:
    """The rules, loaded once per process: the bundled ``compiled.json`` by
    default, or a rules YAML file validated on load."""
    key = f"rules:{path}"
    if key not in _CACHE:
        if path is None:
            compiled = _read_json(COMPILED_PATH)
            _CACHE[key] = tuple(Rule.from_dict(rule) for rule in compiled["rules"])
        else:
            import yaml

            try:
                data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise RuleDataError(f"{Path(path).name}: not valid YAML ({exc})") from None
            _CACHE[key] = parse_rules(data)
    return _CACHE[key]  # type: ignore[return-value]


def first_names() -> frozenset[str]:
    """Common first names (lower case), from the generated lexicon."""
    key = "first_names"
    if key not in _CACHE:
        _CACHE[key] = frozenset(lexicon()["first_names"])
    return _CACHE[key]  # type: ignore[return-value]
