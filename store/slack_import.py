"""Chat to timeline: one channel of a Slack export becomes an incident's events.

One user action, one transaction: every file and field of the export is checked
first, then the new messages are written together. Each event remembers its
origin (``slack:<channel id>:<ts>``), so importing the same export again adds
only what is new.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .base import StoreBase
from .clock import to_iso
from .slack_export import ChatMessage, ChatOptions, read_channel


@dataclass(frozen=True)
class ChatImport:
    """What an import did: events added (and how many pinned), messages already on
    the timeline, and messages left out by reason."""

    channel: str
    incident_key: str
    added: int
    pinned: int
    already: int
    skipped: Counter[str]


class SlackImportMixin(StoreBase):
    """Import a chat channel into an incident's timeline."""

    def import_slack(
        self, export: str | Path, channel: str, incident: int | str, options: ChatOptions = ChatOptions()
    ) -> ChatImport:
        """Add the channel's messages (and thread replies) as events of ``incident``:
        author's real name, the message time, pinned when pinned in Slack or marked with
        ``options.pin_reaction``. A malformed export raises before anything is written."""
        target = self.get_incident(incident)
        read = read_channel(export, channel, self.now(), options)
        with self.db.write() as conn:
            known = {
                row[0]
                for row in conn.execute(
                    "SELECT external_id FROM timeline_event WHERE incident_id = ? AND external_id IS NOT NULL",
                    (target.id,),
                )
            }
            new = _unique([m for m in read.messages if m.external_id not in known])
            now = self.now_iso()
            conn.executemany(
                "INSERT INTO timeline_event (incident_id, occurred_at, entered_at, author, kind, text, pinned, "
                "source, external_id) VALUES (?, ?, ?, ?, 'note', ?, ?, 'import', ?)",
                [(target.id, to_iso(m.occurred_at), now, m.author, m.text, int(m.pinned), m.external_id) for m in new],
            )
        return ChatImport(
            read.channel, target.key, len(new), sum(m.pinned for m in new), len(read.messages) - len(new), read.skipped
        )


def _unique(messages: list[ChatMessage]) -> list[ChatMessage]:
    """The first of messages that share an origin (an export may list one twice)."""
    seen: set[str] = set()
    kept = []
    for message in messages:
        if message.external_id not in seen:
            seen.add(message.external_id)
            kept.append(message)
    return kept
