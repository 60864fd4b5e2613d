"""Read one channel of a Slack workspace export as timeline-ready messages.

The export format (Slack's documented workspace export): ``users.json`` (people:
``id``, ``name``, ``real_name``, ``profile.real_name``, ``is_bot``),
``channels.json`` (``id``, ``name``; private channels in ``groups.json``) and a
folder per channel of ``YYYY-MM-DD.json`` files, each a list of message objects
(``ts``, ``user``, ``text``, ``subtype``, ``thread_ts``, ``reactions``,
``pinned_to``, ``files``, ``bot_id``, ``username``). Everything is checked
before anything is written: one bad field refuses the whole export. Pure: no
database here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from .errors import InvalidInputError
from .slack_files import ExportFiles, SlackExportError
from .slack_text import plain_text

TS = re.compile(r"^\d{1,11}(\.\d{1,9})?$")
TS_EXAMPLE = 'epoch seconds as text, such as "1700000000.000100"'
#: Subtypes that are what someone said (a plain message has no subtype).
SPOKEN = {None, "thread_broadcast", "me_message", "file_share", "reply_broadcast"}
JOINS = {"channel_join", "channel_leave", "group_join", "group_leave"}
TOPICS = {"channel_topic", "channel_purpose", "channel_name", "group_topic", "group_purpose", "group_name"}
BOT = "bot_message"
SKEW = timedelta(seconds=5)


@dataclass(frozen=True)
class ChatMessage:
    """One message ready to become a timeline event."""

    external_id: str
    occurred_at: datetime
    author: str
    text: str
    pinned: bool
    reply: bool


@dataclass(frozen=True)
class ChatOptions:
    """What to take from the channel."""

    since: datetime | None = None
    until: datetime | None = None
    pin_reaction: str = "pushpin"
    include_bots: bool = False


@dataclass
class ChannelRead:
    """The channel's messages (oldest first) and how many were left out, by reason: ``join``
    (joins and leaves), ``topic`` (topic, purpose and name changes), ``bot``, ``notice``
    (other channel notices), ``empty``, ``window`` (outside since/until)."""

    channel: str
    messages: list[ChatMessage] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Directory:
    """Who and which channels the export knows: id → display name."""

    people: dict[str, str]
    bots: set[str]
    channels: dict[str, str]


def read_channel(path: Any, channel: str, now: datetime, options: ChatOptions = ChatOptions()) -> ChannelRead:
    """The messages of ``channel`` in the export at ``path`` (a folder or a zip)."""
    files = ExportFiles(path)
    try:
        directory = Directory(*_people(files), _channels(files))
        channel_id, name = _find_channel(directory.channels, channel, path)
        read = ChannelRead(name)
        for day in files.day_files(name):
            _read_day(files, day, (channel_id, directory, now, options), read)
    finally:
        files.close()
    read.messages.sort(key=lambda m: (m.occurred_at, m.external_id))
    return read


def _people(files: ExportFiles) -> tuple[dict[str, str], set[str]]:
    """users.json: id → real name (falling back to the user name), and the bots' ids."""
    people: dict[str, str] = {}
    bots: set[str] = set()
    for index, user in enumerate(_records(files, "users.json"), start=1):
        ident = _text(user, "id", "users.json", f"user {index}", required=True)
        profile = user.get("profile") if isinstance(user.get("profile"), dict) else {}
        names = (user.get("real_name"), profile.get("real_name"), profile.get("display_name"), user.get("name"))
        people[ident] = next((n.strip() for n in names if isinstance(n, str) and n.strip()), ident)
        if user.get("is_bot") is True or ident == "USLACKBOT":
            bots.add(ident)
    return people, bots


def _channels(files: ExportFiles) -> dict[str, str]:
    """channels.json (and groups.json, private channels): id → name."""
    channels: dict[str, str] = {}
    for name in ("channels.json", "groups.json"):
        if name == "groups.json" and not files.has(name):
            continue
        for index, entry in enumerate(_records(files, name), start=1):
            ident = _text(entry, "id", name, f"channel {index}", required=True)
            channels[ident] = _text(entry, "name", name, f"channel {index}", required=True)
    return channels


def _records(files: ExportFiles, name: str) -> list[dict[str, Any]]:
    """A top-level file that must be a list of objects."""
    if not files.has(name):
        raise SlackExportError(
            name, f"is missing from {files.path}; a Slack workspace export has users.json and channels.json at its top"
        )
    data = files.read_json(name)
    if not isinstance(data, list):
        raise SlackExportError(name, f"holds {_kind(data)}, not a list")
    for index, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise SlackExportError(name, f"entry {index} is {_kind(entry)}, not an object")
    return data


def _find_channel(channels: dict[str, str], wanted: str, path: Any) -> tuple[str, str]:
    """The channel's id and name, by name (``#`` optional) or id."""
    key = wanted.strip().lstrip("#")
    for ident, name in channels.items():
        if key in (name, ident):
            return ident, name
    known = ", ".join(sorted(channels.values())) or "none"
    raise InvalidInputError(f"--channel: the export {path} has no channel {wanted!r}; it has {known}.")


