"""A facilitator's "not a recurrence": a later incident the board must not link to a card."""

SQL = """
CREATE TABLE recurrence_dismissal (
    improvement_id INTEGER NOT NULL REFERENCES improvement(id) ON DELETE CASCADE,
    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
    dismissed_by TEXT NOT NULL DEFAULT '',
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (improvement_id, incident_id)
);
"""
