"""Periods for the metrics: a week (Monday to Sunday), a month, a quarter, or any
inclusive range of days. A period is ``[start, end)`` in whole UTC days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .clock import week_start

KINDS = ("month", "quarter", "week")


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole UTC days from ``start`` (inclusive) to ``end`` (exclusive)."""

    start: date
    end: date
    kind: str = "range"

    @classmethod
    def containing(cls, day: date, kind: str) -> Period:
        """The week, month or quarter that contains ``day``."""
        if kind == "week":
            start = week_start(day)
            return cls(start, start + timedelta(days=7), kind)
        if kind == "month":
            start = day.replace(day=1)
            return cls(start, add_months(start, 1), kind)
        if kind == "quarter":
            start = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
            return cls(start, add_months(start, 3), kind)
        raise ValueError(f"unknown period kind {kind!r}")

    @classmethod
    def days(cls, first: date, last: date) -> Period:
        """The days ``first`` to ``last``, both included. A range that is exactly a
        calendar month, quarter or week (Monday to Sunday) is that period, so its
        previous period is the calendar one before it, as on the Metrics screen and
        in the report; any other range's previous period is the same number of days
        just before it."""
        end = last + timedelta(days=1)
        for kind in ("month", "quarter", "week"):
            calendar = cls.containing(first, kind)
            if calendar.start == first and calendar.end == end:
                return calendar
        return cls(first, end)

    @property
    def last_day(self) -> date:
        """The last day inside the period."""
        return self.end - timedelta(days=1)

    def shift(self, steps: int) -> Period:
        """The period ``steps`` before (negative) or after (positive) this one."""
        if self.kind == "range":
            length = self.end - self.start
            return Period(self.start + length * steps, self.end + length * steps)
        if self.kind == "week":
            return Period.containing(self.start + timedelta(days=7 * steps), "week")
        months = 1 if self.kind == "month" else 3
        return Period.containing(add_months(self.start, months * steps), self.kind)

    def previous(self) -> Period:
        """The period just before, of the same kind and length."""
        return self.shift(-1)

    @property
    def label(self) -> str:
        """``Week of 2025-11-24``, ``November 2025``, ``Q4 2025`` or ``2025-11-01 – 2025-11-30``."""
        if self.kind == "week":
            return f"Week of {self.start.isoformat()}"
        if self.kind == "month":
            return self.start.strftime("%B %Y")
        if self.kind == "quarter":
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"
        return f"{self.start.isoformat()} – {self.last_day.isoformat()}"

    @property
    def short_label(self) -> str:
        """A label for chart axes: ``11-24``, ``2025-11``, ``2025Q4``."""
        if self.kind == "month":
            return self.start.strftime("%Y-%m")
        if self.kind == "quarter":
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        return self.start.strftime("%m-%d")

    def as_dict(self) -> dict[str, str]:
        """``{"from", "to", "label"}``: the days covered (both included), for JSON."""
        return {"from": self.start.isoformat(), "to": self.last_day.isoformat(), "label": self.label}

    def bounds(self) -> dict[str, str]:
        """SQL parameters: times as stored text and days as ISO dates."""
        return {
            "t0": f"{self.start.isoformat()}T00:00:00.000Z",
            "t1": f"{self.end.isoformat()}T00:00:00.000Z",
            "d0": self.start.isoformat(),
            "d1": self.end.isoformat(),
        }
