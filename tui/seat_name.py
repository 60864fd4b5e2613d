"""A name a browser user gives for themselves (``?as=NAME`` or the first screen).

Pure: no Textual. The name is what their events, edits and sign-offs are
credited to, so it must be one readable line.
"""

from __future__ import annotations

MAX_NAME = 60


class SeatNameError(ValueError):
    """The name cannot be used; the message is one sentence saying what is accepted."""


def check_name(text: str | None) -> str:
    """``text`` trimmed, or :class:`SeatNameError`."""
    name = (text or "").strip()
    if not name:
        raise SeatNameError("Type your name; it is shown beside everything you write.")
    if len(name) > MAX_NAME:
        raise SeatNameError(f"That name is {len(name)} characters long; use at most {MAX_NAME}.")
    if any(not ch.isprintable() for ch in name):
        raise SeatNameError("A name is one line of printable characters (no tabs or control keys).")
    return name
