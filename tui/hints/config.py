"""``.blameless.yml``: per-team settings for the hints.

```yaml
allow: [minimization]          # rules or categories turned off
deny: [root-cause]             # rules or categories raised to warning
levels: {judgment: suggestion} # a level (or "off") per category or rule
vocabulary: [Atlas, Sentinel]  # team and tool names that are not people
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .model import CATEGORIES, LEVELS, load_rules

CONFIG_NAME = ".blameless.yml"
_RULE_IDS = frozenset(rule.id for rule in load_rules())
NAMES = _RULE_IDS | frozenset(CATEGORIES) | {"all"}
"""Everything a config or a suppression comment may name."""


class ConfigError(ValueError):
    """A malformed configuration; the message names the file and field."""


class Config(BaseModel):
    """Validated hint settings (see the module docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    levels: dict[str, Literal["info", "suggestion", "warning", "off"]] = Field(
        default_factory=dict)
    vocabulary: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _known_names(self) -> Config:
        for field in ("allow", "deny"):
            for index, name in enumerate(getattr(self, field)):
                if name not in NAMES:
                    raise ValueError(f"{field}[{index}]: unknown rule or category {name!r}")
        for name in self.levels:
            if name not in NAMES:
                raise ValueError(f"levels.{name}: unknown rule or category {name!r}")
        return self

    @property
    def words(self) -> frozenset[str]:
        """The accepted vocabulary, lower-cased."""
        return frozenset(word.lower() for word in self.vocabulary)

    def level_for(self, rule: str, category: str, level: str) -> str | None:
        """The level a hit ends with, or None when the config turns it off."""
        names = (rule, category, "all")
        if any(name in self.allow for name in names):
            return None
        for name in names:
            if name in self.levels:
                level = self.levels[name]
                break
        if any(name in self.deny for name in names) and level != "off":
            level = "warning"
        return None if level == "off" else level


def _field_message(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    if field and not message.startswith(field.split(".")[0]):
        return f"field {field!r}: {message}"
    return message


def parse_config(data: object, source: str = CONFIG_NAME) -> Config:
    """Validate loaded YAML into a Config, raising ConfigError."""
    if data is None:
        return Config()
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: must be a mapping of settings")
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{source}: {_field_message(exc)}") from None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``.blameless.yml`` in ``start`` (default: cwd) or a parent."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def load_config(path: Path | str | None = None, start: Path | None = None) -> Config:
    """Load a config file, or the nearest one found from ``start``; the
    defaults when there is none. Raises ConfigError when it is malformed."""
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config()
    try:
        data = yaml.safe_load(found.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{found}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{found}: not valid YAML ({str(exc).splitlines()[0]})") from None
    return parse_config(data, str(found))


__all__ = ["Config", "ConfigError", "find_config", "load_config", "parse_config", "LEVELS"]
