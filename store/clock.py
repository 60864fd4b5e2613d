"""UTC time: one clock for the whole store, injectable for tests.

Times are stored as ISO 8601 text with a ``Z`` and millisecond precision, so
they sort as text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Callable

from .numbers import format_duration  # noqa: F401 - where callers have always found it

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current UTC time."""
    return datetime.now(UTC)


def fixed_clock(at: datetime) -> Clock:
    """A clock that always answers ``at`` (for tests and snapshots)."""
    at = as_utc(at)
    return lambda: at


def as_utc(value: datetime) -> datetime:
    """``value`` as an aware UTC datetime (naive values are taken as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_iso(value: datetime) -> str:
    """``2025-11-27T14:05:00.000Z``."""
    value = as_utc(value)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def from_iso(text: str) -> datetime:
    """Parse a stored ISO time back into an aware UTC datetime."""
    return as_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))


def week_start(day: date) -> date:
    """The Monday of the ISO week that contains ``day``."""
    return day - timedelta(days=day.weekday())
