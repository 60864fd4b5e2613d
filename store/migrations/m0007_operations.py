"""Operational data for the metrics: deployments (and the incidents they caused),
weekly alert samples and toil entries. Weeks are stored as their Monday (ISO date)."""

SQL = """
CREATE TABLE deployment (
    id INTEGER PRIMARY KEY,
    service TEXT NOT NULL CHECK (length(trim(service)) > 0),
    deployed_at TEXT NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0 CHECK (failed IN (0, 1)),
    version TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'cli',
    created_at TEXT NOT NULL
);
CREATE INDEX deployment_by_time ON deployment(deployed_at, failed);

CREATE TABLE deployment_incident (
    deployment_id INTEGER NOT NULL REFERENCES deployment(id) ON DELETE CASCADE,
    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
    PRIMARY KEY (deployment_id, incident_id)
);
CREATE INDEX deployment_incident_by_incident ON deployment_incident(incident_id);

CREATE TABLE alert_sample (
    id INTEGER PRIMARY KEY,
    week TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    total INTEGER NOT NULL CHECK (total >= 0),
    actionable INTEGER NOT NULL CHECK (actionable >= 0 AND actionable <= total),
    created_at TEXT NOT NULL
);
CREATE INDEX alert_sample_by_week ON alert_sample(week);

CREATE TABLE toil_entry (
    id INTEGER PRIMARY KEY,
    person TEXT NOT NULL CHECK (length(trim(person)) > 0),
    week TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    toil_minutes INTEGER NOT NULL CHECK (toil_minutes >= 0),
    working_minutes INTEGER NOT NULL CHECK (working_minutes > 0 AND toil_minutes <= working_minutes),
    created_at TEXT NOT NULL
);
CREATE INDEX toil_entry_by_week ON toil_entry(week);

-- Covers every metric query on incidents, so a period is one sequential index range.
CREATE INDEX incident_by_start ON incident(coalesce(impact_started_at, declared_at), severity, status,
    impact_started_at, detected_at, declared_at, acknowledged_at, mitigated_at, resolved_at,
    customer_facing, data_loss, oncall_escalation, security);
CREATE INDEX action_item_by_done ON action_item(done_at);
"""
