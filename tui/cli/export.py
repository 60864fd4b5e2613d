"""``debrief export``: the group that each exporter adds its sub-command to."""

from __future__ import annotations

import click


@click.group()
def export() -> None:
    """Export incidents, postmortems and action items (Markdown, JSON, CSV)."""
