"""debrief's data: models, schema and migrations, and the :class:`Store` API.

Nothing here imports Textual.
"""

from .actions import ACTION_STATUSES, ACTION_TYPES, PRIORITIES, ActionItem
from .clock import fixed_clock, format_duration, from_iso, system_clock, to_iso
from .db import default_path
from .errors import DatabaseError, InvalidInputError, NewerDatabaseError, NotFoundError, StoreError
from .events import KINDS, EventVersion, TimelineEvent
from .improvement_model import DECISIONS, IMPROVEMENT_STATUSES, STAGES, Improvement
from .incidents import ACTIVE_STATUSES, SEVERITIES, STATUSES, Incident
from .postmortems import Postmortem
from .store import Store

__all__ = [
    "ACTION_STATUSES", "ACTION_TYPES", "ACTIVE_STATUSES", "KINDS", "PRIORITIES", "SEVERITIES", "STATUSES",
    "ActionItem", "DatabaseError", "EventVersion", "Incident", "InvalidInputError", "NewerDatabaseError",
    "NotFoundError", "Postmortem", "Store", "StoreError", "TimelineEvent", "default_path", "fixed_clock",
    "format_duration", "from_iso", "system_clock", "to_iso",
    "DECISIONS", "IMPROVEMENT_STATUSES", "STAGES", "Improvement",
]
