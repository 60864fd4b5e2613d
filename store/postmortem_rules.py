"""When an incident needs a postmortem, and when that postmortem is late: one
definition for the Incidents list, the metrics, and the monthly report.

A postmortem is *required* when a seed trigger says so (customer-facing, data
loss, on-call escalation, security); a near miss makes one *recommended*. A
required postmortem is *overdue* when no draft exists 48 hours after the
incident was resolved.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

#: The triggers that make a postmortem required.
REQUIRED_BY = ("customer_facing", "data_loss", "oncall_escalation", "security")
#: The triggers that make one recommended.
RECOMMENDED_BY = ("near_miss",)
DEADLINE_HOURS = 48
DEADLINE = timedelta(hours=DEADLINE_HOURS)


def needs_postmortem(incident: Any) -> bool:
    """True when a trigger makes a postmortem required."""
    return any(getattr(incident, trigger) for trigger in REQUIRED_BY)


def needs_postmortem_sql(alias: str = "i") -> str:
    """The same rule as a SQL expression over the ``incident`` table aliased ``alias``."""
    return "(" + " OR ".join(f"{alias}.{trigger}" for trigger in REQUIRED_BY) + ")"


def deadline_sql(resolved: str) -> str:
    """The draft deadline as stored text, from a SQL expression for the resolution time."""
    return f"strftime('%Y-%m-%dT%H:%M:%fZ', {resolved}, '+{DEADLINE_HOURS} hours')"


def postmortem_state(incident: Any, status: str | None, now: datetime) -> str:
    """``draft``, ``in_review`` or ``published`` when one exists; otherwise ``overdue``
    (required, resolved more than 48 hours ago), ``required``, ``recommended`` or ``""``."""
    if status is not None:
        return status
    if needs_postmortem(incident):
        resolved = incident.resolved_at
        return "overdue" if resolved is not None and now - resolved > DEADLINE else "required"
    return "recommended" if any(getattr(incident, t) for t in RECOMMENDED_BY) else ""
