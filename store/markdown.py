"""Markdown pieces shared by every export: safe table cells and the seed
template's ``| Time | Event |`` timeline table."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from .events import TimelineEvent


def cell(value: Any, empty: str = " ") -> str:
    """User text made safe for a Markdown table cell (one line, pipes escaped)."""
    return " ".join(str("" if value is None else value).split()).replace("|", "\\|") or empty


def time_label(at: datetime, day: datetime | None = None) -> str:
    """``14:05`` on the incident's day, else ``2025-11-28 01:10``; seconds only when not zero."""
    clock = "%H:%M" if at.second == 0 else "%H:%M:%S"
    return at.strftime(clock if day is not None and at.date() == day.date() else f"%Y-%m-%d {clock}")


def timeline_table(events: Iterable[TimelineEvent], day: datetime | None = None,
                   include_status: bool = True) -> str:
    """The ``| Time | Event |`` table in UTC, key (pinned) moments marked ★."""
    lines = ["| Time | Event |", "| --- | --- |"]
    for event in events:
        if event.kind == "status" and not include_status:
            continue
        mark = "★ " if event.pinned else ""
        lines.append(f"| {time_label(event.occurred_at, day)} | {mark}{cell(event.text)} |")
    return "\n".join(lines)
