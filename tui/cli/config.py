"""``debrief config``: personal settings (your name, zone, theme) in your own config
file, and with ``--team`` the team's settings in the shared database."""

from __future__ import annotations

import click

from store.team import TEAM_SETTINGS
from themes import DEFAULT_THEME, THEME_NAMES

from ..identity import ALIASES, PERSONAL_KEYS, ConfigError, check_zone, config_path, personal, write_config
from .common import CliContext, fail, pass_cli

KNOWN = {"me": PERSONAL_KEYS["name"], **PERSONAL_KEYS, "theme": f"one of {', '.join(THEME_NAMES)}"}
DEFAULTS = {"zone": lambda: "UTC", "theme": lambda: DEFAULT_THEME}


def check_key(key: str, team: bool) -> str:
    """The setting name, or exit 2 naming the accepted ones."""
    known = TEAM_SETTINGS if team else KNOWN
    if key not in known:
        where = "team setting" if team else "personal setting"
        other = "" if team or key not in TEAM_SETTINGS else f" ({key} is a team setting: use --team)"
        fail(f"{key!r} is not a {where}{other}; known: {', '.join(known)}.")
    return ALIASES.get(key, key)


def check_personal(key: str, value: str) -> str:
    """A personal value, or exit 2 saying what is accepted."""
    if not value:
        fail(f"{key} cannot be empty; give {KNOWN[key]}.")
    if key == "theme" and value not in THEME_NAMES:
        fail(f"theme {value!r} is not known; use {KNOWN['theme']}.")
    if key == "zone":
        try:
            check_zone(value)
        except ConfigError as exc:
            fail(str(exc))
    return value


@click.group()
def config() -> None:
    """Read and change settings: yours (me/name, zone, theme) or, with --team, the team's
    (roles, update_cadence, update_template)."""


@config.command("set")
@click.argument("key")
@click.argument("value")
@click.option("--team", is_flag=True, help="A team setting in the shared database.")
@pass_cli
def set_(cli: CliContext, key: str, value: str, team: bool) -> None:
    """Set KEY to VALUE."""
    name = check_key(key, team)
    if team:
        cli.store(create=True).set_team_setting(name, value)
        return
    try:
        write_config({name: check_personal(name, value.strip())})
    except ConfigError as exc:
        fail(str(exc))


@config.command("get")
@click.argument("key")
@click.option("--team", is_flag=True, help="A team setting in the shared database.")
@pass_cli
def get(cli: CliContext, key: str, team: bool) -> None:
    """Print the value of KEY (its default when unset). ``me`` is who you are acting as."""
    name = check_key(key, team)
    if team:
        click.echo(cli.store().team_setting(name))
    elif name == "name":
        if cli.path.exists():
            cli.store()  # an old database-wide name moves to the personal file first
        click.echo(cli.identity().name)
    else:
        try:
            click.echo(personal(name) or DEFAULTS[name]())
        except ConfigError as exc:
            fail(str(exc))


@config.command("path")
def path() -> None:
    """Print where your personal config file is."""
    click.echo(str(config_path()))
