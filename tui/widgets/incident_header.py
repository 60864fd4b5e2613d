"""The header of an incident: key, title, severity, status, commander, the time
since impact started (ticking), milestone times, durations and out-of-order flags."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from textual.content import Content
from textual.widgets import Static

from store import Incident, format_duration
from themes import severity_variable

from ..capture.zones import zone_label

MILESTONE_LABELS = (
    ("impact_started_at", "Impact"),
    ("detected_at", "Detected"),
    ("declared_at", "Declared"),
    ("acknowledged_at", "Acked"),
    ("mitigated_at", "Mitigated"),
    ("resolved_at", "Resolved"),
)
DURATION_LABELS = {"detect": "to detect", "ack": "to ack", "mitigate": "to mitigate", "resolve": "to resolve"}


def elapsed(seconds: float) -> str:
    """``1h 05m 09s``: the running clock of an active incident."""
    seconds = int(max(seconds, 0))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h {minutes:02d}m {secs:02d}s" if hours else f"{minutes}m {secs:02d}s"


def headline(incident: Incident, now: datetime) -> Content:
    """``INC-0042  SEV2  title`` then status, commander and the elapsed time."""
    sev = f"bold ${severity_variable(incident.severity)}"
    since = "Elapsed " if incident.active else "Duration "
    clock = elapsed(incident.duration_seconds(now)) if incident.active else incident.duration_text(now)
    origin = "since impact started" if incident.impact_started_at else "since declared (no /impact yet)"
    return Content.assemble(
        (incident.key, "bold"),
        "  ",
        (incident.severity, sev),
        "  ",
        (incident.title, "bold"),
        "\n",
        ("Status", "dim"),
        " ",
        (incident.status, "bold"),
        "   ",
        ("Commander", "dim"),
        " ",
        incident.commander or "—",
        "   ",
        (since.strip(), "dim"),
        " ",
        (clock, "bold"),
        " ",
        (origin, "dim"),
    )


def milestones(incident: Incident, width: int = 0, zone: tzinfo = UTC) -> Content:
    """The milestone times that exist, in ``zone`` (the date once, then on a change of day),
    then which zone that is. A line longer than ``width`` breaks between milestones."""
    chunks: list[Content] = []
    day = None
    for field, label in MILESTONE_LABELS:
        value = getattr(incident, field)
        if value is not None:
            value = value.astimezone(zone)
            stamp = value.strftime("%H:%M" if value.date() == day else "%Y-%m-%d %H:%M")
            day = value.date()
            chunks.append(Content.assemble((label, "dim"), " ", stamp))
    chunks.append(Content.assemble((f"({zone_label(zone)})", "dim")))
    return fit(chunks, width)


def fit(chunks: list[Content], width: int, gap: str = "  ") -> Content:
    """Chunks joined by ``gap``, starting a new line where the next would pass ``width``."""
    lines: list[Content] = []
    for chunk in chunks:
        if lines and width and lines[-1].cell_length + len(gap) + chunk.cell_length > width:
            lines.append(chunk)
        elif lines:
            lines[-1] = Content.assemble(lines[-1], gap, chunk)
        else:
            lines.append(chunk)
    return Content("\n").join(lines)


def durations(incident: Incident, width: int = 0) -> Content:
    """Time to detect/ack/mitigate/resolve that exist, then out-of-order warnings."""
    chunks = [
        Content.assemble((f"Time {DURATION_LABELS[label]}", "dim"), " ", format_duration(seconds))
        for label, seconds in incident.milestone_durations()
    ]
    chunks += [Content.assemble((f"⚠ {problem}", "bold $error")) for problem in incident.out_of_order()]
    if not chunks:
        return Content.from_markup("[dim]No durations yet: log /detect, /ack, /mitigate, /resolve[/]")
    return fit(chunks, width, gap="   ")


class IncidentHeader(Static):
    """Shows one incident's header; call :meth:`show` with fresh data or a new time."""

    incident: Incident | None = None
    #: The zone milestone times are shown in (the screen sets the person's zone).
    zone: tzinfo = UTC

    def show(self, incident: Incident | None, now: datetime) -> None:
        """Render the incident (its text is never parsed as markup)."""
        self.incident = incident or self.incident
        if self.incident is None:
            return
        width = self.content_region.width
        self.update(
            Content("\n").join(
                [
                    headline(self.incident, now),
                    milestones(self.incident, width, self.zone),
                    durations(self.incident, width),
                ]
            )
        )

    def on_resize(self) -> None:
        """Re-break the milestone lines for the new width."""
        self.show(None, self.app.clock())
