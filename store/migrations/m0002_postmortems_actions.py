"""Postmortems (one per incident) and their action items."""

SQL = """
CREATE TABLE postmortem (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL UNIQUE REFERENCES incident(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_review','published')),
    author TEXT NOT NULL DEFAULT '',
    facilitator TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT
);

CREATE TABLE action_item (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    priority TEXT NOT NULL DEFAULT 'P2' CHECK (priority IN ('P1','P2','P3')),
    type TEXT NOT NULL DEFAULT 'prevent' CHECK (type IN ('prevent','mitigate','detect','process')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','in_progress','done','wont_do')),
    postmortem_id INTEGER REFERENCES postmortem(id) ON DELETE SET NULL,
    incident_id INTEGER REFERENCES incident(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX action_item_by_owner ON action_item(owner, status, due_date);
CREATE INDEX action_item_by_status ON action_item(status, due_date);
CREATE INDEX action_item_by_postmortem ON action_item(postmortem_id);
"""
