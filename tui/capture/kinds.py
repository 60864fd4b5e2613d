"""Kind tokens of the capture line (``/detect``, ``/mitigate``…), the longer names the
timeline shows (``/detection``, ``/escalation``), and "did you mean" for typos.
A pure module (no Textual)."""

from __future__ import annotations

from difflib import get_close_matches

#: Capture token → stored event kind (the short forms people type).
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
#: Every name a kind may be typed by: the short token, and the kind as the timeline shows it.
KIND_NAMES: dict[str, str] = {
    **{token.lstrip("/"): kind for token, kind in KIND_TOKENS.items()},
    **{kind: kind for kind in KIND_TOKENS.values()},
    "alert": "alert",
    "note": "note",
    "acknowledge": "acknowledgement",
    "comm": "communication",
    "communications": "communication",
    "escalate": "escalation",
    "mitigated": "mitigation",
    "resolved": "resolution",
    "detected": "detection",
    "acked": "acknowledgement",
}
#: Kinds that set an incident milestone (the store's rule; ``/ack!`` moves one deliberately).
MILESTONE_KIND_NAMES = ("impact", "detection", "acknowledgement", "mitigation", "resolution")
#: Text used when a kind is given with no text ("/resolve" alone).
DEFAULT_TEXT: dict[str, str] = {
    "impact": "Impact started",
    "detection": "Detected",
    "acknowledgement": "Acknowledged",
    "escalation": "Escalated",
    "mitigation": "Mitigated",
    "resolution": "Resolved",
    "deploy": "Deploy",
    "decision": "Decision",
    "communication": "Update sent",
    "action": "Action",
    "alert": "Alert",
}
KINDS_HELP = " ".join(KIND_TOKENS)


def kind_named(name: str) -> str | None:
    """The stored kind for a typed name (``detect``, ``Detection``, ``/ack``), or None."""
    return KIND_NAMES.get(name.strip().lstrip("/").lower())


def closest_kind(name: str) -> str | None:
    """The kind token a mistyped one was most likely meant as (``/decisoin`` → ``/decision``)."""
    typed = name.strip().lstrip("/").lower()
    found = get_close_matches(typed, list(KIND_NAMES), n=1, cutoff=0.6)
    if not found:
        return None
    short = {kind: token for token, kind in KIND_TOKENS.items()}
    word = found[0]
    return f"/{word}" if f"/{word}" in KIND_TOKENS else short.get(KIND_NAMES[word], f"/{word}")


def unknown_kind(name: str) -> str:
    """One sentence for a kind that is not one: the closest guess first, then the list."""
    guess = closest_kind(name)
    hint = f"did you mean {guess}? " if guess else ""
    return f"{name} is not a kind; {hint}Kinds: {KINDS_HELP} (start with -- to log it as text)."
