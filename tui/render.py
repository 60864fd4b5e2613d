"""Small helpers that turn data into safe renderables (user text is never markup)."""

from __future__ import annotations

from datetime import datetime

from rich.style import Style
from rich.text import Text
from textual.app import App

from themes import VARIABLE_DEFAULTS, severity_variable


def theme_colour(app: App, variable: str) -> str:
    """The current theme's value for one of debrief's colour variables."""
    return app.theme_variables.get(variable) or VARIABLE_DEFAULTS[variable]


def severity_text(app: App, severity: str) -> Text:
    """``SEV2`` coloured by the theme's ``$sev2``."""
    bold = severity in ("SEV1", "SEV2")
    return Text(severity, style=Style(color=theme_colour(app, severity_variable(severity)), bold=bold))


def plain(value: object) -> Text:
    """Any value as literal text for a DataTable cell."""
    return Text("" if value is None else str(value))


def utc(value: datetime | None, with_date: bool = True) -> str:
    """``2025-11-27 14:05`` (UTC) or ``14:05:30``; an em dash when missing."""
    if value is None:
        return "—"
    return value.strftime("%Y-%m-%d %H:%M") if with_date else value.strftime("%H:%M:%S")
