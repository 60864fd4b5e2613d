"""Postmortem content: section text, contributing factors, supporting links,
revisions, reviewers with sign-offs, dismissed hints, and the full-text index.

The FTS5 table ``search_fts`` covers incidents (title, summary), timeline
events, postmortem sections and action item titles. Its rowid encodes the
source: ``id * 8 + code`` (1 incident, 2 event, 3 section, 4 action item);
triggers keep it in step with every write.
"""

SQL = """
CREATE TABLE postmortem_section (
    id INTEGER PRIMARY KEY,
    postmortem_id INTEGER NOT NULL REFERENCES postmortem(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (postmortem_id, name)
);

CREATE TABLE postmortem_factor (
    id INTEGER PRIMARY KEY,
    postmortem_id INTEGER NOT NULL REFERENCES postmortem(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    checked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX postmortem_factor_by_pm ON postmortem_factor(postmortem_id, position);

CREATE TABLE postmortem_link (
    id INTEGER PRIMARY KEY,
    postmortem_id INTEGER NOT NULL REFERENCES postmortem(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL
);
CREATE INDEX postmortem_link_by_pm ON postmortem_link(postmortem_id, position);

CREATE TABLE postmortem_revision (
    id INTEGER PRIMARY KEY,
    postmortem_id INTEGER NOT NULL REFERENCES postmortem(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    body TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    saved_at TEXT NOT NULL
);
CREATE INDEX postmortem_revision_by_section ON postmortem_revision(postmortem_id, section, saved_at);

CREATE TABLE postmortem_reviewer (
    postmortem_id INTEGER NOT NULL REFERENCES postmortem(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    signed_off_at TEXT,
    PRIMARY KEY (postmortem_id, name)
);

CREATE TABLE postmortem_dismissal (
    postmortem_id INTEGER NOT NULL REFERENCES postmortem(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    PRIMARY KEY (postmortem_id, fingerprint)
);

ALTER TABLE postmortem ADD COLUMN review_started_at TEXT;

CREATE VIRTUAL TABLE search_fts USING fts5(
    body, kind UNINDEXED, incident_id UNINDEXED, section UNINDEXED, ref_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_incident_ai AFTER INSERT ON incident BEGIN
    INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    VALUES (new.id * 8 + 1, new.title || char(10) || new.summary, 'incident', new.id, '', new.id);
END;
CREATE TRIGGER search_incident_au AFTER UPDATE OF title, summary ON incident BEGIN
    DELETE FROM search_fts WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    VALUES (new.id * 8 + 1, new.title || char(10) || new.summary, 'incident', new.id, '', new.id);
END;
CREATE TRIGGER search_incident_ad AFTER DELETE ON incident BEGIN
    DELETE FROM search_fts WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER search_event_ai AFTER INSERT ON timeline_event WHEN new.deleted_at IS NULL BEGIN
    INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    VALUES (new.id * 8 + 2, new.text, 'event', new.incident_id, '', new.id);
END;
CREATE TRIGGER search_event_au AFTER UPDATE ON timeline_event BEGIN
    DELETE FROM search_fts WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    SELECT new.id * 8 + 2, new.text, 'event', new.incident_id, '', new.id WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER search_event_ad AFTER DELETE ON timeline_event BEGIN
    DELETE FROM search_fts WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER search_section_ai AFTER INSERT ON postmortem_section BEGIN
    INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    SELECT new.id * 8 + 3, new.body, 'section', p.incident_id, new.name, new.postmortem_id
    FROM postmortem p WHERE p.id = new.postmortem_id;
END;
CREATE TRIGGER search_section_au AFTER UPDATE OF body ON postmortem_section BEGIN
    DELETE FROM search_fts WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    SELECT new.id * 8 + 3, new.body, 'section', p.incident_id, new.name, new.postmortem_id
    FROM postmortem p WHERE p.id = new.postmortem_id;
END;
CREATE TRIGGER search_section_ad AFTER DELETE ON postmortem_section BEGIN
    DELETE FROM search_fts WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER search_action_ai AFTER INSERT ON action_item BEGIN
    INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    VALUES (new.id * 8 + 4, new.title, 'action', new.incident_id, 'actions', new.id);
END;
CREATE TRIGGER search_action_au AFTER UPDATE OF title, incident_id ON action_item BEGIN
    DELETE FROM search_fts WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    VALUES (new.id * 8 + 4, new.title, 'action', new.incident_id, 'actions', new.id);
END;
CREATE TRIGGER search_action_ad AFTER DELETE ON action_item BEGIN
    DELETE FROM search_fts WHERE rowid = old.id * 8 + 4;
END;

INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    SELECT id * 8 + 1, title || char(10) || summary, 'incident', id, '', id FROM incident;
INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    SELECT id * 8 + 2, text, 'event', incident_id, '', id FROM timeline_event WHERE deleted_at IS NULL;
INSERT INTO search_fts (rowid, body, kind, incident_id, section, ref_id)
    SELECT id * 8 + 4, title, 'action', incident_id, 'actions', id FROM action_item;
"""
