"""debrief's looks: three themes and the app's own colour variables.

Colours live here only; TCSS uses the variables. ``$sev1``…``$sev5`` colour
severities, ``$stage-plan``…``$stage-act`` the PDCA stages, ``$hint-underline``
the blameless hint spans, ``$pinned`` key moments in a timeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.theme import Theme

STYLESHEET = Path(__file__).with_name("debrief.tcss")
DEFAULT_THEME = "debrief-dark"
#: The names of :data:`THEMES` (a test checks they agree), readable without importing Textual.
THEME_NAMES: tuple[str, ...] = ("debrief-dark", "debrief-light", "debrief-contrast")

#: The app's own variables with literal defaults (used by any theme that does not set them).
VARIABLE_DEFAULTS: dict[str, str] = {
    "sev1": "#ff5f5f",
    "sev2": "#ff9f43",
    "sev3": "#ffd166",
    "sev4": "#7ec8e3",
    "sev5": "#a0a0a0",
    "stage-plan": "#5fa8ff",
    "stage-do": "#ffb347",
    "stage-check": "#c792ea",
    "stage-act": "#5fd787",
    "hint-underline": "#ffb347",
    "pinned": "#ffd166",
    "status-good": "#5fd787",
    "status-bad": "#ff5f5f",
    "status-warn": "#ffb347",
}


def __getattr__(name: str) -> Any:
    """``DARK``, ``LIGHT``, ``CONTRAST`` and ``THEMES`` load Textual, so only on first use."""
    if name in ("DARK", "LIGHT", "CONTRAST", "THEMES"):
        from . import palette

        return getattr(palette, name)
    raise AttributeError(f"module 'themes' has no attribute {name!r}")


def severity_variable(severity: str) -> str:
    """The variable name that colours a severity: ``SEV2`` → ``sev2``."""
    return severity.lower() if severity.lower() in VARIABLE_DEFAULTS else "sev5"
