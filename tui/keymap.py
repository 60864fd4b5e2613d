"""Remapping keys: the ``keymap`` setting names binding ids and the keys to
use instead, ``postmortem.save=ctrl+w; meeting.next=n,space``, and the app
applies it with ``App.set_keymap`` (posting's pattern). Pure: no Textual."""

from __future__ import annotations

import re

#: A binding id: ``screen.action`` (``postmortem.save``, ``app.mode.incidents``).
BINDING_ID = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
#: Keys as Textual names them, comma-separated alternatives (``ctrl+w``, ``f6``, ``n,space``).
KEYS = re.compile(r"^[a-z0-9_+\-]+(,[a-z0-9_+\-]+)*$")


class KeymapError(ValueError):
    """A keymap that cannot be read; ``str()`` says which entry and what is accepted."""


def parse_keymap(text: str | None) -> dict[str, str]:
    """``id=keys`` entries separated by ``;`` or new lines, as a mapping."""
    keymap: dict[str, str] = {}
    for entry in re.split(r"[;\n]", text or ""):
        if not entry.strip():
            continue
        ident, sep, keys = (part.strip() for part in entry.partition("="))
        keys = keys.replace(" ", "").lower()
        if not sep or not BINDING_ID.match(ident) or not KEYS.match(keys):
            raise KeymapError(
                f"keymap entry {entry.strip()!r} is not understood; write BINDING_ID=KEYS, "
                "such as postmortem.save=ctrl+w (see `debrief config keys`)."
            )
        keymap[ident] = keys
    return keymap
