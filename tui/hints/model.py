"""Data types of the hint engine: levels, the Hint a check reports, and the
validated schema of one rule in ``rules.yml``."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

LEVELS: tuple[str, ...] = ("info", "suggestion", "warning")
"""Hint levels, weakest first; ``LEVELS.index`` orders them."""

CATEGORIES: tuple[str, ...] = (
    "counterfactual", "hindsight", "human_error", "person_as_cause", "judgment",
    "minimization", "root_cause", "blame_question", "punitive_remedy", "distancing",
)
"""The ten categories of blameful wording (see BLAMELESS.md)."""

SECTIONS: tuple[str, ...] = ("prose", "actions")
"""Kinds of section a rule can be limited to: ordinary prose or Action Items."""

RULES_PATH = Path(__file__).with_name("rules.yml")

Level = Literal["info", "suggestion", "warning"]
Category = Literal[
    "counterfactual", "hindsight", "human_error", "person_as_cause", "judgment",
    "minimization", "root_cause", "blame_question", "punitive_remedy", "distancing",
]
Section = Literal["prose", "actions"]
Subject = Literal["person", "other", "not_system", "named", "role"]


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


class RuleDataError(ValueError):
    """The rule data is malformed; the message names the rule id and field."""


TEMPLATE_REF = re.compile(r"\\(\d+)|\\g<(\w+)>")


class Replacement(BaseModel):
    """An exact rewrite of a hint's span: when ``match`` (a case-insensitive
    regex) matches the whole span, ctrl+r puts ``with`` there (``\\1``
    refers to a group; an empty ``with`` removes the span)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    match: str = Field(min_length=1)
    to: str = Field(alias="with")

    @field_validator("match")
    @classmethod
    def _match_compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
        return value

    @model_validator(mode="after")
    def _groups_exist(self) -> Replacement:
        compiled = re.compile(self.match)
        for number, name in TEMPLATE_REF.findall(self.to):
            if (number and int(number) > compiled.groups) or (name and name not in compiled.groupindex):
                raise ValueError(f"'with' refers to group {number or name}, which 'match' does not have")
        return self

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled ``match`` (case-insensitive)."""
        return re.compile(self.match, re.IGNORECASE)


class Rule(BaseModel):
    """One rule of ``rules.yml``: a trigger regex plus the checks that keep
    its precision high, and the text shown to the writer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    category: Category
    level: Level
    message: str = Field(min_length=1)
    pattern: str = Field(min_length=1)
    subject: Subject | None = None
    subject_from: Literal["verb", "clause"] = "verb"
    participle: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    question: bool = False
    sections: list[Section] = Field(default_factory=lambda: list(SECTIONS))
    section_levels: dict[Section, Level] = Field(default_factory=dict)
    suggestions: list[str] = Field(min_length=1)
    why: str = Field(min_length=1)
    source: str = Field(pattern=r"^https?://")
    example: str = Field(min_length=1)
    trap: str = Field(min_length=1)
    rewrite: str = Field(min_length=1)
    replace: list[Replacement] = Field(default_factory=list)

    @field_validator("pattern", "not_before", "not_after")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression ({exc})") from None
        return value

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


def _describe(rule_id: str, exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(rule)"
    return f"rule {rule_id!r}: field {field!r}: {first['msg']}"


def parse_rules(data: object) -> tuple[Rule, ...]:
    """Validate loaded YAML data into rules, raising RuleDataError."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleDataError("rule data must be a mapping with a 'rules' list")
    rules: list[Rule] = []
    for index, item in enumerate(data["rules"]):
        rule_id = item.get("id", f"#{index + 1}") if isinstance(item, dict) else f"#{index + 1}"
        try:
            rules.append(Rule.model_validate(item))
        except ValidationError as exc:
            raise RuleDataError(_describe(str(rule_id), exc)) from None
    _check_unique(rules)
    return tuple(rules)


def _check_unique(rules: list[Rule]) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleDataError(f"rule {rule.id!r}: field 'id': duplicate rule id")
        seen.add(rule.id)
    for rule in rules:
        if rule.participle and f"?P<{rule.participle}>" not in rule.pattern:
            raise RuleDataError(
                f"rule {rule.id!r}: field 'participle': pattern has no group "
                f"named {rule.participle!r}")


def load_rules(path: Path | str | None = None) -> tuple[Rule, ...]:
    """Load and validate the rule data (the bundled ``rules.yml`` by default,
    read once per process)."""
    return _load(Path(path) if path is not None else RULES_PATH)


@lru_cache(maxsize=8)
def _load(source: Path) -> tuple[Rule, ...]:
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleDataError(f"{source.name}: not valid YAML ({exc})") from None
    return parse_rules(data)
