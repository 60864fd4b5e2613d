"""debrief's data: models, schema and migrations, and the :class:`Store` API.

Nothing here imports Textual. The names below are loaded on first use
(PEP 562), so ``import store.errors`` or ``debrief --version`` does not pay
for every model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: public name -> the module that defines it.
_WHERE = {
    **dict.fromkeys(("ACTION_STATUSES", "ACTION_TYPES", "PRIORITIES", "ActionItem"), "actions"),
    **dict.fromkeys(("fixed_clock", "format_duration", "from_iso", "system_clock", "to_iso"), "clock"),
    "default_path": "db",
    **dict.fromkeys(
        ("DatabaseError", "InvalidInputError", "NewerDatabaseError", "NotFoundError", "StoreError"), "errors"
    ),
    **dict.fromkeys(("KINDS", "EventVersion", "TimelineEvent"), "events"),
    **dict.fromkeys(("DECISIONS", "IMPROVEMENT_STATUSES", "STAGES", "Improvement"), "improvement_model"),
    **dict.fromkeys(("ACTIVE_STATUSES", "SEVERITIES", "STATUSES", "Incident"), "incidents"),
    "Postmortem": "postmortems",
    "Store": "store",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from .actions import ACTION_STATUSES, ACTION_TYPES, PRIORITIES, ActionItem
    from .clock import fixed_clock, format_duration, from_iso, system_clock, to_iso
    from .db import default_path
    from .errors import DatabaseError, InvalidInputError, NewerDatabaseError, NotFoundError, StoreError
    from .events import KINDS, EventVersion, TimelineEvent
    from .improvement_model import DECISIONS, IMPROVEMENT_STATUSES, STAGES, Improvement
    from .incidents import ACTIVE_STATUSES, SEVERITIES, STATUSES, Incident
    from .postmortems import Postmortem
    from .store import Store
