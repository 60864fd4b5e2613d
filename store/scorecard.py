"""The metrics as cards: a figure, its target, a status and a trend against the
previous period. Shared by the Metrics screen, ``debrief metrics`` and the report."""

from __future__ import annotations

from dataclasses import dataclass

from .metrics import DEFINITIONS, Metrics
from .numbers import format_minutes, format_percent

#: (name, title, unit, target key or None, lower is better)
CARDS: tuple[tuple[str, str, str, str | None, bool], ...] = (
    ("incident_count", "Incidents", "count", "incident_count", True),
    ("mttr", "MTTR", "minutes", "mttr_minutes", True),
    ("change_failure_rate", "Change failure rate", "pct", "change_failure_rate_pct", True),
    ("toil", "Toil", "pct", "toil_pct", True),
    ("alert_noise", "Alert noise", "pct", "alert_noise_pct", True),
    ("ttd", "Time to detect", "minutes", None, True),
    ("tta", "Time to acknowledge", "minutes", None, True),
    ("ttm", "Time to mitigate", "minutes", None, True),
    ("action_items_open", "Action items open", "count", None, True),
    ("action_completion", "Action completion", "pct", None, False),
    ("days_to_close", "Days to close", "days", None, True),
    ("postmortem_48h", "Postmortems in 48 h", "pct", None, False),
)
WARN_SHARE = 0.9  # within 10% of a "stay under" target: amber


@dataclass
class Card:
    """One metric ready to show."""

    name: str
    title: str
    value: float | None
    previous: float | None
    unit: str
    target: float | str | None
    lower_is_better: bool
    note: str = ""

    @property
    def definition(self) -> str:
        """How the figure is computed."""
        return DEFINITIONS[self.name]

    @property
    def text(self) -> str:
        """The figure, formatted (``—`` without data)."""
        return fmt(self.value, self.unit)

    @property
    def target_text(self) -> str:
        """``target < 1h 00m``, ``target: decreasing`` or ``no target``."""
        if self.name == "action_items_open":
            return "target: 0 overdue"
        if self.target is None:
            return "no target"
        if isinstance(self.target, str):
            return f"target: {self.target}"
        return f"target < {fmt(self.target, self.unit)}"

    @property
    def verdict(self) -> str:
        """The status in a word or two: ``met``, ``close``, ``flat``, ``missed`` (empty without one)."""
        return {"good": "met", "warn": self.warn_word, "bad": "missed"}.get(self.status or "", "")

    @property
    def warn_word(self) -> str:
        """Why a card is amber: close to its limit, flat, no earlier period to compare, or items overdue."""
        if self.name == "action_items_open":
            return "unmet"
        if self.target == "decreasing":
            return "flat" if self.trend == "▶" else "no trend yet"
        return "close"

    @property
    def trend(self) -> str:
        """``▲``, ``▼``, ``▶`` (unchanged) or empty (nothing to compare)."""
        if self.value is None or self.previous is None:
            return ""
        if abs(self.value - self.previous) < 1e-9:
            return "▶"
        return "▲" if self.value > self.previous else "▼"

    @property
    def improving(self) -> bool | None:
        """True when the trend goes the good way, None when flat or unknown."""
        if self.trend in ("", "▶"):
            return None
        return (self.trend == "▼") == self.lower_is_better

    @property
    def status(self) -> str | None:
        """``good``, ``warn``, ``bad``, or None when there is no target or data."""
        if self.value is None:
            return None
        if isinstance(self.target, (int, float)):
            if self.value >= self.target:
                return "bad"
            return "warn" if self.value >= self.target * WARN_SHARE else "good"
        if self.target == "decreasing":
            if self.value == 0:
                return "good"  # nothing left to decrease: no incidents, no noise
            return {True: "good", False: "bad", None: "warn"}[self.improving]
        if self.name == "action_items_open":
            return "warn" if self.note and not self.note.startswith("0 ") else "good"
        return None

    @property
    def trend_text(self) -> str:
        """``▼ from 1h 12m`` or ``no earlier data``."""
        if not self.trend:
            return "no earlier data" if self.value is not None else "no data"
        return f"{self.trend} from {fmt(self.previous, self.unit)}"


def fmt(value: float | str | None, unit: str) -> str:
    """``42m``, ``1h 05m``, ``12.5%``, ``3.0 d``, ``7`` (durations and percentages by ``store.numbers``)."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if unit == "minutes":
        return format_minutes(value)
    if unit == "pct":
        return format_percent(value)
    if unit == "days":
        return f"{value:.1f} d"
    return f"{value:,.0f}"


def cards(current: Metrics, previous: Metrics, targets: dict[str, float | str]) -> list[Card]:
    """A card per metric for ``current``, compared with ``previous``."""
    now, before = current.headline(), previous.headline()
    found = []
    for name, title, unit, target_key, lower in CARDS:
        card = Card(name, title, now[name], before[name], unit, targets.get(target_key) if target_key else None, lower)
        card.note = note(name, current)
        if name == "mttr" and current.still_open:
            card.title += f" · {current.still_open} still open"
        found.append(card)
    return found


def mttr_extra(metrics: Metrics) -> str:
    """How many MTTRs run from the declaration instead of the start of impact."""
    return f", {metrics.mttr_from_declared} from declared" if metrics.mttr_from_declared else ""


def note(name: str, metrics: Metrics) -> str:
    """A second figure under some cards (overdue items, n, deployments)."""
    if name == "action_items_open":
        return f"{metrics.actions_overdue} overdue"
    if name in ("mttr", "ttd", "tta", "ttm"):
        stats = metrics.durations[name]
        extra = mttr_extra(metrics) if name == "mttr" else ""
        return f"median {format_minutes(stats.median)} · p90 {format_minutes(stats.p90)} · n {stats.n}{extra}"
    if name == "change_failure_rate":
        return f"{metrics.failed_deployments} of {metrics.deployments} deployments"
    if name == "incident_count":
        return " · ".join(f"{sev} {n}" for sev, n in metrics.by_severity.items() if n) or "none"
    if name == "postmortem_48h":
        return f"{metrics.postmortems_on_time} of {metrics.postmortems_needed} needed"
    if name == "action_completion":
        return f"{metrics.actions_done} done"
    return ""
