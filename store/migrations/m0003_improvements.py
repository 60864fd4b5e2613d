"""Improvements: PDCA cards, their source postmortems, and action-item links."""

SQL = """
CREATE TABLE improvement (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    source_text TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT 'plan' CHECK (stage IN ('plan','do','check','act')),
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','in_progress','completed','abandoned')),
    hypothesis TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    before_metric TEXT NOT NULL DEFAULT '',
    before_value REAL,
    target_value REAL,
    after_metric TEXT NOT NULL DEFAULT '',
    after_value REAL,
    expected_impact TEXT NOT NULL DEFAULT '',
    measured_impact TEXT NOT NULL DEFAULT '',
    decision TEXT CHECK (decision IN ('standardize','iterate','abandon')),
    cycle INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX improvement_by_stage ON improvement(stage, status);

CREATE TABLE improvement_source (
    improvement_id INTEGER NOT NULL REFERENCES improvement(id) ON DELETE CASCADE,
    postmortem_id INTEGER NOT NULL REFERENCES postmortem(id) ON DELETE CASCADE,
    PRIMARY KEY (improvement_id, postmortem_id)
);

ALTER TABLE action_item ADD COLUMN improvement_id INTEGER REFERENCES improvement(id) ON DELETE SET NULL;
CREATE INDEX action_item_by_improvement ON action_item(improvement_id);
"""
