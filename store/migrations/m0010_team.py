"""A team on one database: who changed what, and who holds which role.

Author columns where they were missing (an event's editor and deleter, who
wrote each kept version, who recorded a sign-off, who created and last changed
an action item, with each action-item change kept), and the role assignments
of each incident (holder, assumed and handed-off times, who assigned it, the
timeline event that records it), and whether an incident's severity was
chosen or is still the default of a bare declaration. Current commanders become commander
assignments from their declaration time.
"""

SQL = """
ALTER TABLE incident ADD COLUMN severity_assessed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE timeline_event ADD COLUMN edited_by TEXT NOT NULL DEFAULT '';
ALTER TABLE timeline_event ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE timeline_event_version ADD COLUMN edited_by TEXT NOT NULL DEFAULT '';
ALTER TABLE postmortem_reviewer ADD COLUMN signed_off_by TEXT NOT NULL DEFAULT '';
ALTER TABLE action_item ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE action_item ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';

CREATE TABLE action_item_change (
    id INTEGER PRIMARY KEY,
    action_item_id INTEGER NOT NULL REFERENCES action_item(id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    author TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL
);
CREATE INDEX action_item_change_by_item ON action_item_change(action_item_id, changed_at);

CREATE TABLE role_assignment (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (length(trim(role)) > 0),
    holder TEXT NOT NULL CHECK (length(trim(holder)) > 0),
    assumed_at TEXT NOT NULL,
    handed_off_at TEXT,
    assigned_by TEXT NOT NULL DEFAULT '',
    event_id INTEGER REFERENCES timeline_event(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX role_assignment_current ON role_assignment(incident_id, role) WHERE handed_off_at IS NULL;
CREATE INDEX role_assignment_by_incident ON role_assignment(incident_id, assumed_at);
CREATE INDEX role_assignment_by_role ON role_assignment(role, holder, incident_id);

INSERT INTO role_assignment (incident_id, role, holder, assumed_at)
    SELECT id, 'commander', commander, declared_at FROM incident WHERE length(trim(commander)) > 0;
"""
