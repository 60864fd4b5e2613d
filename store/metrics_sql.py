"""The SQL behind the metrics (see ``store/metrics.py``). Every query takes the
named parameters of :meth:`store.periods.Period.bounds` plus ``now``.

An incident belongs to the period in which its impact started (its declaration
when the start of impact is unknown), so one that crosses a boundary counts once,
where it began. Weekly data (alerts, toil) belongs to the period that holds its Monday.
Median is the middle value (mean of the two middle ones); p90 is the nearest rank.
"""

IN_PERIOD = "coalesce(impact_started_at, declared_at) >= :t0 AND coalesce(impact_started_at, declared_at) < :t1"

SEVERITY_COUNTS = f"SELECT severity, count(*) AS n FROM incident WHERE {IN_PERIOD} GROUP BY severity"

# mean, median, p90 and n of a column ``x`` in ``v(metric, x)``.
STATS = """
r AS (SELECT metric, x, row_number() OVER (PARTITION BY metric ORDER BY x) AS rn,
             count(*) OVER (PARTITION BY metric) AS n FROM v)
SELECT metric, avg(x) AS mean, max(n) AS n,
       avg(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN x END) AS median,
       max(CASE WHEN rn = (9 * n + 9) / 10 THEN x END) AS p90
FROM r GROUP BY metric
"""

DURATIONS = f"""
WITH inc AS (
    SELECT impact_started_at AS s, detected_at AS d, declared_at AS dc, acknowledged_at AS a,
           mitigated_at AS m, resolved_at AS r
    FROM incident WHERE {IN_PERIOD}
),
v AS (
    SELECT 'ttd' AS metric, (julianday(d) - julianday(s)) * 1440.0 AS x FROM inc WHERE d IS NOT NULL AND s IS NOT NULL
    UNION ALL SELECT 'tta', (julianday(a) - julianday(d)) * 1440.0 FROM inc WHERE a IS NOT NULL AND d IS NOT NULL
    UNION ALL SELECT 'ttm', (julianday(m) - julianday(s)) * 1440.0 FROM inc WHERE m IS NOT NULL AND s IS NOT NULL
    UNION ALL SELECT 'mttr', (julianday(r) - julianday(coalesce(s, dc))) * 1440.0 FROM inc WHERE r IS NOT NULL
),
{STATS}
"""

MTTR_FROM_DECLARED = f"""
SELECT count(*) FROM incident
WHERE {IN_PERIOD} AND resolved_at IS NOT NULL AND impact_started_at IS NULL
"""

INCOMPLETE = f"""
SELECT id, title, severity, status,
       impact_started_at IS NULL AS no_impact_started, detected_at IS NULL AS no_detected,
       acknowledged_at IS NULL AS no_acknowledged, mitigated_at IS NULL AS no_mitigated,
       resolved_at IS NULL AS no_resolved
FROM incident
WHERE {IN_PERIOD} AND status IN ('resolved', 'closed')
  AND (impact_started_at IS NULL OR detected_at IS NULL OR acknowledged_at IS NULL
       OR mitigated_at IS NULL OR resolved_at IS NULL)
ORDER BY coalesce(impact_started_at, declared_at), id
"""

DEPLOYMENTS = """
SELECT count(*) AS n,
       coalesce(sum(failed OR EXISTS (SELECT 1 FROM deployment_incident di WHERE di.deployment_id = d.id)), 0) AS failed
FROM deployment d WHERE deployed_at >= :t0 AND deployed_at < :t1
"""

TOIL = "SELECT sum(toil_minutes) AS toil, sum(working_minutes) AS working FROM toil_entry WHERE week >= :d0 AND week < :d1"

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

DAYS_TO_CLOSE = f"""
WITH v AS (
    SELECT 'close' AS metric, julianday(done_at) - julianday(created_at) AS x
    FROM action_item WHERE status = 'done' AND done_at >= :t0 AND done_at < :t1
),
{STATS}
"""

POSTMORTEM_48H = f"""
SELECT count(*) AS n, coalesce(sum(on_time), 0) AS on_time FROM (
    SELECT p.created_at IS NOT NULL
           AND p.created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', i.resolved_at, '+48 hours') AS on_time,
           strftime('%Y-%m-%dT%H:%M:%fZ', i.resolved_at, '+48 hours') AS deadline
    FROM incident i LEFT JOIN postmortem p ON p.incident_id = i.id
    WHERE {IN_PERIOD.replace('impact_started_at', 'i.impact_started_at').replace('declared_at', 'i.declared_at')}
      AND i.resolved_at IS NOT NULL
      AND (i.customer_facing OR i.data_loss OR i.oncall_escalation OR i.security)
) WHERE on_time OR deadline <= :now
"""

LATEST_INCIDENT = "SELECT max(coalesce(impact_started_at, declared_at)) FROM incident WHERE status IN ('resolved', 'closed')"
