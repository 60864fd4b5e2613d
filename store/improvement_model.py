"""The Improvement (a PDCA card) and its finished cycles: models and field checks."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from .base import RowModel
from .errors import InvalidInputError
from .incidents import check_choice
from .recurrence import Recurrence

STAGES = ("plan", "do", "check", "act")
IMPROVEMENT_STATUSES = ("proposed", "in_progress", "completed", "abandoned")
DECISIONS = ("standardize", "iterate", "abandon")
NUMBER_FIELDS = ("before_value", "target_value", "after_value")
TEXT_FIELDS = (
    "title",
    "source_text",
    "hypothesis",
    "owner",
    "before_metric",
    "after_metric",
    "expected_impact",
    "measured_impact",
)
IMPROVEMENT_FIELDS = TEXT_FIELDS + NUMBER_FIELDS + ("stage", "status", "decision", "cycle")
KEY_PATTERN = re.compile(r"^[A-Z][A-Z0-9]*-\d+$")


def format_number(value: float | None) -> str:
    """``7`` rather than ``7.0``; an em dash when missing."""
    if value is None:
        return "—"
    return f"{value:g}"


class ImprovementCycle(RowModel):
    """One finished PDCA cycle of a card, kept when the team iterates or decides."""

    cycle: int
    hypothesis: str = ""
    before_metric: str = ""
    before_value: float | None = None
    target_value: float | None = None
    after_metric: str = ""
    after_value: float | None = None
    measured_impact: str = ""
    decision: str
    ended_at: datetime


class Improvement(BaseModel):
    """A PDCA card: what we change, how we measure it, and what we decided."""

    id: int
    key: str
    title: str
    source_text: str = ""
    stage: str = "plan"
    status: str = "proposed"
    hypothesis: str = ""
    owner: str = ""
    before_metric: str = ""
    before_value: float | None = None
    target_value: float | None = None
    after_metric: str = ""
    after_value: float | None = None
    expected_impact: str = ""
    measured_impact: str = ""
    decision: str | None = None
    cycle: int = 1
    created_at: datetime
    updated_at: datetime
    #: Keys of the source postmortems (``PM-0013``).
    sources: list[str] = Field(default_factory=list)
    actions_done: int = 0
    actions_total: int = 0
    #: Keys of later incidents that recur a source incident (see ``store/recurrence.py``).
    recurred: list[str] = Field(default_factory=list)
    #: The same incidents, each with what it shares with its source.
    recurrences: list[Recurrence] = Field(default_factory=list)
    history: list[ImprovementCycle] = Field(default_factory=list)

    @property
    def source_label(self) -> str:
        """Source postmortems and free text, as one line."""
        return ", ".join([*self.sources, *([self.source_text] if self.source_text else [])])

    @property
    def change(self) -> float | None:
        """after − before, once both are known."""
        if self.before_value is None or self.after_value is None:
            return None
        return self.after_value - self.before_value

    @property
    def percent(self) -> float | None:
        """The change as a percentage of the before value (None when before is 0 or unknown)."""
        if self.change is None or not self.before_value:
            return None
        return self.change / self.before_value * 100

    @property
    def change_text(self) -> str:
        """``-7 (-100%)``: the measured change, empty until the after value is recorded."""
        if self.change is None:
            return ""
        percent = f" ({self.percent:+.0f}%)" if self.percent is not None else ""
        return f"{self.change:+g}{percent}"

    @property
    def metric_text(self) -> str:
        """``manual checks per week: 7 → 0`` (or ``→ target 2`` until measured)."""
        if self.before_value is None and self.after_value is None and self.target_value is None:
            return self.before_metric
        before = format_number(self.before_value)
        if self.after_value is not None:
            arrow = f"{before} → {format_number(self.after_value)}"
        else:
            arrow = f"{before} → target {format_number(self.target_value)}"
        return f"{self.before_metric}: {arrow}" if self.before_metric else arrow


def improvement_column(field: str, value: Any) -> Any:
    """Validate one field; InvalidInputError names it and what is accepted."""
    if field not in IMPROVEMENT_FIELDS:
        raise InvalidInputError(f"{field!r} is not an improvement field.")
    if field == "title" and not str(value or "").strip():
        raise InvalidInputError("title is empty; say what the improvement changes.")
    if field in NUMBER_FIELDS:
        return parse_number(field, value)
    if field == "stage":
        return check_choice("stage", value, STAGES)
    if field == "status":
        return check_choice("status", value, IMPROVEMENT_STATUSES)
    if field == "decision":
        return None if value in (None, "") else check_choice("decision", value, DECISIONS)
    if field == "cycle":
        return int(value)
    return str(value or "").strip()


def parse_number(field: str, value: Any) -> float | None:
    """A number (``7``, ``2.5``) or None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InvalidInputError(f"{field.replace('_', ' ')} must be a number such as 7 or 2.5.")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InvalidInputError(
            f"{field.replace('_', ' ')} {value!r} is not a number; write it like 7 or 2.5."
        ) from None


def check_key(key: str) -> str:
    """An improvement key such as ``IMP-001`` (upper case), or InvalidInputError."""
    normal = str(key).strip().upper()
    if not KEY_PATTERN.match(normal):
        raise InvalidInputError(f"id {key!r} is not a key like IMP-001.")
    return normal
