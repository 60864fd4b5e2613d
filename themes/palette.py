"""The three ``Theme`` objects (dark default, light, high-contrast for projectors).

Kept apart from ``themes/__init__.py`` so that code which only needs theme
names (``debrief config``) does not import Textual.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="debrief-dark",
    primary="#5fa8ff",
    secondary="#c792ea",
    accent="#ffb347",
    warning="#ffb347",
    error="#ff5f5f",
    success="#5fd787",
    foreground="#e6e6e6",
    background="#15181e",
    surface="#1d2129",
    panel="#262b35",
    dark=True,
    variables={"footer-key-foreground": "#5fa8ff"},
)

LIGHT = Theme(
    name="debrief-light",
    primary="#1f5fbf",
    secondary="#7a3fb0",
    accent="#9d5000",
    warning="#9d5000",
    error="#c0282d",
    success="#1c7236",
    foreground="#1b1f24",
    background="#f7f7f5",
    surface="#ffffff",
    panel="#e8e8e4",
    dark=False,
    variables={
        "foreground-muted": "#4b515a",
        "text-muted": "#4b515a",
        "sev1": "#c0282d",
        "sev2": "#a64800",
        "sev3": "#7c6200",
        "sev4": "#1f6f8b",
        "sev5": "#5c5c5c",
        "stage-plan": "#1f5fbf",
        "stage-do": "#9d5000",
        "stage-check": "#7a3fb0",
        "stage-act": "#1c7236",
        "hint-underline": "#a64800",
        "pinned": "#7c6200",
        "status-good": "#1c7236",
        "status-bad": "#c0282d",
        "status-warn": "#9d5000",
    },
)

CONTRAST = Theme(
    name="debrief-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffff00",
    error="#ff4040",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    dark=True,
    variables={
        "sev1": "#ff4040",
        "sev2": "#ff9900",
        "sev3": "#ffff00",
        "sev4": "#00ffff",
        "sev5": "#ffffff",
        "stage-plan": "#00ffff",
        "stage-do": "#ffff00",
        "stage-check": "#ff80ff",
        "stage-act": "#00ff00",
        "hint-underline": "#ffff00",
        "pinned": "#ffff00",
        "status-good": "#00ff00",
        "status-bad": "#ff4040",
        "status-warn": "#ffff00",
        "footer-key-foreground": "#ffff00",
        "block-cursor-background": "#ffff00",
        "block-cursor-foreground": "#000000",
    },
)

THEMES: tuple[Theme, ...] = (DARK, LIGHT, CONTRAST)