def _read_day(files: ExportFiles, day: str, context: tuple, read: ChannelRead) -> None:
    """Add one day file's messages to ``read`` (checking every field first)."""
    data = files.read_json(day)
    if not isinstance(data, list):
        raise SlackExportError(day, f"holds {_kind(data)}, not a list of messages")
    for index, message in enumerate(data, start=1):
        where = f"message {index}"
        if not isinstance(message, dict):
            raise SlackExportError(day, f"{where} is {_kind(message)}, not an object")
        outcome = _message(message, day, where, context)
        if isinstance(outcome, ChatMessage):
            read.messages.append(outcome)
        else:
            read.skipped[outcome] += 1


def _message(message: dict[str, Any], day: str, where: str, context: tuple) -> ChatMessage | str:
    """The message as a :class:`ChatMessage`, or the reason it is left out."""
    channel_id, directory, now, options = context
    ts = _ts(message, "ts", day, where, required=True)
    thread_ts = _ts(message, "thread_ts", day, where)
    subtype = _text(message, "subtype", day, where)
    user = _text(message, "user", day, where)
    text = _text(message, "text", day, where) or ""
    when = ts_time(ts)
    if when > now + SKEW:
        raise SlackExportError(day, f"{where}, field ts {ts} is in the future ({when:%Y-%m-%d %H:%M:%S} UTC)")
    reason = _left_out(message, subtype, user, directory, options)
    if reason is None and not _in_window(when, options):
        reason = "window"
    files = _file_names(message, day, where)
    pinned = _pinned(message, day, where, options.pin_reaction)
    if reason:
        return reason
    body = " ".join([plain_text(text, directory.people, directory.channels)] + [f"(file: {f})" for f in files]).strip()
    if not body:
        return "empty"
    reply = thread_ts is not None and thread_ts != ts
    author = _author(message, user, directory)
    return ChatMessage(f"slack:{channel_id}:{ts}", when, author, ("↳ " if reply else "") + body, pinned, reply)


def ts_time(ts: str) -> datetime:
    """A Slack ``ts`` (``"1700000000.000100"``) as a UTC time, to the millisecond (as stored)."""
    seconds, _, fraction = ts.partition(".")
    return datetime.fromtimestamp(int(seconds), UTC) + timedelta(milliseconds=int(fraction[:3].ljust(3, "0")))


def _left_out(
    message: dict[str, Any], subtype: str | None, user: str | None, directory: Directory, options: ChatOptions
) -> str | None:
    """Why a message is not something a person said, or None."""
    if subtype in JOINS:
        return "join"
    if subtype in TOPICS:
        return "topic"
    is_bot = subtype == BOT or user in directory.bots or (user is None and "bot_id" in message)
    if is_bot:
        return None if options.include_bots else "bot"
    if subtype not in SPOKEN:
        return "notice"
    return None


def _in_window(when: datetime, options: ChatOptions) -> bool:
    return (options.since is None or when >= options.since) and (options.until is None or when < options.until)


def _author(message: dict[str, Any], user: str | None, directory: Directory) -> str:
    """The author's real name; a bot's own name; the id when users.json does not know it."""
    if user and user in directory.people:
        return directory.people[user]
    profile = message.get("bot_profile")
    for name in (message.get("username"), profile.get("name") if isinstance(profile, dict) else None, user):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return "bot" if "bot_id" in message else "unknown"


def _pinned(message: dict[str, Any], day: str, where: str, reaction: str) -> bool:
    """Pinned in Slack, or carrying the pin reaction."""
    pinned_to = _list(message, "pinned_to", day, where)
    names = []
    for index, entry in enumerate(_list(message, "reactions", day, where), start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise SlackExportError(day, f"{where}, field reactions: reaction {index} has no name")
        names.append(entry["name"])
    return bool(pinned_to) or (bool(reaction) and reaction in names)


def _file_names(message: dict[str, Any], day: str, where: str) -> list[str]:
    """Names of the files shared with the message (hidden ones have none)."""
    names = []
    for index, entry in enumerate(_list(message, "files", day, where), start=1):
        if not isinstance(entry, dict):
            raise SlackExportError(day, f"{where}, field files: file {index} is {_kind(entry)}, not an object")
        name = entry.get("name") or entry.get("title")
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def _ts(message: dict[str, Any], key: str, day: str, where: str, required: bool = False) -> str | None:
    value = message.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not TS.match(value):
        shown = "missing" if value is None else f"{value!r} ({_kind(value)})"
        raise SlackExportError(day, f"{where}, field {key} is {shown}, not {TS_EXAMPLE}")
    return value


def _text(entry: dict[str, Any], key: str, file: str, where: str, required: bool = False) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if isinstance(value, str) and (value.strip() or not required):
        return value
    shown = "missing" if value is None else "empty" if isinstance(value, str) else f"{_kind(value)}, not text"
    raise SlackExportError(file, f"{where}, field {key} is {shown}")


def _list(message: dict[str, Any], key: str, day: str, where: str) -> list[Any]:
    value = message.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise SlackExportError(day, f"{where}, field {key} is {_kind(value)}, not a list")
    return value


def _kind(value: Any) -> str:
    """How a JSON value reads in a sentence."""
    if value is None:
        return "null"
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)
