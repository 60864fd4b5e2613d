"""Every theme meets WCAG AA contrast (4.5:1) for the colours text is drawn in,
on each of the backgrounds it is drawn on, computed from the theme itself."""

from __future__ import annotations

import pytest
from textual.color import Color

from themes import THEMES, VARIABLE_DEFAULTS

AA = 4.5
BACKGROUNDS = ("background", "surface", "panel")
TEXT_COLOURS = (
    "foreground",
    "foreground-muted",
    "text-muted",
    "primary",
    "secondary",
    "accent",
    "error",
    "warning",
    "success",
    "sev1",
    "sev2",
    "sev3",
    "sev4",
    "sev5",
    "status-good",
    "status-bad",
    "status-warn",
    "stage-plan",
    "stage-do",
    "stage-check",
    "stage-act",
    "pinned",
    "footer-key-foreground",
)


def luminance(colour: Color) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(one: Color, two: Color) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def drawn(value: str, background: Color) -> Color:
    """The colour a variable shows on ``background`` (``auto 60%`` and alpha resolved)."""
    if value.startswith("auto"):
        parts = value.split()
        alpha = float(parts[1].rstrip("%")) / 100 if len(parts) > 1 else 1.0
        colour = background.get_contrast_text(alpha)
    else:
        colour = Color.parse(value)
    return background.blend(colour.with_alpha(1), colour.a) if colour.a < 1 else colour


def theme_variables(theme) -> dict[str, str]:
    """What the app sees: its defaults, then Textual's generated variables, then the theme's own."""
    return {**VARIABLE_DEFAULTS, **theme.to_color_system().generate(), **theme.variables}


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_text_colours_meet_wcag_aa(theme) -> None:
    values = theme_variables(theme)
    failures = []
    for name in BACKGROUNDS:
        background = Color.parse(values[name])
        for text in TEXT_COLOURS:
            ratio = contrast(drawn(values[text], background), background)
            if ratio < AA:
                failures.append(f"{text} {values[text]} on {name} {values[name]}: {ratio:.2f}")
    assert failures == []


def test_the_check_can_fail() -> None:
    white = Color.parse("#ffffff")
    assert contrast(Color.parse("#ff9f43"), white) < AA < contrast(Color.parse("#1b1f24"), white)
