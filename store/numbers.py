"""How debrief presents a number: one function per kind, used by the incident
header, the Incidents list, the Metrics screen, ``debrief metrics``, the
monthly report and every export, so 12m50s reads ``13m`` everywhere.

- A duration under a minute shows its seconds (``45s``); longer ones round to
  the nearest minute (``13m``, ``1h 05m``); from a day on, to the nearest hour
  (``3d 2h``).
- A percentage rounds to one decimal and drops a ``.0`` (``6.9%``, ``50%``).
- JSON carries the same percentages (one decimal); minutes keep two decimals
  there, for scripts that compute with them.
"""

from __future__ import annotations

import math

DASH = "—"


def round_half_up(value: float, places: int = 0) -> float:
    """Round halves away from zero (Python's ``round`` rounds them to even: 12.5 → 12)."""
    factor = 10**places
    return math.floor(abs(value) * factor + 0.5) / factor * (1 if value >= 0 else -1)


def format_duration(seconds: float | None) -> str:
    """``45s``, ``13m``, ``1h 05m``, ``3d 2h``; ``—`` when unknown."""
    if seconds is None:
        return DASH
    seconds = max(seconds, 0)
    if seconds < 59.5:
        return f"{int(round_half_up(seconds))}s"
    minutes = int(round_half_up(seconds / 60))
    if minutes < 60:
        return f"{minutes}m"
    if minutes < 24 * 60:
        return f"{minutes // 60}h {minutes % 60:02d}m"
    hours = int(round_half_up(seconds / 3600))
    return f"{hours // 24}d {hours % 24}h"


def format_minutes(minutes: float | None) -> str:
    """A figure in minutes (MTTR, time to detect) as :func:`format_duration` shows it."""
    return DASH if minutes is None else format_duration(minutes * 60)


def round_percent(value: float | None) -> float | None:
    """A percentage to one decimal (None stays None): what the JSON says and the display shows."""
    return None if value is None else round_half_up(value, 1)


def format_percent(value: float | None) -> str:
    """``6.9%``, ``50%``, ``0%``; ``—`` when unknown."""
    rounded = round_percent(value)
    if rounded is None:
        return DASH
    return f"{rounded:.0f}%" if rounded == int(rounded) else f"{rounded:.1f}%"
