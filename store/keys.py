"""Display keys derived from ids: ``INC-0042``, ``PM-0042``, ``AI-0007``."""

from __future__ import annotations

import re

from .errors import NotFoundError

WIDTH = {"INC": 4, "PM": 4, "AI": 4, "IMP": 3}


def make_key(prefix: str, ident: int) -> str:
    """``make_key("INC", 42) == "INC-0042"``."""
    return f"{prefix}-{ident:0{WIDTH.get(prefix, 4)}d}"


def parse_key(prefix: str, ref: int | str) -> int:
    """The id named by ``ref``: an int, ``"42"``, or ``"INC-0042"`` (any case)."""
    if isinstance(ref, int):
        return ref
    text = str(ref).strip()
    match = re.fullmatch(rf"(?:{prefix}-?)?0*(\d+)", text, flags=re.IGNORECASE)
    if not match:
        article = "an" if prefix[:1] in "AEIOU" else "a"
        raise NotFoundError(f"{text!r} is not {article} {prefix} key; expected something like {make_key(prefix, 42)}.")
    return int(match.group(1))
