"""UTC time: one clock for the whole store, injectable for tests.

Times are stored as ISO 8601 text with a ``Z`` and millisecond precision, so
they sort as text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Callable

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


def format_duration(seconds: float | None) -> str:
    """``1h 25m``, ``3d 2h``, ``45s``: compact, for tables and headers."""
    if seconds is None:
        return "—"
    seconds = int(max(seconds, 0))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes:02d}m"
    if minutes:
        return f"{minutes}m"
    return f"{secs}s"
