"""Incidents, their timeline events (with previous versions), and settings."""

SQL = """
CREATE TABLE incident (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    summary TEXT NOT NULL DEFAULT '',
    severity TEXT NOT NULL CHECK (severity IN ('SEV1','SEV2','SEV3','SEV4','SEV5')),
    status TEXT NOT NULL DEFAULT 'investigating'
        CHECK (status IN ('investigating','identified','monitoring','resolved','closed')),
    commander TEXT NOT NULL DEFAULT '',
    services TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    impact_started_at TEXT,
    detected_at TEXT,
    declared_at TEXT NOT NULL,
    acknowledged_at TEXT,
    mitigated_at TEXT,
    resolved_at TEXT,
    customer_facing INTEGER NOT NULL DEFAULT 0,
    data_loss INTEGER NOT NULL DEFAULT 0,
    oncall_escalation INTEGER NOT NULL DEFAULT 0,
    security INTEGER NOT NULL DEFAULT 0,
    near_miss INTEGER NOT NULL DEFAULT 0,
    significant_toil INTEGER NOT NULL DEFAULT 0,
    users_affected INTEGER,
    revenue_impact TEXT NOT NULL DEFAULT '',
    slo_impact TEXT NOT NULL DEFAULT '',
    caused_by_change INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX incident_by_declared ON incident(declared_at);
CREATE INDEX incident_by_status ON incident(status, declared_at);

CREATE TABLE timeline_event (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
    occurred_at TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note','detection','alert','escalation',
        'action','decision','mitigation','resolution','communication','deploy','status','impact',
        'acknowledgement')),
    text TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT 'tui' CHECK (source IN ('tui','cli','import','system')),
    version INTEGER NOT NULL DEFAULT 1,
    deleted_at TEXT
);
CREATE INDEX timeline_event_by_incident ON timeline_event(incident_id, occurred_at, id);

CREATE TABLE timeline_event_version (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES timeline_event(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    pinned INTEGER NOT NULL,
    replaced_at TEXT NOT NULL,
    UNIQUE (event_id, version)
);

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
