"""Postmortem documents: "Users affected" as people write it ("~30% of EU
checkout attempts") beside the optional count, and the decisions on action
items proposed from the timeline (``/action`` events): accepted (with the
action item it became) or discarded."""

SQL = """
ALTER TABLE incident ADD COLUMN users_affected_text TEXT NOT NULL DEFAULT '';

CREATE TABLE action_proposal (
    event_id INTEGER PRIMARY KEY REFERENCES timeline_event(id) ON DELETE CASCADE,
    postmortem_id INTEGER NOT NULL REFERENCES postmortem(id) ON DELETE CASCADE,
    decision TEXT NOT NULL CHECK (decision IN ('accepted','discarded')),
    action_item_id INTEGER REFERENCES action_item(id) ON DELETE SET NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL
);
CREATE INDEX action_proposal_by_postmortem ON action_proposal(postmortem_id);
"""
