"""The :class:`Store`: opening a database file and every table's methods."""

from __future__ import annotations

import os
from pathlib import Path

from . import migrations
from .actions import ActionsMixin
from .clock import Clock, system_clock
from .db import Database, check_file, create_file
from .events import EventsMixin
from .improvements import ImprovementsMixin
from .incidents import IncidentsMixin
from .metrics import MetricsMixin
from .ops import OpsMixin
from .postmortem_content import PostmortemContentMixin
from .postmortem_review import PostmortemReviewMixin
from .postmortems import PostmortemsMixin
from .roles import RolesMixin
from .search import SearchMixin
from .settings import SettingsMixin
from .slack_import import SlackImportMixin
from .team import TeamMixin
from .updates import UpdatesMixin


class Store(
    IncidentsMixin,
    EventsMixin,
    PostmortemsMixin,
    PostmortemContentMixin,
    PostmortemReviewMixin,
    SearchMixin,
    ActionsMixin,
    ImprovementsMixin,
    RolesMixin,
    SettingsMixin,
    SlackImportMixin,
    TeamMixin,
    UpdatesMixin,
    OpsMixin,
    MetricsMixin,
):
    """debrief's data in one SQLite file. Plain synchronous methods; safe to use
    from several threads (one connection each) and several processes."""

    def __init__(self, path: str | os.PathLike[str], clock: Clock = system_clock,
                 user: str | None = None) -> None:
        self.path = Path(path).expanduser()
        self.clock = clock
        self.user = user.strip() or None if user else None
        existed = check_file(self.path)
        if existed:
            self._refuse_newer()
        else:
            create_file(self.path)
        self.db = Database(self.path)
        self.backup_path = migrations.migrate(self.db.conn, self.path)

    def _refuse_newer(self) -> None:
        """Read the version without touching the file (no WAL switch, no write)."""
        import sqlite3

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
