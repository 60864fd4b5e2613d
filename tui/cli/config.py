"""``debrief config``: who "me" is, the theme."""

from __future__ import annotations

import click

from store.settings import default_me
from themes import DEFAULT_THEME, THEME_NAMES

from .common import CliContext, fail, pass_cli

KNOWN = {
    "me": "your name, used as author, commander and owner by default",
    "theme": f"one of {', '.join(THEME_NAMES)}",
}
DEFAULTS = {"me": default_me, "theme": lambda: DEFAULT_THEME}


def check_key(key: str) -> str:
    """The setting name, or exit 2 naming the accepted ones."""
    if key not in KNOWN:
        fail(f"{key!r} is not a setting; known settings: {', '.join(KNOWN)}.")
    return key


@click.group()
def config() -> None:
    """Read and change settings (me, theme)."""


@config.command("set")
@click.argument("key")
@click.argument("value")
@pass_cli
def set_(cli: CliContext, key: str, value: str) -> None:
    """Set KEY to VALUE."""
    check_key(key)
    value = value.strip()
    if key == "theme" and value not in THEME_NAMES:
        fail(f"theme {value!r} is not known; use {KNOWN['theme']}.")
    if not value:
        fail(f"{key} cannot be empty; give {KNOWN[key]}.")
    cli.store(create=True).set_setting(key, value)


@config.command("get")
@click.argument("key")
@pass_cli
def get(cli: CliContext, key: str) -> None:
    """Print the value of KEY (its default when unset)."""
    check_key(key)
    click.echo(cli.store().get_setting(key) or DEFAULTS[key]())
