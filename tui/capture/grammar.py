"""The capture-line grammar: optional leading tokens, then the event text.

Tokens, in any order before the text:

- a time: ``14:05`` or ``14:05:30`` (today, UTC), ``-5m``, ``-90s``, ``-1h30m``
  (before now), or a full date and time (``2025-11-27 14:05``,
  ``2025-11-27T14:05:00Z``) read with dateutil; the event is backdated to it;
- ``!`` pins the event as a key moment;
- a kind: ``/impact``, ``/detect``, ``/ack``, ``/escalate``, ``/mitigate``,
  ``/resolve``, ``/deploy``, ``/decision``, ``/comms``, ``/action``;
- ``--`` ends the tokens (to log text that starts with ``/`` or ``!``).

A time in the future, or one that cannot be read, raises :class:`GrammarError`
with one sentence saying why. No Textual import here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from dateutil import parser as dateparser

#: Capture token → stored event kind.
KIND_TOKENS: dict[str, str] = {
    "/impact": "impact",
    "/detect": "detection",
    "/ack": "acknowledgement",
    "/escalate": "escalation",
    "/mitigate": "mitigation",
    "/resolve": "resolution",
    "/deploy": "deploy",
    "/decision": "decision",
    "/comms": "communication",
    "/action": "action",
}
#: Capture-line commands that open something instead of logging a line: ``/update``
#: opens the stakeholder-update composer (its text, if any, replaces the draft).
COMMANDS: tuple[str, ...] = ("/update",)


def command_of(line: str) -> tuple[str, str] | None:
    """``("/update", "rest of the text")`` when the line starts with a command, else None."""
    head, _, rest = line.strip().partition(" ")
    return (head.lower(), rest.strip()) if head.lower() in COMMANDS else None


#: Text used when a kind is given with no text ("/resolve" alone).
DEFAULT_TEXT: dict[str, str] = {
    "impact": "Impact started", "detection": "Detected", "acknowledgement": "Acknowledged",
    "escalation": "Escalated", "mitigation": "Mitigated", "resolution": "Resolved",
    "deploy": "Deploy", "decision": "Decision", "communication": "Update sent", "action": "Action",
}
#: Allowed clock skew before a time counts as "in the future".
SKEW = timedelta(seconds=5)

CLOCK_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
#: A clock time written like the start of a sentence (``14:05:``, ``14:05,``): the punctuation is dropped.
CLOCK_PUNCT_RE = re.compile(r"^(\d{1,2}:\d{2}(?::\d{2})?)[:,;.]$")
#: Anything else that starts like a clock time (``10:30am``) is meant as a time: read it or refuse it.
CLOCKISH_RE = re.compile(r"^\d{1,2}:\d{2}")
RELATIVE_RE = re.compile(r"^-(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")
DATE_RE = re.compile(r"^\d{4}[-/]\d{1,2}[-/]\d{1,2}")
TIME_PART_RE = re.compile(r"^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|UTC|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)
WORD_KIND_RE = re.compile(r"^/[A-Za-z]+$")
KINDS_HELP = ", ".join(KIND_TOKENS)


class GrammarError(ValueError):
    """A capture line that cannot be logged; ``str()`` is the reason in one sentence."""


@dataclass(frozen=True)
class Capture:
    """A parsed capture line. ``occurred_at`` is None for "now"."""

    text: str
    kind: str = "note"
    pinned: bool = False
    occurred_at: datetime | None = None


def parse_line(line: str, now: datetime) -> Capture:
    """Split a capture line into time, pin, kind and text (see the module doc)."""
    tokens = line.split()
    state: dict = {"kind": None, "pinned": False, "at": None}
    i = 0
    while i < len(tokens):
        used = _leading_token(tokens, i, state, now)
        if not used:
            break
        i += used
    text = " ".join(tokens[i:])
    kind = state["kind"] or "note"
    if not text:
        if kind == "note":
            raise GrammarError("There is nothing to log: type what happened after the time, ! or /kind.")
        text = DEFAULT_TEXT[kind]
    return Capture(text=text, kind=kind, pinned=state["pinned"], occurred_at=state["at"])


def _leading_token(tokens: list[str], i: int, state: dict, now: datetime) -> int:
    """Consume the token(s) at ``i`` into ``state``; return how many were used (0: text starts)."""
    token = tokens[i]
    if token == "--":
        tokens[i:] = tokens[i + 1:]
        return 0
    if token == "!":
        state["pinned"] = True
        return 1
    if WORD_KIND_RE.match(token):
        state["kind"] = _kind(token, state["kind"])
        return 1
    if CLOCK_PUNCT_RE.match(token):
        token = tokens[i] = CLOCK_PUNCT_RE.match(token).group(1)
    if not looks_like_time(token):
        return 0
    if state["at"] is not None:
        raise GrammarError(f"Two times were given ({token} is the second); give one time before the text.")
    used = 2 if _date_then_clock(tokens, i) else 1
    state["at"] = parse_time(" ".join(tokens[i:i + used]), now)
    return used


def _kind(token: str, current: str | None) -> str:
    kind = KIND_TOKENS.get(token.lower())
    if kind is None:
        raise GrammarError(f"{token} is not a kind; use one of {KINDS_HELP} (or start with -- to log it as text).")
    if current is not None and current != kind:
        raise GrammarError(f"Two kinds were given ({token} is the second); give one kind before the text.")
    return kind


def _date_then_clock(tokens: list[str], i: int) -> bool:
    """True when ``tokens[i]`` is a bare date and the next token is its time of day."""
    return (DATE_RE.match(tokens[i]) is not None and "T" not in tokens[i].upper()
            and i + 1 < len(tokens) and TIME_PART_RE.match(tokens[i + 1]) is not None)


def looks_like_time(token: str) -> bool:
    """True when the token is meant as a time (it is then read or refused, never taken as text)."""
    return bool(CLOCKISH_RE.match(token) or DATE_RE.match(token) or re.match(r"^-\d", token))


def parse_time(text: str, now: datetime, day: date | None = None) -> datetime:
    """A time token (or a whole date-time) as an aware UTC datetime not in the future.
    A bare clock time (``14:05``) is on ``day`` when given (an edited event's own day), else today."""
    text = text.strip()
    if not text:
        raise GrammarError("The time is empty; use 14:05, 14:05:30, -5m, -1h30m or 2025-11-27 14:05.")
    if CLOCKISH_RE.match(text) and not CLOCK_RE.match(text):
        raise GrammarError(f"{text} is not a time of day; use 24-hour HH:MM or HH:MM:SS (UTC), e.g. 14:05.")
    if CLOCK_RE.match(text):
        value = _clock(text, now)
        if day is not None:
            value = datetime.combine(day, value.timetz())
    elif text.startswith("-"):
        value = now - relative(text)
    else:
        value = _absolute(text)
    if value > now + SKEW:
        raise GrammarError(f"{text} is in the future (it is {now:%H:%M:%S} UTC now); "
                           "give the time it happened.")
    return value


def _clock(text: str, now: datetime) -> datetime:
    hours, minutes, seconds = (int(g) if g else 0 for g in CLOCK_RE.match(text).groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        raise GrammarError(f"{text} is not a time of day; use HH:MM or HH:MM:SS (UTC), 00:00 to 23:59:59.")
    return now.astimezone(UTC).replace(hour=hours, minute=minutes, second=seconds, microsecond=0)


def relative(text: str) -> timedelta:
    """``-1h30m`` as a timedelta of 1.5 hours (positive)."""
    match = RELATIVE_RE.match(text)
    if not match or text == "-":
        raise GrammarError(f"{text} is not a relative time; use a minus and units, e.g. -5m, -90s, -1h30m, -2d.")
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def _absolute(text: str) -> datetime:
    try:
        value = dateparser.parse(text)
    except (ValueError, OverflowError):
        raise GrammarError(f"{text!r} is not a date and time; use e.g. 2025-11-27 14:05 (UTC) "
                           "or 2025-11-27T14:05:00Z.") from None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def format_relative(delta: timedelta) -> str:
    """The token that :func:`relative` reads back as ``delta`` (whole seconds)."""
    total = int(delta.total_seconds())
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [(days, "d"), (hours, "h"), (minutes, "m"), (seconds, "s")]
    return "-" + ("".join(f"{n}{u}" for n, u in parts if n) or "0s")
