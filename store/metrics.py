"""Ops metrics for any period and the one before it, computed in SQL.

Definitions (shown beside each figure in the app and the report) are in
:data:`DEFINITIONS`; the SQL is in ``store/metrics_sql.py``. A figure without
data is ``None``, never an error. Targets live in settings (``target.*``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from . import metrics_sql as sql
from .base import StoreBase
from .clock import from_iso, to_iso
from .errors import InvalidInputError
from .incidents import SEVERITIES
from .keys import make_key
from .numbers import round_percent
from .periods import Period

DURATIONS = ("mttr", "ttd", "tta", "ttm")
MILESTONE_NAMES = ("impact_started", "detected", "acknowledged", "mitigated", "resolved")

DEFINITIONS: dict[str, str] = {
    "incident_count": "Incidents whose impact started in the period.",
    "mttr": "Resolved − impact started (or declared); mean.",
    "ttd": "Detected − impact started; mean.",
    "tta": "Acknowledged − detected; mean.",
    "ttm": "Mitigated − impact started; mean.",
    "change_failure_rate": "Deploys failed or causing incidents ÷ deploys.",
    "toil": "Toil time ÷ recorded working time.",
    "alert_noise": "Non-actionable alerts ÷ all alerts.",
    "action_items_open": "Open at period end; overdue = past due.",
    "action_completion": "Done in period ÷ (done + still open).",
    "days_to_close": "Median days from created to done.",
    "postmortem_48h": "Needing one: draft within 48 h of resolving.",
}

#: (setting key, default, kind): "max" means the figure should stay below the value.
TARGETS: dict[str, tuple[float | str, str]] = {
    "mttr_minutes": (60.0, "max"),
    "change_failure_rate_pct": (15.0, "max"),
    "toil_pct": (50.0, "max"),
    "incident_count": ("decreasing", "trend"),
    "alert_noise_pct": ("decreasing", "trend"),
}
EDITABLE_TARGETS = ("mttr_minutes", "change_failure_rate_pct", "toil_pct")
#: How the targets are named in messages.
TARGET_LABELS = {
    "mttr_minutes": "The MTTR target",
    "change_failure_rate_pct": "The change failure rate target",
    "toil_pct": "The toil target",
}
MTTR_TARGET_MAX = 10_000


@dataclass
class Stats:
    """Mean, median, p90 (minutes or days) and how many values there were."""

    mean: float | None = None
    median: float | None = None
    p90: float | None = None
    n: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Rounded to two decimals for output."""
        return {"mean": rounded(self.mean), "median": rounded(self.median), "p90": rounded(self.p90), "n": self.n}


@dataclass
class IncompleteIncident:
    """An incident whose milestones leave it out of some figures: some are
    missing (an open incident lacks its resolution) or in an impossible order."""

    id: int
    title: str
    severity: str
    status: str
    missing: list[str]
    impossible: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """``INC-0042``."""
        return make_key("INC", self.id)

    @property
    def gaps(self) -> str:
        """``no resolved, acknowledged before detected``: what keeps it out of the figures."""
        parts = ([f"no {', '.join(self.missing)}"] if self.missing else []) + self.impossible
        return ", ".join(parts)


@dataclass
class Metrics:
    """Every figure for one period."""

    period: Period
    incident_count: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    durations: dict[str, Stats] = field(default_factory=dict)
    mttr_from_declared: int = 0
    still_open: int = 0
    incomplete: list[IncompleteIncident] = field(default_factory=list)
    deployments: int = 0
    failed_deployments: int = 0
    toil_pct: float | None = None
    alert_noise_pct: float | None = None
    alerts_total: int = 0
    actions_open: int = 0
    actions_overdue: int = 0
    actions_done: int = 0
    days_to_close: Stats = field(default_factory=Stats)
    postmortems_needed: int = 0
    postmortems_on_time: int = 0

    @property
    def change_failure_rate_pct(self) -> float | None:
        """Failed ÷ all deployments, 0–100."""
        return pct(self.failed_deployments, self.deployments)

    @property
    def action_completion_pct(self) -> float | None:
        """Done ÷ (done + open), 0–100."""
        return pct(self.actions_done, self.actions_done + self.actions_open)

    @property
    def postmortem_48h_pct(self) -> float | None:
        """On-time postmortems ÷ incidents that needed one, 0–100."""
        return pct(self.postmortems_on_time, self.postmortems_needed)

    def headline(self) -> dict[str, float | None]:
        """One number per card (for trends and sparklines)."""
        return {
            "incident_count": float(self.incident_count),
            **{name: self.durations[name].mean for name in DURATIONS},
            "change_failure_rate": self.change_failure_rate_pct,
            "toil": self.toil_pct,
            "alert_noise": self.alert_noise_pct,
            "action_items_open": float(self.actions_open),
            "action_completion": self.action_completion_pct,
            "days_to_close": self.days_to_close.median,
            "postmortem_48h": self.postmortem_48h_pct,
        }


