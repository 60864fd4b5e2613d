"""Time zones as a person types them: IANA names (``America/New_York``) and the
common abbreviations (``EST``, ``CEST``, ``JST``, ``Z``).

An abbreviation is a fixed offset (``EST`` is always UTC-5, even in July: the
person who typed it said so); an IANA name follows its daylight-saving rules.
Ambiguous abbreviations take their most common meaning: ``IST`` is India
(UTC+5:30), ``CST`` is US Central (UTC-6), ``BST`` is British Summer Time.
A pure module (no Textual); ``tzdata`` supplies the zone rules where the system
has none.
"""

from __future__ import annotations

from datetime import UTC, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

#: Abbreviation → hours east of UTC.
ABBREVIATIONS: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
    "AST": -4,
    "ADT": -3,
    "NST": -3.5,
    "NDT": -2.5,
    "BST": 1,
    "IST": 5.5,
    "WEST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "SGT": 8,
    "HKT": 8,
    "AWST": 8,
    "JST": 9,
    "KST": 9,
    "ACST": 9.5,
    "AEST": 10,
    "AEDT": 11,
    "NZST": 12,
    "NZDT": 13,
}


class ZoneError(ValueError):
    """A zone name that is neither an IANA name nor a known abbreviation."""


def zone_for(token: str) -> tzinfo | None:
    """The zone ``token`` names, or None when it is not a zone at all.

    Abbreviations must be written in capitals (``est`` stays text); IANA names
    are matched without regard to case (``america/new_york``)."""
    if token in ABBREVIATIONS:
        return fixed(token)
    if "/" in token and not token.startswith("/"):
        key = _iana_names().get(token.lower())
        return ZoneInfo(key) if key else None
    return None


def parse_zone(name: str) -> tzinfo:
    """A zone setting (``--zone``, ``DEBRIEF_TZ``, the config file): IANA or abbreviation,
    any case. Raises :class:`ZoneError` with one sentence otherwise."""
    text = name.strip()
    zone = fixed(text.upper()) if text.upper() in ABBREVIATIONS else None
    if zone is None:
        key = _iana_names().get(text.lower())
        zone = ZoneInfo(key) if key else None
    if zone is None:
        raise ZoneError(
            f"{name!r} is not a time zone; use an IANA name such as America/New_York "
            "or Europe/Berlin, or an abbreviation such as EST, CET or UTC."
        )
    return zone


def fixed(abbreviation: str) -> tzinfo:
    """The fixed-offset zone of an abbreviation, named after it."""
    hours = ABBREVIATIONS[abbreviation]
    if hours == 0:
        return UTC
    return timezone(timedelta(hours=hours), abbreviation)


def zone_label(zone: tzinfo) -> str:
    """How a zone is named on screen: ``UTC``, ``America/New_York``, ``EST``."""
    if zone is UTC or zone == UTC:
        return "UTC"
    if isinstance(zone, ZoneInfo):
        return "UTC" if zone.key in ("UTC", "Etc/UTC", "Etc/Zulu") else zone.key
    return zone.tzname(None) or str(zone)


@lru_cache(maxsize=1)
def _iana_names() -> dict[str, str]:
    """Lower-case IANA name → its canonical spelling."""
    return {name.lower(): name for name in available_timezones()}
