"""Triage speed and PDCA history: an index for "open items by owner, by
priority and due date", and one row per finished improvement cycle."""

SQL = """
CREATE INDEX action_item_open_by_owner ON action_item(owner, priority, due_date)
    WHERE status IN ('open','in_progress');
CREATE INDEX action_item_open ON action_item(priority, due_date)
    WHERE status IN ('open','in_progress');

CREATE TABLE improvement_cycle (
    improvement_id INTEGER NOT NULL REFERENCES improvement(id) ON DELETE CASCADE,
    cycle INTEGER NOT NULL,
    hypothesis TEXT NOT NULL DEFAULT '',
    before_metric TEXT NOT NULL DEFAULT '',
    before_value REAL,
    target_value REAL,
    after_metric TEXT NOT NULL DEFAULT '',
    after_value REAL,
    measured_impact TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL CHECK (decision IN ('standardize','iterate','abandon')),
    ended_at TEXT NOT NULL,
    PRIMARY KEY (improvement_id, cycle)
);
"""