def just_after(stamp: str) -> str:
    """One millisecond after a stored time, so "as of now" includes what happened now."""
    return to_iso(from_iso(stamp) + timedelta(milliseconds=1))


def pct(part: float | None, whole: float | None) -> float | None:
    """``part ÷ whole`` as 0–100, or None when ``whole`` is empty."""
    if not whole or part is None:
        return None
    return 100.0 * part / whole


def rounded(value: float | None, places: int = 2) -> float | None:
    """Round for output (None stays None)."""
    return None if value is None else round(value, places)


class MetricsMixin(StoreBase):
    """Compute the metrics; read and change their targets."""

    def metrics(self, period: Period) -> Metrics:
        """All figures for ``period``."""
        params = {**period.bounds(), "now": self.now_iso()}
        params["asof"] = min(params["t1"], just_after(params["now"]))
        result = Metrics(period)
        self._incident_metrics(result, params)
        self._ops_metrics(result, params)
        self._action_metrics(result, params)
        return result

    def metrics_overview(
        self, period: Period, count: int = 12
    ) -> tuple[list[Metrics], dict[str, float | str], list[dict[str, Any]]]:
        """What the Metrics screen shows, in one read transaction: ``count`` periods ending
        with ``period`` (oldest first), the targets, and the improvements waiting in Check."""
        with self.reading():
            return self.metrics_series(period, count), self.metric_targets(), self.improvements_in_check()

    def compare_metrics(self, period: Period) -> tuple[Metrics, Metrics]:
        """``period`` and its previous period (:meth:`Period.previous`), in one read transaction."""
        with self.reading():
            return self.metrics(period), self.metrics(period.previous())

    def metrics_series(self, period: Period, count: int = 12) -> list[Metrics]:
        """The ``count`` periods ending with ``period``, oldest first (one read transaction)."""
        with self.reading():
            return [self.metrics(period.shift(-steps)) for steps in range(count - 1, -1, -1)]

    def latest_incident_day(self) -> date | None:
        """The day the most recent finished incident started (to pick a period with data)."""
        row = self.db.one(sql.LATEST_INCIDENT)
        return from_iso(row[0]).date() if row and row[0] else None

    def _incident_metrics(self, result: Metrics, params: dict) -> None:
        counts = {row["severity"]: row["n"] for row in self.db.query(sql.SEVERITY_COUNTS, params)}
        result.by_severity = {sev: counts.get(sev, 0) for sev in SEVERITIES}
        result.incident_count = sum(counts.values())
        stats = {row["metric"]: row for row in self.db.query(sql.DURATIONS, params)}
        result.durations = {name: to_stats(stats.get(name)) for name in DURATIONS}
        result.mttr_from_declared = self.db.one(sql.MTTR_FROM_DECLARED, params)[0]
        result.incomplete = [to_incomplete(row) for row in self.db.query(sql.INCOMPLETE, params)]
        result.still_open = self.db.one(sql.STILL_OPEN, params)[0]
        row = self.db.one(sql.POSTMORTEM_48H, params)
        result.postmortems_needed, result.postmortems_on_time = row["n"], row["on_time"]

    def _ops_metrics(self, result: Metrics, params: dict) -> None:
        row = self.db.one(sql.DEPLOYMENTS, params)
        result.deployments, result.failed_deployments = row["n"], row["failed"]
        row = self.db.one(sql.TOIL, params)
        result.toil_pct = pct(row["toil"], row["working"])
        row = self.db.one(sql.ALERTS, params)
        result.alerts_total = row["total"] or 0
        if row["total"] is not None:
            result.alert_noise_pct = pct(row["total"] - row["actionable"], row["total"])

    def _action_metrics(self, result: Metrics, params: dict) -> None:
        row = self.db.one(sql.ACTION_ITEMS, params)
        result.actions_open, result.actions_overdue, result.actions_done = row["open"], row["overdue"], row["done"]
        result.days_to_close = to_stats(self.db.one(sql.DAYS_TO_CLOSE, params))

    def improvements_in_check(self, limit: int = 50) -> list[dict[str, Any]]:
        """Improvements waiting in Check (stage ``check``, not finished), oldest first."""
        rows = self.db.query(
            "SELECT key, title, owner, expected_impact, before_value, target_value, after_value FROM improvement "
            "WHERE stage = 'check' AND status NOT IN ('completed', 'abandoned') ORDER BY updated_at, id LIMIT ?",
            (limit,),
        )
        return [dict(r) for r in rows]

    def metric_targets(self) -> dict[str, float | str]:
        """Each target: a number the figure should stay under, or ``"decreasing"``."""
        targets: dict[str, float | str] = {}
        for name, (default, kind) in TARGETS.items():
            stored = self.get_setting(f"target.{name}")
            targets[name] = float(stored) if stored is not None and kind == "max" else default
        return targets

    def set_metric_targets(self, values: dict[str, Any]) -> None:
        """Check every target, then save them all in one transaction."""
        checked = {name: check_target(name, value) for name, value in values.items()}
        with self.db.write():
            for name, number in checked.items():
                self.set_setting(f"target.{name}", repr(number))


