"""The seed's ``improvement-tracker.yaml``: export cards to it, import them from it.

The shape is a top-level ``improvements:`` list whose items have ``id``,
``title``, ``source``, ``status``, ``before``/``after`` (``metric``, ``value``),
``impact`` and ``expected_impact``; debrief adds ``stage``, ``owner``,
``hypothesis``, ``target``, ``decision``, ``cycle`` and ``history`` so that an
export imports back with nothing lost. A file with any problem is refused
whole: every problem is listed by item and field, and nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .clock import to_iso
from .errors import InvalidInputError
from .improvement_model import Improvement, ImprovementCycle, format_number
from .yaml_errors import describe_errors

if TYPE_CHECKING:
    from .store import Store

Status = Literal["proposed", "in_progress", "completed", "abandoned"]
Stage = Literal["plan", "do", "check", "act"]
Decision = Literal["standardize", "iterate", "abandon"]


def as_source_list(value: Any) -> Any:
    """``source`` may be one text or a list of texts."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return value
    raise ValueError("must be a text such as PM-042 or Quarterly review, or a list of them")


class Entry(BaseModel):
    """Fields debrief knows; unknown ones are reported, not silently kept."""

    model_config = ConfigDict(extra="allow", strict=False)


class Measure(Entry):
    """``before:`` / ``after:`` — a metric name and its value."""

    metric: str = ""
    value: float | None = None


class CycleEntry(Entry):
    """One finished PDCA cycle in ``history:``."""

    cycle: int = Field(ge=1)
    decision: Decision
    hypothesis: str = ""
    before: Measure | None = None
    target: float | None = None
    after: Measure | None = None
    impact: str = ""
    ended_at: datetime


class ImprovementEntry(Entry):
    """One item of ``improvements:``."""

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9]*-\d+$")
    title: str = Field(min_length=1)
    source: Annotated[list[str], BeforeValidator(as_source_list)] = Field(default_factory=list)
    status: Status
    stage: Stage | None = None
    owner: str = ""
    hypothesis: str = ""
    before: Measure | None = None
    target: float | None = None
    after: Measure | None = None
    impact: str = ""
    expected_impact: str = ""
    decision: Decision | None = None
    cycle: int = Field(default=1, ge=1)
    history: list[CycleEntry] = Field(default_factory=list)


class TrackerFile(BaseModel):
    """The whole file."""

    improvements: list[ImprovementEntry]


@dataclass
class ImportResult:
    """What an import did: keys created and updated, and fields it did not know."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class TrackerFileError(InvalidInputError):
    """The file was refused; ``problems`` lists each one in plain words."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(
            f"The file was not imported ({count}; nothing was changed):\n" + "\n".join(f"  - {p}" for p in problems)
        )


# ---------------------------------------------------------------- export


def number(value: float | None) -> int | float | None:
    """7.0 → 7 so the file reads as people write it."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def measure(metric: str, value: float | None) -> dict | None:
    """``{metric: …, value: …}`` or None when both are empty."""
    if not metric and value is None:
        return None
    return {"metric": metric, "value": number(value)}


def cycle_to_dict(cycle: ImprovementCycle) -> dict:
    """One history entry."""
    data = {
        "cycle": cycle.cycle,
        "decision": cycle.decision,
        "hypothesis": cycle.hypothesis,
        "before": measure(cycle.before_metric, cycle.before_value),
        "target": number(cycle.target_value),
        "after": measure(cycle.after_metric, cycle.after_value),
        "impact": cycle.measured_impact,
        "ended_at": to_iso(cycle.ended_at),
    }
    return {k: v for k, v in data.items() if v not in (None, "")}


def card_to_dict(card: Improvement) -> dict:
    """One item of ``improvements:`` (empty fields left out)."""
    sources = [*card.sources, *([card.source_text] if card.source_text else [])]
    data: dict[str, Any] = {
        "id": card.key,
        "title": card.title,
        "source": sources[0] if len(sources) == 1 else sources,
        "status": card.status,
        "stage": card.stage,
        "owner": card.owner,
        "hypothesis": card.hypothesis,
        "before": measure(card.before_metric, card.before_value),
        "target": number(card.target_value),
        "after": measure(card.after_metric, card.after_value),
        "impact": card.measured_impact,
        "expected_impact": card.expected_impact,
        "decision": card.decision,
        "cycle": card.cycle if card.cycle != 1 else None,
        "history": [cycle_to_dict(c) for c in card.history],
    }
    return {k: v for k, v in data.items() if v not in (None, "", [])}


class TrackerDumper(yaml.SafeDumper):
    """Indents list items under their key (``improvements:`` then ``  - id: IMP-001``), as the seed does."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def key_order(card: Improvement) -> tuple:
    """``IMP-002`` before ``IMP-010``; other prefixes (imported keys) grouped by prefix."""
    prefix, _, number = card.key.rpartition("-")
    return (prefix, int(number) if number.isdigit() else 0, card.key)


def export_yaml(store: Store) -> str:
    """Every card, in key order, as the tracker file's text."""
    cards = [card_to_dict(c) for c in sorted(store.list_improvements(), key=key_order)]
    return yaml.dump({"improvements": cards}, Dumper=TrackerDumper, sort_keys=False, allow_unicode=True, width=100)


# ---------------------------------------------------------------- import


