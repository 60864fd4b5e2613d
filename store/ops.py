"""Operational data the metrics need: deployments, weekly alert samples, toil.

Every value is checked here, so the app's forms, the command line and the CSV
import refuse the same things with the same sentence. A deployment that caused
an incident counts as failed. A week is named by any date in it and stored as
its Monday (ISO date).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from dateutil import parser as dateparser
from pydantic import BaseModel, Field

from .base import StoreBase
from .clock import as_utc, from_iso, to_iso, week_start
from .errors import InvalidInputError
from .keys import make_key

#: A deployment a little ahead of this machine's clock (another machine's clock) is still accepted.
FUTURE_SKEW = timedelta(minutes=5)


#: An example name per required text field, for the refusal sentence.
NAME_EXAMPLES = {"service": "checkout", "person": "dana"}


class Deployment(BaseModel):
    """One deployment of a service; ``caused`` lists the incident keys it caused."""

    id: int
    service: str
    deployed_at: datetime
    failed: bool = False
    version: str = ""
    caused: list[str] = Field(default_factory=list)


class AlertSample(BaseModel):
    """Alerts counted over one week (optionally per source)."""

    id: int
    week: date
    source: str = ""
    total: int
    actionable: int
    #: Counts of an earlier sample for the same week and source that this one replaced, as ``(total, actionable)``.
    replaced: tuple[int, int] | None = None

    @property
    def noise_pct(self) -> float | None:
        """Non-actionable share, 0–100 (None without alerts)."""
        return 100.0 * (self.total - self.actionable) / self.total if self.total else None


class ToilEntry(BaseModel):
    """One person's toil and working time in one week."""

    id: int
    person: str
    week: date
    category: str = ""
    toil_minutes: int
    working_minutes: int
    #: An earlier entry for the same person, week and category that this one replaced, as ``(toil, working)``.
    replaced: tuple[int, int] | None = None


def check_text(field: str, value: Any, required: bool = True) -> str:
    """Trimmed text; empty refused when ``required``."""
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise InvalidInputError(f"{field} is empty; give a name such as '{NAME_EXAMPLES.get(field, 'checkout')}'.")
    return text


def check_count(field: str, value: Any, minimum: int = 0) -> int:
    """A whole number of at least ``minimum`` (text such as ``"42"`` is read)."""
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        number = None
    if number is None or isinstance(value, bool) or number < minimum:
        raise InvalidInputError(f"{field} {value!r} is not accepted; use a whole number of {minimum} or more.")
    return number


def check_time(field: str, value: Any) -> datetime:
    """A datetime (UTC when no zone is given) from a datetime or text like ``2025-11-27 14:00``."""
    if isinstance(value, datetime):
        return as_utc(value)
    try:
        return as_utc(dateparser.isoparse(str(value).strip()))
    except (ValueError, OverflowError):
        raise InvalidInputError(
            f"{field} {value!r} is not a time; use a date and time such as 2025-11-27T14:00Z or '2025-11-27 14:00'."
        ) from None


def check_past(field: str, when: datetime, now: datetime) -> datetime:
    """A time that has happened (a few minutes of another machine's clock skew allowed)."""
    if when > now + FUTURE_SKEW:
        raise InvalidInputError(
            f"{field} {when:%Y-%m-%d %H:%M}Z is in the future (it is {now:%Y-%m-%d %H:%M}Z "
            "now); record a deployment once it has happened."
        )
    return when


def check_week(field: str, value: Any) -> date:
    """The Monday of the week that contains the given date."""
    if isinstance(value, datetime):
        return week_start(as_utc(value).date())
    if isinstance(value, date):
        return week_start(value)
    try:
        return week_start(date.fromisoformat(str(value).strip()))
    except ValueError:
        raise InvalidInputError(
            f"{field} {value!r} is not a date; use any date in the week, such as 2025-11-24."
        ) from None


def check_alerts(total: Any, actionable: Any) -> tuple[int, int]:
    """Total and actionable counts, actionable never more than total."""
    total, actionable = check_count("total", total), check_count("actionable", actionable)
    if actionable > total:
        raise InvalidInputError(
            f"actionable ({actionable}) is more than total ({total}); it must be at most the total."
        )
    return total, actionable


def check_toil(toil: Any, working: Any) -> tuple[int, int]:
    """Toil and working minutes: working above 0, toil at most working."""
    toil, working = check_count("toil-minutes", toil), check_count("working-minutes", working, minimum=1)
    if toil > working:
        raise InvalidInputError(
            f"toil-minutes ({toil}) is more than working-minutes ({working}); it must be at most that."
        )
    return toil, working


