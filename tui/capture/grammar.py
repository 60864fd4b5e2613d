"""The capture-line grammar: optional leading tokens, then the event text.

Tokens, in any order before the text:

- a time: ``14:05`` or ``14:05:30`` (the latest such moment that is not in the
  future, in the person's zone: ``23:55`` typed at 00:10 is yesterday),
  optionally followed by a zone (``11:10 EST``, ``11:10 America/New_York``);
  ``-5m``, ``-90s``, ``-1h30m`` (before now); or a full date and time
  (``2025-11-27 14:05``, ``2025-11-27 14:05 CET``, ``2025-11-27T14:05:00Z``);
- ``!`` pins the event as a key moment;
- a kind: ``/impact``, ``/detect``, ``/ack``, ``/escalate``, ``/mitigate``,
  ``/resolve``, ``/deploy``, ``/decision``, ``/comms``, ``/action`` (or the
  name the timeline shows: ``/escalation``); ``/ack!`` moves a milestone that
  is already set instead of keeping the first time;
- ``--`` ends the tokens (to log text that starts with ``/`` or ``!``).

A pure engine: ``now`` and the person's ``zone`` are passed in. A future or
unreadable time raises :class:`GrammarError` with one sentence saying why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from dateutil import parser as dateparser

from .kinds import DEFAULT_TEXT, KIND_TOKENS, KINDS_HELP, MILESTONE_KIND_NAMES, kind_named, unknown_kind
from .zones import zone_for, zone_label

__all__ = [
    "KIND_TOKENS",
    "DEFAULT_TEXT",
    "KINDS_HELP",
    "Capture",
    "GrammarError",
    "parse_line",
    "parse_time",
    "parse_when",
    "COMMANDS",
    "command_of",
]

#: Capture-line commands that open something instead of logging a line: ``/update``
#: opens the stakeholder-update composer (its text, if any, replaces the draft).
COMMANDS: tuple[str, ...] = ("/update",)


def command_of(line: str) -> tuple[str, str] | None:
    """``("/update", "rest of the text")`` when the line starts with a command, else None."""
    head, _, rest = line.strip().partition(" ")
    return (head.lower(), rest.strip()) if head.lower() in COMMANDS else None


#: Allowed clock skew before a time counts as "in the future".
SKEW = timedelta(seconds=5)

CLOCK_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
#: A clock time written like the start of a sentence (``14:05:``, ``14:05,``): the punctuation is dropped.
CLOCK_PUNCT_RE = re.compile(r"^(\d{1,2}:\d{2}(?::\d{2})?)[:,;.]$")
#: A clock time with the zone stuck to it: ``14:05Z``, ``14:05UTC``.
CLOCK_ZONE_RE = re.compile(r"^(\d{1,2}:\d{2}(?::\d{2})?)(Z|UTC)$", re.IGNORECASE)
#: Anything else that starts like a clock time (``10:30am``) is meant as a time: read it or refuse it.
CLOCKISH_RE = re.compile(r"^\d{1,2}:\d{2}")
RELATIVE_RE = re.compile(r"^-(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")
DATE_RE = re.compile(r"^\d{4}[-/]\d{1,2}[-/]\d{1,2}")
TIME_PART_RE = re.compile(r"^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|UTC|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)
WORD_KIND_RE = re.compile(r"^/[A-Za-z]+!?$")


class GrammarError(ValueError):
    """A capture line that cannot be logged; ``str()`` is the reason in one sentence."""


@dataclass(frozen=True)
class Capture:
    """A parsed capture line. ``occurred_at`` is None for "now"; ``typed_time`` is True when
    it came from a clock or calendar time (which may be in an unintended zone), not ``-5m``."""

    text: str
    kind: str = "note"
    pinned: bool = False
    occurred_at: datetime | None = None
    move_milestone: bool = False
    typed_time: bool = False


def parse_line(line: str, now: datetime, zone: tzinfo = UTC, more: Sequence[str] = ()) -> Capture:
    """Split a capture line into time, pin, kind and text (see the module doc).
    ``more`` are further lines of one multi-line event: text, kept line by line."""
    tokens = line.split()
    state: dict = {"kind": None, "pinned": False, "at": None, "move": False, "typed": False}
    i = 0
    while i < len(tokens):
        used = _leading_token(tokens, i, state, now, zone)
        if not used:
            break
        i += used
    text = "\n".join(part for part in [" ".join(tokens[i:]), *(m.rstrip() for m in more)] if part.strip())
    kind = state["kind"] or "note"
    if not text:
        if kind == "note":
            raise GrammarError("There is nothing to log: type what happened after the time, ! or /kind.")
        text = DEFAULT_TEXT[kind]
    return Capture(
        text=text,
        kind=kind,
        pinned=state["pinned"],
        occurred_at=state["at"],
        move_milestone=state["move"],
        typed_time=state["typed"],
    )


def _leading_token(tokens: list[str], i: int, state: dict, now: datetime, zone: tzinfo) -> int:
    """Consume the token(s) at ``i`` into ``state``; return how many were used (0: text starts)."""
    token = tokens[i]
    if token == "--":
        tokens[i:] = tokens[i + 1 :]
        return 0
    if token == "!":
        state["pinned"] = True
        return 1
    if WORD_KIND_RE.match(token):
        _kind(token, state)
        return 1
    if CLOCK_PUNCT_RE.match(token):
        token = tokens[i] = CLOCK_PUNCT_RE.match(token).group(1)
    if not looks_like_time(token):
        return 0
    if state["at"] is not None:
        raise GrammarError(f"Two times were given ({token} is the second); give one time before the text.")
    used = 2 if _date_then_clock(tokens, i) else 1
    typed = not token.startswith("-")
    given = zone_for(tokens[i + used]) if typed and i + used < len(tokens) else None
    state["at"] = parse_time(" ".join(tokens[i : i + used]), now, zone=given or zone)
    state["typed"] = typed
    return used + (given is not None)


def _kind(token: str, state: dict) -> None:
    """Read ``/kind`` or ``/kind!`` into ``state`` (one kind per line)."""
    name, move = token.rstrip("!"), token.endswith("!")
    kind = kind_named(name)
    if kind is None:
        raise GrammarError(unknown_kind(name))
    if move and kind not in MILESTONE_KIND_NAMES:
        raise GrammarError(
            f"{token}: only a milestone (/impact /detect /ack /mitigate /resolve) can be moved with !; drop the !."
        )
    if state["kind"] is not None and state["kind"] != kind:
        raise GrammarError(f"Two kinds were given ({token} is the second); give one kind before the text.")
    state["kind"] = kind
    state["move"] = state["move"] or move


def _date_then_clock(tokens: list[str], i: int) -> bool:
    """True when ``tokens[i]`` is a bare date and the next token is its time of day."""
    return (
        DATE_RE.match(tokens[i]) is not None
        and "T" not in tokens[i].upper()
        and i + 1 < len(tokens)
        and TIME_PART_RE.match(tokens[i + 1]) is not None
    )


def looks_like_time(token: str) -> bool:
    """True when the token is meant as a time (it is then read or refused, never taken as text)."""
    return bool(CLOCKISH_RE.match(token) or DATE_RE.match(token) or re.match(r"^-\d", token))


def parse_time(text: str, now: datetime, day: date | None = None, zone: tzinfo = UTC) -> datetime:
    """A time token (or a whole date-time) as an aware UTC datetime not in the future.

    A bare clock time (``14:05``) is read in ``zone``: on ``day`` when given (an
    edited event's own day), else the latest such moment that is not in the future
    (``23:55`` just after midnight is yesterday). A date without a zone is in ``zone``."""
    text = text.strip()
    if not text:
        raise GrammarError("The time is empty; use 14:05, 14:05:30, -5m, -1h30m or 2025-11-27 14:05.")
    if CLOCK_ZONE_RE.match(text):
        text, zone = CLOCK_ZONE_RE.match(text).group(1), UTC
    if CLOCKISH_RE.match(text) and not CLOCK_RE.match(text):
        raise GrammarError(f"{text} is not a time of day; use 24-hour HH:MM or HH:MM:SS, e.g. 14:05.")
    if CLOCK_RE.match(text):
        value = _clock(text, now, zone, day)
    elif text.startswith("-"):
        value = now - relative(text)
    else:
        value = _absolute(text, zone)
    if value > now + SKEW:
        local = now.astimezone(zone)
        raise GrammarError(
            f"{text} is in the future (it is {local:%H:%M:%S} {zone_label(zone)} now); give the time it happened."
        )
    return value


def parse_when(text: str, now: datetime, zone: tzinfo = UTC, day: date | None = None) -> datetime:
    """A time field (``--at``, a dialog): :func:`parse_time`, with an optional zone after
    the time (``11:10 EST``, ``2025-11-27 14:05 Europe/Berlin``)."""
    words = text.split()
    given = zone_for(words[-1]) if len(words) > 1 else None
    if given is not None:
        return parse_time(" ".join(words[:-1]), now, day, zone=given)
    return parse_time(text, now, day, zone=zone)


def _clock(text: str, now: datetime, zone: tzinfo, day: date | None) -> datetime:
    """``HH:MM[:SS]`` in ``zone`` on ``day``, else its latest moment not after now (as UTC)."""
    hours, minutes, seconds = (int(g) if g else 0 for g in CLOCK_RE.match(text).groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        raise GrammarError(f"{text} is not a time of day; use HH:MM or HH:MM:SS, 00:00 to 23:59:59.")
    wall = time(hours, minutes, seconds)
    if day is not None:
        return datetime.combine(day, wall, tzinfo=zone).astimezone(UTC)
    today = now.astimezone(zone).date()
    value = datetime.combine(today, wall, tzinfo=zone).astimezone(UTC)
    if value > now + SKEW:
        value = datetime.combine(today - timedelta(days=1), wall, tzinfo=zone).astimezone(UTC)
    return value


def relative(text: str) -> timedelta:
    """``-1h30m`` as a timedelta of 1.5 hours (positive)."""
    match = RELATIVE_RE.match(text)
    if not match or text == "-":
        raise GrammarError(f"{text} is not a relative time; use a minus and units, e.g. -5m, -90s, -1h30m, -2d.")
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def _absolute(text: str, zone: tzinfo) -> datetime:
    try:
        value = dateparser.parse(text)
    except (ValueError, OverflowError):
        raise GrammarError(
            f"{text!r} is not a date and time; use e.g. 2025-11-27 14:05 or 2025-11-27T14:05:00Z."
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def format_relative(delta: timedelta) -> str:
    """The token that :func:`relative` reads back as ``delta`` (whole seconds)."""
    total = int(delta.total_seconds())
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [(days, "d"), (hours, "h"), (minutes, "m"), (seconds, "s")]
    return "-" + ("".join(f"{n}{u}" for n, u in parts if n) or "0s")
