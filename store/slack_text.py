"""Slack's message markup as plain timeline text.

Slack writes ``<@U024BE7LH>`` for a mention, ``<#C024BE91L|general>`` for a
channel, ``<https://example.com|the docs>`` for a link and ``<!here>`` for a
broadcast, and escapes ``&``, ``<`` and ``>`` in what people typed. The result
is plain text: anything that looks like markup (``[b]``, ``<script>``) stays
literal text, for the screens and exports to show as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

TOKEN = re.compile(r"<([^<>\n]*)>")
BROADCASTS = ("here", "channel", "everyone")


def unescape(text: str) -> str:
    """Undo Slack's three escapes (``&amp;`` last, so ``&amp;lt;`` stays ``&lt;``)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def plain_text(text: str, users: Mapping[str, str], channels: Mapping[str, str]) -> str:
    """``text`` with mentions, channels and links resolved; lines joined by spaces."""
    parts = TOKEN.split(text)
    out = [unescape(part) if index % 2 == 0 else _token(part, users, channels) for index, part in enumerate(parts)]
    return " ".join(line.strip() for line in "".join(out).splitlines() if line.strip())


def _token(inner: str, users: Mapping[str, str], channels: Mapping[str, str]) -> str:
    """One ``<…>`` token as text."""
    target, _, label = inner.partition("|")
    target, label = unescape(target), unescape(label)
    if target.startswith("@"):
        return "@" + (users.get(target[1:]) or label.lstrip("@") or target[1:])
    if target.startswith("#"):
        return "#" + (channels.get(target[1:]) or label or target[1:])
    if target.startswith("!"):
        return _special(target[1:], label)
    address = target.removeprefix("mailto:")
    if label and label not in (target, address):
        return f"{label} ({address})"
    return address


def _special(command: str, label: str) -> str:
    """``<!here>``, ``<!subteam^S1|@oncall>``, ``<!date^…|fallback>``."""
    if command in BROADCASTS:
        return "@" + command
    return label or "@" + command.split("^", 1)[0]
