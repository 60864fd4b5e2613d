"""Demo dates that follow today, so the demo looks current on any day.

The demo's data was written around one example day, :data:`ORIGIN` (the seed
incident). When it is loaded, every date moves by the same number of days so
that the example incident happened yesterday, the history fills the six months
before it and the active incident is live now. With the tests' fixed clock
(2025-11-28) the shift is zero, so their expectations stay as written.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Store

#: The day the demo's example incident was written for.
ORIGIN = date(2025, 11, 27)


def seed_day(store: "Store") -> date:
    """The example incident's day: yesterday by the store's clock."""
    return store.now().date() - timedelta(days=1)


def shift(store: "Store") -> timedelta:
    """How far every written date moves."""
    return seed_day(store) - ORIGIN


def moved(store: "Store", written: date | str) -> date:
    """A written date (or ISO text) moved to follow today."""
    day = date.fromisoformat(written) if isinstance(written, str) else written
    return day + shift(store)


def moved_time(store: "Store", written: datetime) -> datetime:
    """A written time moved to follow today."""
    return written + shift(store)