def check_target(name: str, value: Any) -> float:
    """A target as a number: minutes above 0 for MTTR, a percentage for the rest."""
    if name not in EDITABLE_TARGETS:
        raise InvalidInputError(f"{name!r} has no numeric target; use one of {', '.join(EDITABLE_TARGETS)}.")
    try:
        number = float(str(value).strip())
    except ValueError:
        number = -1.0
    top = MTTR_TARGET_MAX if name == "mttr_minutes" else 100
    if not 0 < number <= top:
        unit = "minutes" if name == "mttr_minutes" else "a percentage"
        given = f"{str(value).strip()!r} is not accepted" if str(value).strip() else "is empty"
        raise InvalidInputError(f"{TARGET_LABELS[name]} {given}; use {unit} above 0 and at most {top:,}.")
    return number


def to_stats(row: Any) -> Stats:
    """A stats row (or None) as :class:`Stats`."""
    if row is None or not row["n"]:
        return Stats()
    return Stats(row["mean"], row["median"], row["p90"], row["n"])


def to_incomplete(row: Any) -> IncompleteIncident:
    """An incomplete-incident row, naming the milestones it lacks."""
    missing = [name for name in MILESTONE_NAMES if row[f"no_{name}"]]
    impossible = [name for n, (name, _, _) in enumerate(sql.IMPOSSIBLE) if row[f"bad_{n}"]]
    return IncompleteIncident(row["id"], row["title"], row["severity"], row["status"], missing, impossible)


def as_json(metrics: Metrics, targets: dict[str, float | str], previous: Metrics | None = None) -> dict[str, Any]:
    """The ``debrief metrics --json`` document (percentages 0–100, None when no data).
    With ``previous``, it also holds the previous period's dates and figures (what trends compare with)."""
    doc = figures_json(metrics)
    if previous is not None:
        doc["previous_period"] = {**previous.period.as_dict(), **figures_json(previous)}
    return {**doc, "targets": targets}


def figures_json(metrics: Metrics) -> dict[str, Any]:
    """One period's dates and figures."""
    return {
        "from": metrics.period.start.isoformat(),
        "to": metrics.period.last_day.isoformat(),
        "label": metrics.period.label,
        "incident_count": metrics.incident_count,
        "incidents_by_severity": metrics.by_severity,
        **{f"{name}_minutes": metrics.durations[name].as_dict() for name in DURATIONS},
        "incomplete_incidents": [i.key for i in metrics.incomplete],
        "incidents_still_open": metrics.still_open,
        "deployments": metrics.deployments,
        "change_failure_rate_pct": round_percent(metrics.change_failure_rate_pct),
        "toil_pct": round_percent(metrics.toil_pct),
        "alert_noise_pct": round_percent(metrics.alert_noise_pct),
        "action_items": {
            "open": metrics.actions_open,
            "overdue": metrics.actions_overdue,
            "done": metrics.actions_done,
            "completion_rate_pct": round_percent(metrics.action_completion_pct),
            "median_days_to_close": rounded(metrics.days_to_close.median),
        },
        "postmortem_within_48h_pct": round_percent(metrics.postmortem_48h_pct),
    }
