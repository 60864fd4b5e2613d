"""Where an imported timeline event came from (``slack:C024BE91L:1700000000.000100``), so
importing the same chat export twice adds nothing. One origin per incident; a deleted
event keeps its origin, so a re-import does not bring back what someone removed."""

SQL = """
ALTER TABLE timeline_event ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX timeline_event_external ON timeline_event(incident_id, external_id)
    WHERE external_id IS NOT NULL;
"""
