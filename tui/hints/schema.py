"""Validation of ``rules.yml`` (pydantic). Used when the compiled rule file is
built (``python -m tui.hints.build``) and by ``parse_rules``; the running
linter reads the already validated ``compiled.json`` and never imports this."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .factors import required_factors
from .model import RuleDataError, expand_lexicons

TEMPLATE_REF = re.compile(r"\\(\d+)|\\g<(\w+)>")

Level = Literal["info", "suggestion", "warning"]
Category = Literal[
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
]
Section = Literal["prose", "actions"]
Subject = Literal["person", "other", "not_system", "named", "role", "actor", "agent", "addressee"]


def _compiles(value: str | None) -> str | None:
    if value is not None:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
    return value


class ReplacementSpec(BaseModel):
    """An exact rewrite of a hint's span (see ``model.Replacement``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    match: str = Field(min_length=1)
    to: str = Field(alias="with")

    @field_validator("match")
    @classmethod
    def _match_compiles(cls, value: str) -> str:
        return _compiles(value)

    @model_validator(mode="after")
    def _groups_exist(self) -> ReplacementSpec:
        compiled = re.compile(self.match)
        for number, name in TEMPLATE_REF.findall(self.to):
            if (number and int(number) > compiled.groups) or (name and name not in compiled.groupindex):
                raise ValueError(f"'with' refers to group {number or name}, which 'match' does not have")
        return self


class RuleSpec(BaseModel):
    """The validated schema of one rule in ``rules.yml``."""

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
    not_in: str | None = None
    question: bool = False
    once: bool = False
    sections: list[Section] = Field(default_factory=lambda: ["prose", "actions"])
    section_levels: dict[Section, Level] = Field(default_factory=dict)
    suggestions: list[str] = Field(min_length=1)
    template: str = Field(min_length=1, pattern=r"\[[^\[\]\n]+\]")
    why: str = Field(min_length=1)
    source: str = Field(pattern=r"^https?://")
    example: str = Field(min_length=1)
    trap: str = Field(min_length=1)
    rewrite: str = Field(min_length=1)
    replace: list[ReplacementSpec] = Field(default_factory=list)

    @field_validator("pattern", "not_before", "not_after", "not_in")
    @classmethod
    def _regexes(cls, value: str | None) -> str | None:
        return _compiles(value)


def _describe(rule_id: str, exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(rule)"
    return f"rule {rule_id!r}: field {field!r}: {first['msg']}"


def validate(data: object, inflections: dict[str, list[str]]) -> list[dict]:
    """Validate loaded YAML data into plain rule dicts (lexicon references in
    patterns expanded), raising RuleDataError that names the rule and field."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleDataError("rule data must be a mapping with a 'rules' list")
    lexicons = data.get("lexicons") or {}
    rules: list[dict] = []
    for index, item in enumerate(data["rules"]):
        rule_id = item.get("id", f"#{index + 1}") if isinstance(item, dict) else f"#{index + 1}"
        if isinstance(item, dict):
            item = {
                **item,
                **{
                    key: expand_lexicons(item[key], lexicons, inflections)
                    for key in ("pattern", "not_before", "not_after", "not_in")
                    if isinstance(item.get(key), str)
                },
            }
        try:
            rule = RuleSpec.model_validate(item).model_dump(by_alias=True)
            rule["factors"] = required_factors(rule["pattern"])
            rules.append(rule)
        except ValidationError as exc:
            raise RuleDataError(_describe(str(rule_id), exc)) from None
        except KeyError as exc:
            raise RuleDataError(f"rule {rule_id!r}: field 'pattern': unknown lexicon {exc}") from None
    _check_unique(rules)
    return rules


def _check_unique(rules: list[dict]) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule["id"] in seen:
            raise RuleDataError(f"rule {rule['id']!r}: field 'id': duplicate rule id")
        seen.add(rule["id"])
        if rule["participle"] and f"?P<{rule['participle']}>" not in rule["pattern"]:
            raise RuleDataError(
                f"rule {rule['id']!r}: field 'participle': pattern has no group named {rule['participle']!r}"
            )
