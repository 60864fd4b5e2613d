"""Triage speed and PDCA history.

Two covering indexes let the triage list sort ids without touching the table
(100,000 items: everyone's first page 55 → 8 ms, mine 6 → 1 ms; see
tests/benchmarks/test_bench_triage.py); one row per finished improvement cycle.
"""

SQL = """
CREATE INDEX action_item_triage ON action_item(status, priority, due_date);
CREATE INDEX action_item_triage_by_owner ON action_item(owner, status, priority, due_date);

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
