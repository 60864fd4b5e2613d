"""The SQL behind the metrics (see ``store/metrics.py``). Every query takes the
named parameters of :meth:`store.periods.Period.bounds` plus ``now``.

An incident belongs to the period in which its impact started (its declaration
when the start of impact is unknown), so one that crosses a boundary counts once,
where it began. Weekly data (alerts, toil) belongs to the period that holds its Monday.
Median is the middle value (mean of the two middle ones); p90 is the nearest rank.
"""

from .postmortem_rules import deadline_sql, needs_postmortem_sql

IN_PERIOD = "coalesce(impact_started_at, declared_at) >= :t0 AND coalesce(impact_started_at, declared_at) < :t1"

SEVERITY_COUNTS = f"SELECT severity, count(*) AS n FROM incident WHERE {IN_PERIOD} GROUP BY severity"


def stats(metric: str, values: str) -> str:
    """mean, median, p90 and n of ``x`` in the rows of ``values`` (one sort, one window pass)."""
    return f"""
SELECT '{metric}' AS metric, avg(x) AS mean, max(n) AS n,
       avg(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN x END) AS median,
       max(CASE WHEN rn = (9 * n + 9) / 10 THEN x END) AS p90
FROM (SELECT x, row_number() OVER (ORDER BY x) AS rn, count(*) OVER () AS n FROM ({values}))
"""


def minutes_between(later: str, earlier: str) -> str:
    """Incidents of the period with both times in order, as ``x`` = minutes between them.

    A negative interval (acknowledged before detected) is impossible: it is left
    out here and listed with the incidents that need their milestones fixed.
    """
    return (
        f"SELECT (julianday({later}) - julianday({earlier})) * 1440.0 AS x FROM incident "
        f"WHERE {IN_PERIOD} AND {later} IS NOT NULL AND {earlier} IS NOT NULL AND {later} >= {earlier}"
    )


# One statement, one sort per metric (a partitioned window over all four is slower).
DURATIONS = " UNION ALL ".join(
    (
        stats("ttd", minutes_between("detected_at", "impact_started_at")),
        stats("tta", minutes_between("acknowledged_at", "detected_at")),
        stats("ttm", minutes_between("mitigated_at", "impact_started_at")),
        stats("mttr", minutes_between("resolved_at", "coalesce(impact_started_at, declared_at)")),
    )
)

MTTR_FROM_DECLARED = f"""
SELECT count(*) FROM incident
WHERE {IN_PERIOD} AND resolved_at IS NOT NULL AND impact_started_at IS NULL
"""

#: Milestone pairs whose order is impossible the other way round: (name, later, earlier).
IMPOSSIBLE = (
    ("detected before impact started", "detected_at", "impact_started_at"),
    ("acknowledged before detected", "acknowledged_at", "detected_at"),
    ("mitigated before impact started", "mitigated_at", "impact_started_at"),
    ("resolved before impact started", "resolved_at", "coalesce(impact_started_at, declared_at)"),
)
_IMPOSSIBLE_COLUMNS = ", ".join(
    f"coalesce({later} < {earlier}, 0) AS bad_{n}" for n, (_, later, earlier) in enumerate(IMPOSSIBLE)
)
_ANY_IMPOSSIBLE = " OR ".join(f"{later} < {earlier}" for _, later, earlier in IMPOSSIBLE)

# Every incident of the period that lacks a milestone (open ones lack their
# resolution) or has two in an impossible order.
INCOMPLETE = f"""
SELECT id, title, severity, status,
       impact_started_at IS NULL AS no_impact_started, detected_at IS NULL AS no_detected,
       acknowledged_at IS NULL AS no_acknowledged, mitigated_at IS NULL AS no_mitigated,
       resolved_at IS NULL AS no_resolved, {_IMPOSSIBLE_COLUMNS}
FROM incident
WHERE {IN_PERIOD}
  AND (impact_started_at IS NULL OR detected_at IS NULL OR acknowledged_at IS NULL
       OR mitigated_at IS NULL OR resolved_at IS NULL OR {_ANY_IMPOSSIBLE})
ORDER BY coalesce(impact_started_at, declared_at), id
"""

STILL_OPEN = f"SELECT count(*) FROM incident WHERE {IN_PERIOD} AND resolved_at IS NULL"

DEPLOYMENTS = """
SELECT count(*) AS n,
       coalesce(sum(failed OR EXISTS (SELECT 1 FROM deployment_incident di WHERE di.deployment_id = d.id)), 0) AS failed
FROM deployment d WHERE deployed_at >= :t0 AND deployed_at < :t1
"""

TOIL = (
    "SELECT sum(toil_minutes) AS toil, sum(working_minutes) AS working FROM toil_entry WHERE week >= :d0 AND week < :d1"
)

ALERTS = "SELECT sum(total) AS total, sum(actionable) AS actionable FROM alert_sample WHERE week >= :d0 AND week < :d1"

# Action items as they stood at the end of the period (or now, for a period still running).
ACTION_ITEMS = """
SELECT
  coalesce(sum(created_at < :asof AND (done_at IS NULL OR done_at >= :asof)), 0) AS open,
  coalesce(sum(created_at < :asof AND (done_at IS NULL OR done_at >= :asof)
               AND due_date IS NOT NULL AND due_date < substr(:asof, 1, 10)), 0) AS overdue,
  coalesce(sum(status = 'done' AND done_at >= :t0 AND done_at < :t1), 0) AS done
FROM action_item WHERE created_at < :asof
"""

DAYS_TO_CLOSE = stats(
    "close",
    "SELECT julianday(done_at) - julianday(created_at) AS x FROM action_item "
    "WHERE status = 'done' AND done_at >= :t0 AND done_at < :t1",
)

POSTMORTEM_48H = f"""
SELECT count(*) AS n, coalesce(sum(created IS NOT NULL AND created <= deadline), 0) AS on_time FROM (
    SELECT (SELECT p.created_at FROM postmortem p WHERE p.incident_id = i.id) AS created,
           {deadline_sql("i.resolved_at")} AS deadline
    FROM incident i
    WHERE {IN_PERIOD} AND i.resolved_at IS NOT NULL AND {needs_postmortem_sql("i")}
) WHERE (created IS NOT NULL AND created <= deadline) OR deadline < :now
"""

LATEST_INCIDENT = (
    "SELECT max(coalesce(impact_started_at, declared_at)) FROM incident WHERE status IN ('resolved', 'closed')"
)
