"""Who I am: identity and personal settings, per person, never per database.

Who is acting comes from, in order: ``--as NAME``, ``$DEBRIEF_USER``, the
``name`` key of the personal config file
(``$XDG_CONFIG_HOME/debrief/config.toml``), ``git config user.name``, and the
login name. The config file also holds the person's time ``zone`` and
``theme``. It is read with :mod:`tomllib` and written by a tiny line editor that
changes only the top-level keys it sets (every other line is kept), with mode
0600. No Textual import here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from store.settings import default_me

if TYPE_CHECKING:
    from store import Store

#: Keys of the personal file and what each holds (``me`` is another name for ``name``).
PERSONAL_KEYS = {
    "name": "your name, used as author, commander and owner by default",
    "zone": "your time zone, an IANA name such as Europe/Berlin (default UTC)",
    "theme": "the app's look",
    "keymap": "keys to use instead of the defaults: BINDING_ID=KEYS; … (ids: `debrief config keys`)",
}
ALIASES = {"me": "name"}
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


class ConfigError(Exception):
    """The personal config file cannot be read or written; the message is one sentence."""


@dataclass(frozen=True)
class Identity:
    """Who is acting, and where that name came from (for ``config get me``)."""

    name: str
    source: str


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/debrief/config.toml`` (``~/.config`` when unset)."""
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "debrief" / "config.toml"


def read_config(path: Path | None = None) -> dict[str, object]:
    """The personal settings; empty when the file does not exist."""
    path = path or config_path()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML ({exc}); fix or remove it.") from None
    except OSError as exc:
        raise ConfigError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def personal(key: str, path: Path | None = None) -> str | None:
    """One personal setting as text, or None when unset (or not text)."""
    value = read_config(path).get(ALIASES.get(key, key))
    return value.strip() or None if isinstance(value, str) else None


def _toml_line(key: str, value: str) -> str:
    """``key = "value"``: a JSON string is a valid TOML basic string."""
    return f"{key} = {json.dumps(value, ensure_ascii=False)}\n"


def _edit(lines: list[str], updates: dict[str, str]) -> list[str]:
    """Replace or add top-level ``key = …`` lines; tables and comments stay as they are."""
    pending = dict(updates)
    out: list[str] = []
    top = True
    for line in lines:
        if line.lstrip().startswith("["):
            if top:
                out.extend(_toml_line(k, v) for k, v in pending.items())
                pending = {}
            top = False
        match = _KEY_LINE.match(line) if top else None
        if match and match.group(1) in pending:
            out.append(_toml_line(match.group(1), pending.pop(match.group(1))))
            continue
        out.append(line if line.endswith("\n") else line + "\n")
    out.extend(_toml_line(k, v) for k, v in pending.items())
    return out


def write_config(updates: dict[str, str], path: Path | None = None) -> Path:
    """Set top-level keys in the personal file (created with mode 0600); return its path."""
    path = path or config_path()
    updates = {ALIASES.get(k, k): v for k, v in updates.items()}
    try:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []
        text = "".join(_edit(lines, updates))
        tomllib.loads(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(path.name + ".tmp")
        fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML ({exc}); fix or remove it.") from None
    except OSError as exc:
        raise ConfigError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    return path


def git_user_name() -> str | None:
    """``git config user.name``, or None (no git, no name, or it takes too long)."""
    try:
        done = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=2)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def resolve(
    as_name: str | None = None, env: Mapping[str, str] | None = None, git: Callable[[], str | None] = git_user_name
) -> Identity:
    """Who is acting: ``--as``, ``$DEBRIEF_USER``, config ``name``, git, login name."""
    env = os.environ if env is None else env
    if as_name and as_name.strip():
        return Identity(as_name.strip(), "--as")
    if env.get("DEBRIEF_USER", "").strip():
        return Identity(env["DEBRIEF_USER"].strip(), "DEBRIEF_USER")
    path = config_path(env)
    name = personal("name", path)
    if name:
        return Identity(name, str(path))
    name = git()
    if name:
        return Identity(name, "git config user.name")
    return Identity(default_me(), "login name")


def check_zone(name: str) -> ZoneInfo:
    """The zone named ``name``, or ConfigError naming what is accepted."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"zone {name!r} is not a known time zone; use an IANA name such as UTC or Europe/Berlin."
        ) from None


def personal_zone(path: Path | None = None) -> ZoneInfo:
    """The person's time zone (UTC when unset or unknown)."""
    try:
        return check_zone(personal("zone", path) or "UTC")
    except ConfigError:
        return ZoneInfo("UTC")


def adopt_database_settings(store: Store, path: Path | None = None) -> str | None:
    """Move an old database-wide ``me``/``theme`` into this person's config file (the
    first person to open the database gets them) and remove them from the database.
    Returns the sentence to show, or None when there was nothing to move."""
    path = path or config_path()
    kept: dict[str, str] = {}

    def save(found: dict[str, str]) -> None:
        current = read_config(path)
        updates = {
            new: found[old]
            for old, new in (("me", "name"), ("theme", "theme"))
            if old in found and not current.get(new)
        }
        kept.update({k: str(current[k]) for k in ("name",) if "me" in found and current.get(k)})
        if updates:
            write_config(updates, path)

    try:
        moved = store.move_personal_settings(save)
    except ConfigError as exc:
        return f"The database still holds personal settings (me, theme) that could not be moved: {exc}"
    if not moved:
        return None
    if "me" in moved and "name" in kept:
        return (
            f"The shared database named everyone {moved['me']!r}; that setting was removed "
            f"(your config at {path} names you {kept['name']!r})."
        )
    what = " and ".join(f"your name {v!r}" if k == "me" else f"theme {v!r}" for k, v in moved.items())
    return f"Moved {what} from the shared database to your personal config at {path}."
