"""Second thoughts before saving a capture: a typed time of day that lands before
the incident started (its logged impact start, else its declaration), or more
than 12 hours back, is probably in the wrong zone or day. A time between impact
start and the declaration is how detection usually goes, so it is not asked
about. A pure module: the screen passes the times in and asks the person."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from store import format_duration

from .grammar import Capture
from .zones import zone_label

#: A typed time further back than this is asked about.
FAR_BACK = timedelta(hours=12)


def time_doubt(
    capture: Capture, now: datetime, started_at: datetime, zone: tzinfo, what: str = "the incident was declared"
) -> str | None:
    """One sentence saying why the typed time looks wrong, or None when it looks right.
    Relative times (``-5m``) are never doubted: they cannot be in the wrong zone."""
    when = capture.occurred_at
    if when is None or not capture.typed_time:
        return None
    local = when.astimezone(zone)
    day = "yesterday " if local.date() < now.astimezone(zone).date() else ""
    said = f"{local:%H:%M} {zone_label(zone)} is {day}{local:%Y-%m-%d %H:%M} ({when:%H:%M} UTC)"
    if now - when > FAR_BACK:
        return f"{said}, {format_duration((now - when).total_seconds())} ago."
    if when < started_at:
        gap = format_duration((started_at - when).total_seconds())
        return f"{said}, {gap} before {what} ({started_at.astimezone(zone):%H:%M})."
    return None
