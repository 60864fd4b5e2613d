"""Markdown pieces shared by every export: safe table cells and time labels
(the timeline table itself is in :mod:`store.export_timeline`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def cell(value: Any, empty: str = " ") -> str:
    """User text made safe for a Markdown table cell (one line, pipes escaped)."""
    return " ".join(str("" if value is None else value).split()).replace("|", "\\|") or empty


def time_label(at: datetime, day: datetime | None = None) -> str:
    """``14:05`` on the incident's day, else ``2025-11-28 01:10``; seconds only when not zero."""
    clock = "%H:%M" if at.second == 0 else "%H:%M:%S"
    return at.strftime(clock if day is not None and at.date() == day.date() else f"%Y-%m-%d {clock}")
