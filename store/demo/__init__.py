"""Demo data: the seed's example incident and six months of history.

Each part of the demo is a ``seed(store)`` function in a module here; they run
in order inside one transaction, so a failure leaves nothing half-written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import InvalidInputError
from . import backdate, improvements, incidents, ops, postmortems

if TYPE_CHECKING:
    from ..store import Store

#: Who writes the demo data (the seed incident's commander); it does not change who you are.
DEMO_ME = "dana"
SEEDERS = (incidents.seed, postmortems.seed, ops.seed, improvements.seed, backdate.seed)


def is_empty(store: Store) -> bool:
    """True when the database holds no incidents and no action items."""
    row = store.db.one("SELECT (SELECT count(*) FROM incident) + (SELECT count(*) FROM action_item)")
    return row[0] == 0


def load_demo(store: Store, force: bool = False) -> None:
    """Fill the database with demo data (refused when it is not empty, unless forced)."""
    if not force and not is_empty(store):
        raise InvalidInputError(
            f"{store.path} already holds data; demo data goes into an empty database (use --force to add it anyway)."
        )
    demo = store.as_user(DEMO_ME)  # the declarations' status events are by dana too
    with store.db.write():
        for seed in SEEDERS:
            seed(demo)
