"""Natural due-date input: ``2025-12-01``, ``fri``, ``+7d`` (or ``7d``), ``tomorrow``.

A pure module (no Textual, no store): :func:`parse_due_date` turns what a
person types into a :class:`datetime.date`, relative to ``today``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = {"d": 1, "w": 7}
ACCEPTED = "a date like 2025-12-01, a weekday like fri, +7d or +2w, today or tomorrow"


class DateInputError(ValueError):
    """The text is not a date; the message says what is accepted."""


def parse_due_date(text: str, today: date, field: str = "due date") -> date | None:
    """The date ``text`` names, relative to ``today``; None for empty text.

    A weekday means its next occurrence after today (``fri`` on a Friday is a
    week later). Raises :class:`DateInputError` naming the field otherwise.
    """
    value = text.strip().lower()
    if not value:
        return None
    for parse in (_iso, _relative, _weekday, _word):
        try:
            found = parse(value, today)
        except DateInputError as exc:
            raise DateInputError(f"{field} {exc}") from None
        if found is not None:
            return found
    raise DateInputError(f"{field} {text.strip()!r} is not understood; use {ACCEPTED}.")


def _iso(value: str, today: date) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        return None
    year, month, day = (int(part) for part in value.split("-"))
    try:
        return date(year, month, day)
    except ValueError:
        raise DateInputError(f"{value} is not a real calendar date; use {ACCEPTED}.") from None


def _relative(value: str, today: date) -> date | None:
    match = re.fullmatch(r"\+?\s*(\d{1,4})\s*([dw])", value)
    if not match:
        return None
    return today + timedelta(days=int(match.group(1)) * UNITS[match.group(2)])


def _weekday(value: str, today: date) -> date | None:
    if len(value) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(value):
            ahead = (index - today.weekday() - 1) % 7 + 1
            return today + timedelta(days=ahead)
    return None


def _word(value: str, today: date) -> date | None:
    return {"today": today, "tomorrow": today + timedelta(days=1)}.get(value)


def parse_moment(text: str, now: datetime, field: str) -> datetime:
    """When something happened, as on the capture line: ``now``, ``-5m``, ``14:05`` (today, UTC) or
    ``2025-11-27 14:05``; never in the future. :class:`DateInputError` names ``field``."""
    from .capture.grammar import GrammarError, parse_time

    if text.strip().lower() == "now":
        return now
    try:
        return parse_time(text, now)
    except GrammarError as exc:
        raise DateInputError(f"{field}: {exc}") from None
