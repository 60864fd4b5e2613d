"""A small Slack workspace export written for the tests (as a folder or a zip).

Channel #inc-checkout on 2025-11-27 from 14:00 UTC (ts 1764252000) and one
message on 2025-11-28; people with a top-level real name, a profile real name
only, and a user name only; a bot; joins and a topic change; a thread reply
with markup traps; a shared file; a pinned message and a :pushpin: reaction.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

T0 = 1764252000  # 2025-11-27 14:00:00 UTC

USERS = [
    {"id": "U01DANA", "name": "dana", "real_name": "Dana Whitfield", "profile": {"real_name": "Dana Whitfield"}},
    {"id": "U02PRIYA", "name": "priya", "profile": {"real_name": "Priya Natarajan", "display_name": "priya"}},
    {"id": "U03MARCUS", "name": "marcus", "profile": {}},
    {"id": "B01ALERT", "name": "alertbot", "is_bot": True, "profile": {"real_name": "Alert Bot"}},
]
CHANNELS = [
    {"id": "C01INC", "name": "inc-checkout", "created": T0 - 60, "members": ["U01DANA", "U02PRIYA"]},
    {"id": "C02GEN", "name": "general", "created": T0 - 9_999_999},
]


def ts(seconds: int, micro: int = 100) -> str:
    """A Slack ``ts`` ``seconds`` after :data:`T0`."""
    return f"{T0 + seconds}.{micro:06d}"


DAY1 = [
    {
        "type": "message",
        "subtype": "channel_join",
        "ts": ts(0),
        "user": "U03MARCUS",
        "text": "<@U03MARCUS> has joined the channel",
    },
    {
        "type": "message",
        "subtype": "channel_topic",
        "ts": ts(5),
        "user": "U01DANA",
        "text": "set the channel topic: checkout errors",
        "topic": "checkout errors",
    },
    {
        "type": "message",
        "ts": ts(60),
        "user": "U01DANA",
        "text": "Checkout 5xx above 5% <!here> cc <@U02PRIYA>",
        "pinned_to": ["C01INC"],
    },
    {
        "type": "message",
        "subtype": "bot_message",
        "ts": ts(90),
        "bot_id": "B01ALERT",
        "username": "alertbot",
        "text": "ALERT: checkout error rate 7%",
    },
    {
        "type": "message",
        "ts": ts(120),
        "user": "U02PRIYA",
        "thread_ts": ts(120),
        "reply_count": 1,
        "text": "Looking at <https://grafana.example.com/d/abc?x=1&amp;y=2|the dashboard>, see <#C02GEN|general>",
        "reactions": [{"name": "pushpin", "users": ["U01DANA"], "count": 1}],
    },
    {
        "type": "message",
        "ts": ts(180),
        "user": "U03MARCUS",
        "thread_ts": ts(120),
        "parent_user_id": "U02PRIYA",
        "text": "[b]rolled back[/b] &lt;script&gt;alert(1)&lt;/script&gt; [@click=app.quit]x",
    },
    {
        "type": "message",
        "subtype": "file_share",
        "ts": ts(240),
        "user": "U01DANA",
        "text": "",
        "files": [{"id": "F1", "name": "errors.png", "title": "errors"}],
        "reactions": [{"name": "eyes", "users": ["U02PRIYA"], "count": 1}],
    },
    {
        "type": "message",
        "subtype": "channel_leave",
        "ts": ts(300),
        "user": "U03MARCUS",
        "text": "<@U03MARCUS> has left the channel",
    },
]
DAY2 = [
    {
        "type": "message",
        "ts": f"{T0 + 18 * 3600}.000200",
        "user": "U01DANA",
        "text": "Resolved, status page: <https://status.example.com>",
    },
]


def write_export(folder: Path, day1: list[dict[str, Any]] | None = None, **extra: Any) -> Path:
    """The export as a folder; ``extra`` maps a relative path to JSON content (or raw text)."""
    files: dict[str, Any] = {
        "users.json": USERS,
        "channels.json": CHANNELS,
        "inc-checkout/2025-11-27.json": DAY1 if day1 is None else day1,
        "inc-checkout/2025-11-28.json": DAY2,
        "inc-checkout/canvas_in_the_conversation.json": "not a chat day",
        "general/2025-11-27.json": [{"type": "message", "ts": ts(1), "user": "U01DANA", "text": "lunch?"}],
    }
    files.update(extra)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return folder


def zip_export(folder: Path, target: Path, inside: str = "") -> Path:
    """Zip the export folder (``inside``: put it under a top folder, as zipping a folder does)."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, inside + path.relative_to(folder).as_posix())
    return target