def parse_tracker(text: str) -> tuple[TrackerFile, list[str]]:
    """Validate the text; TrackerFileError lists every problem. Also returns warnings."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TrackerFileError([yaml_problem(exc)]) from None
    if not isinstance(data, dict) or "improvements" not in data:
        raise TrackerFileError(["The file has no top-level 'improvements:' list."])
    try:
        tracker = TrackerFile.model_validate(data)
    except ValidationError as exc:
        raise TrackerFileError(describe_errors(exc, data)) from None
    problems = duplicate_ids(tracker)
    if problems:
        raise TrackerFileError(problems)
    return tracker, unknown_fields(tracker)


def yaml_problem(exc: yaml.YAMLError) -> str:
    """``The file is not valid YAML at line 7, column 1: found unexpected end of stream (while
    scanning a quoted scalar that starts at line 3, column 12).`` — both places, as the parser saw them."""
    mark, context, start = (getattr(exc, n, None) for n in ("problem_mark", "context", "context_mark"))
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    text = f"The file is not valid YAML{where}: {getattr(exc, 'problem', None) or exc}"
    if context and start and (mark is None or (start.line, start.column) != (mark.line, mark.column)):
        text += f" (in the {plain_context(context)} that starts at line {start.line + 1}, column {start.column + 1})"
    return text + "."


#: The parser's names for what it was reading, in the words a person uses.
YAML_WORDS = {
    "quoted scalar": "quoted text",
    "flow mapping": "{…} mapping",
    "flow sequence": "[…] list",
    "block mapping": "mapping",
    "block collection": "list",
    "plain scalar": "text",
}


def plain_context(context: str) -> str:
    """``while scanning a quoted scalar`` → ``quoted text``."""
    what = re.sub(r"^while (scanning|parsing) (an? )?", "", context)
    return YAML_WORDS.get(what, what)


def duplicate_ids(tracker: TrackerFile) -> list[str]:
    """One problem per id used twice."""
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(tracker.improvements, start=1):
        key = item.id.upper()
        if key in seen:
            problems.append(f"Item {index} ({item.id}): id {item.id} is already used by item {seen[key]}.")
        seen.setdefault(key, index)
    return problems


def unknown_fields(tracker: TrackerFile) -> list[str]:
    """Warnings for fields debrief does not know (they are not imported)."""
    warnings = []
    for index, item in enumerate(tracker.improvements, start=1):
        for name in item.model_extra or {}:
            warnings.append(f"Item {index} ({item.id}): field '{name}' is not known to debrief and was not imported.")
    return warnings


def card_fields(item: ImprovementEntry) -> dict[str, Any]:
    """The store's fields for one entry (stage and decision inferred from status when absent)."""
    before, after = item.before or Measure(), item.after or Measure()
    stage = item.stage or infer_stage(item.status, after.value)
    decision = item.decision or {"completed": "standardize", "abandoned": "abandon"}.get(item.status)
    return {
        "title": item.title,
        "status": item.status,
        "stage": stage,
        "owner": item.owner,
        "hypothesis": item.hypothesis,
        "before_metric": before.metric,
        "before_value": before.value,
        "target_value": item.target,
        "after_metric": after.metric,
        "after_value": after.value,
        "measured_impact": item.impact,
        "expected_impact": item.expected_impact,
        "decision": decision,
        "cycle": item.cycle,
    }


#: File fields and the store fields they fill; on update, fields absent from the file are kept.
OPTIONAL_FIELDS = {
    "owner": ("owner",),
    "hypothesis": ("hypothesis",),
    "before": ("before_metric", "before_value"),
    "target": ("target_value",),
    "after": ("after_metric", "after_value"),
    "impact": ("measured_impact",),
    "expected_impact": ("expected_impact",),
    "cycle": ("cycle",),
}


def update_fields(item: ImprovementEntry) -> dict[str, Any]:
    """The fields an update writes: those the file gives (status, stage and decision always)."""
    fields = card_fields(item)
    for name, columns in OPTIONAL_FIELDS.items():
        if name not in item.model_fields_set:
            for column in columns:
                fields.pop(column)
    return fields


def infer_stage(status: str, after_value: float | None) -> str:
    """Where a card without a ``stage`` sits on the board."""
    if status in ("completed", "abandoned"):
        return "act"
    if status == "in_progress":
        return "check" if after_value is not None else "do"
    return "plan"


def import_yaml(store: Store, text: str) -> ImportResult:
    """Import every card in one transaction, or refuse the file whole.

    A new key creates a card; an existing key is updated with the fields the file gives
    (fields it leaves out, such as an owner the seed file does not have, are kept).
    """
    tracker, warnings = parse_tracker(text)
    result = ImportResult(warnings=warnings)
    with store.db.write() as conn:
        for item in tracker.improvements:
            key = item.id.upper()
            existing = store.find_improvement(key)
            if existing is None:
                card = store.create_improvement(sources=item.source, key=key, **card_fields(item))
                result.created.append(key)
            else:
                sources = item.source if "source" in item.model_fields_set else None
                card = store.update_improvement(existing.id, sources=sources, **update_fields(item))
                result.updated.append(key)
            if existing is None or "history" in item.model_fields_set:
                replace_history(conn, card.id, item.history)
    return result


def replace_history(conn: Any, ident: int, history: list[CycleEntry]) -> None:
    """The card's finished cycles, exactly as the file lists them."""
    conn.execute("DELETE FROM improvement_cycle WHERE improvement_id = ?", (ident,))
    for c in history:
        before, after = c.before or Measure(), c.after or Measure()
        ended = to_iso(c.ended_at)
        conn.execute(
            "INSERT INTO improvement_cycle (improvement_id, cycle, hypothesis, before_metric, before_value, "
            "target_value, after_metric, after_value, measured_impact, decision, ended_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                ident,
                c.cycle,
                c.hypothesis,
                before.metric,
                before.value,
                c.target,
                after.metric,
                after.value,
                c.impact,
                c.decision,
                ended,
            ),
        )


__all__ = ["ImportResult", "TrackerFileError", "export_yaml", "import_yaml", "parse_tracker", "format_number"]