class OpsMixin(StoreBase):
    """Record and read deployments, alert samples and toil entries."""

    def record_deployment(
        self,
        service: str,
        at: Any,
        failed: bool = False,
        caused: Iterable[int | str] = (),
        version: str = "",
        source: str = "cli",
    ) -> Deployment:
        """Record a deployment; one that caused an incident is stored as failed."""
        service, when = check_text("service", service), check_past("at", check_time("at", at), self.now())
        incident_ids = [self.get_incident(ref).id for ref in caused]
        with self.db.write() as conn:
            ident = conn.execute(
                "INSERT INTO deployment (service, deployed_at, failed, version, source, created_at) VALUES (?,?,?,?,?,?)",
                (
                    service,
                    to_iso(when),
                    int(bool(failed or incident_ids)),
                    check_text("version", version, False),
                    source,
                    self.now_iso(),
                ),
            ).lastrowid
            for incident_id in incident_ids:
                self.link_deployment(ident, incident_id)
        return self.get_deployment(ident)

    def link_deployment(self, deployment_id: int, incident: int | str) -> None:
        """Record that a deployment caused an incident (it then counts as failed)."""
        incident_id = self.get_incident(incident).id
        with self.db.write() as conn:
            conn.execute("INSERT OR IGNORE INTO deployment_incident VALUES (?, ?)", (deployment_id, incident_id))
            conn.execute("UPDATE deployment SET failed = 1 WHERE id = ?", (deployment_id,))

    def get_deployment(self, ident: int) -> Deployment:
        """One deployment with the keys of the incidents it caused."""
        return self.list_deployments(where="d.id = ?", params=(ident,))[0]

    def list_deployments(self, where: str = "1", params: tuple = (), limit: int = 500) -> list[Deployment]:
        """Deployments, newest first (``where`` is a trusted SQL filter on ``d``)."""
        rows = self.db.query(
            "SELECT d.*, group_concat(di.incident_id) AS caused_ids FROM deployment d "
            f"LEFT JOIN deployment_incident di ON di.deployment_id = d.id WHERE {where} "
            "GROUP BY d.id ORDER BY d.deployed_at DESC, d.id DESC LIMIT ?",
            (*params, limit),
        )
        return [self._deployment(row) for row in rows]

    def _deployment(self, row: Any) -> Deployment:
        ids = sorted(int(i) for i in row["caused_ids"].split(",")) if row["caused_ids"] else []
        return Deployment(
            id=row["id"],
            service=row["service"],
            deployed_at=from_iso(row["deployed_at"]),
            failed=bool(row["failed"]),
            version=row["version"],
            caused=[make_key("INC", i) for i in ids],
        )

    def record_alerts(self, week: Any, total: Any, actionable: Any, source: str = "") -> AlertSample:
        """Record one week's alert counts; a second record for the same week and source replaces the first
        (a correction, not more alerts)."""
        monday, (total, actionable) = check_week("week", week), check_alerts(total, actionable)
        key = (monday.isoformat(), check_text("source", source, False))
        with self.db.write() as conn:
            old = conn.execute(
                "SELECT sum(total), sum(actionable) FROM alert_sample WHERE week = ? AND source = ?", key
            ).fetchone()
            conn.execute("DELETE FROM alert_sample WHERE week = ? AND source = ?", key)
            ident = conn.execute(
                "INSERT INTO alert_sample (week, source, total, actionable, created_at) VALUES (?,?,?,?,?)",
                (*key, total, actionable, self.now_iso()),
            ).lastrowid
        row = dict(self.db.one("SELECT * FROM alert_sample WHERE id = ?", (ident,)))
        return AlertSample.model_validate(row | {"replaced": tuple(old) if old[0] is not None else None})

    def record_toil(
        self, person: str, week: Any, toil_minutes: Any, working_minutes: Any, category: str = ""
    ) -> ToilEntry:
        """Record one person's toil for one week; the same person, week and category again replaces it."""
        person, monday = check_text("person", person), check_week("week", week)
        toil, working = check_toil(toil_minutes, working_minutes)
        key = (person, monday.isoformat(), check_text("category", category, False))
        where = "person = ? AND week = ? AND category = ?"
        with self.db.write() as conn:
            old = conn.execute(
                f"SELECT sum(toil_minutes), sum(working_minutes) FROM toil_entry WHERE {where}", key
            ).fetchone()
            conn.execute(f"DELETE FROM toil_entry WHERE {where}", key)
            ident = conn.execute(
                "INSERT INTO toil_entry (person, week, category, toil_minutes, working_minutes, created_at) "
                "VALUES (?,?,?,?,?,?)",
                (*key, toil, working, self.now_iso()),
            ).lastrowid
        row = dict(self.db.one("SELECT * FROM toil_entry WHERE id = ?", (ident,)))
        return ToilEntry.model_validate(row | {"replaced": tuple(old) if old[0] is not None else None})

    def list_alert_samples(self, limit: int = 500) -> list[AlertSample]:
        """Alert samples, newest week first."""
        rows = self.db.query("SELECT * FROM alert_sample ORDER BY week DESC, id DESC LIMIT ?", (limit,))
        return [AlertSample.model_validate(dict(r)) for r in rows]

    def list_toil_entries(self, limit: int = 500) -> list[ToilEntry]:
        """Toil entries, newest week first."""
        rows = self.db.query("SELECT * FROM toil_entry ORDER BY week DESC, id DESC LIMIT ?", (limit,))
        return [ToilEntry.model_validate(dict(r)) for r in rows]
