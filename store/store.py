"""The :class:`Store`: opening a database file and every table's methods."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from . import migrations
from .actions import ActionsMixin
from .clock import Clock, system_clock
from .db import Database, check_file, create_file
from .declare import DeclareMixin
from .events import EventsMixin
from .export_dispatch import ExportMixin
from .improvements import ImprovementsMixin
from .incidents import IncidentsMixin
from .metrics import MetricsMixin
from .ops import OpsMixin
from .postmortem_content import PostmortemContentMixin
from .postmortem_proposals import ProposalsMixin
from .postmortems import PostmortemsMixin
from .publish import PublishMixin
from .recurrence import RecurrenceMixin
from .refusals import at_the_edge, refusal
from .roles import RolesMixin
from .search import SearchMixin
from .settings import SettingsMixin
from .slack_import import SlackImportMixin
from .team import TeamMixin
from .updates import UpdatesMixin


@at_the_edge
class Store(
    IncidentsMixin,
    DeclareMixin,
    EventsMixin,
    PostmortemsMixin,
    PostmortemContentMixin,
    PublishMixin,
    SearchMixin,
    ActionsMixin,
    ImprovementsMixin,
    RecurrenceMixin,
    RolesMixin,
    SettingsMixin,
    SlackImportMixin,
    TeamMixin,
    UpdatesMixin,
    OpsMixin,
    MetricsMixin,
    ExportMixin,
    ProposalsMixin,
):
    """debrief's data in one SQLite file. Plain synchronous methods; safe to use
    from several threads (one connection each) and several processes.

    Every public method is wrapped (:func:`~store.refusals.at_the_edge`): a
    ``sqlite3`` error leaves as a one-sentence :class:`~store.errors.RefusedError`.
    ``busy_timeout`` (ms) is how long a write waits for another program's lock.
    ``user`` is who is acting (see :meth:`as_user`).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        clock: Clock = system_clock,
        busy_timeout: int | None = None,
        user: str | None = None,
    ) -> None:
        self.path = Path(path).expanduser()
        self.clock = clock
        self.user = user.strip() or None if user else None
        existed = check_file(self.path)
        if existed:
            self._refuse_newer()
        else:
            create_file(self.path)
        self.db = Database(self.path, busy_timeout)
        try:
            self.backup_path = migrations.migrate(self.db.conn, self.path)
        except sqlite3.Error as exc:
            raise refusal(exc) from exc

    def _refuse_newer(self) -> None:
        """Read the version without touching the file (no WAL switch, no write)."""
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            migrations.check_not_newer(conn, self.path)
        finally:
            conn.close()

    def close(self) -> None:
        """Close this thread's connection."""
        self.db.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return migrations.current_version(self.db.conn)
