"""``.blameless.yml``: per-team settings for the hints.

```yaml
allow: [minimization]          # rules or categories turned off
deny: [root-cause]             # rules or categories raised to warning
levels: {judgment: suggestion} # a level (or "off") per category or rule
vocabulary: [Atlas, Sentinel]  # team and tool names that are not people
model: true                    # also the n-gram model's suggestions (ngram.py)
```

Plain Python (no pydantic, and YAML is imported only when a file is read),
so ``debrief lint`` starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import CATEGORIES, LEVELS, load_rules

CONFIG_NAME = ".blameless.yml"
LEVEL_VALUES = (*LEVELS, "off")
FIELDS = ("allow", "deny", "levels", "vocabulary", "model")


def names() -> frozenset[str]:
    """Everything a config or a suppression comment may name."""
    return frozenset(rule.id for rule in load_rules()) | frozenset(CATEGORIES) | {"all"}


class ConfigError(ValueError):
    """A malformed configuration; the message names the file and field."""


@dataclass(frozen=True)
class Config:
    """Validated hint settings (see the module docstring)."""

    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    levels: dict[str, str] = field(default_factory=dict, hash=False)
    vocabulary: tuple[str, ...] = ()
    model: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.model, bool):
            raise ValueError("field 'model': must be true or false")
        for name in ("allow", "deny", "vocabulary"):
            value = getattr(self, name)
            if isinstance(value, str) or not isinstance(value, (list, tuple)):
                raise ValueError(f"field {name!r}: must be a list")
            object.__setattr__(self, name, tuple(str(v) for v in value))
        if not isinstance(self.levels, dict):
            raise ValueError("field 'levels': must be a mapping")
        known = names()
        for name in ("allow", "deny"):
            for index, item in enumerate(getattr(self, name)):
                if item not in known:
                    raise ValueError(f"{name}[{index}]: unknown rule or category {item!r}")
        for item, level in self.levels.items():
            if item not in known:
                raise ValueError(f"levels.{item}: unknown rule or category {item!r}")
            if level not in LEVEL_VALUES:
                raise ValueError(f"field 'levels.{item}': Input should be " + ", ".join(repr(v) for v in LEVEL_VALUES))

    def key(self) -> tuple:
        """A hashable key of the settings (for caching linters)."""
        return (self.allow, self.deny, tuple(sorted(self.levels.items())), self.vocabulary, self.model)

    @property
    def words(self) -> frozenset[str]:
        """The accepted vocabulary, lower-cased."""
        return frozenset(word.lower() for word in self.vocabulary)

    def level_for(self, rule: str, category: str, level: str) -> str | None:
        """The level a hit ends with, or None when the config turns it off."""
        names_ = (rule, category, "all")
        if any(name in self.allow for name in names_):
            return None
        for name in names_:
            if name in self.levels:
                level = self.levels[name]
                break
        if any(name in self.deny for name in names_) and level != "off":
            level = "warning"
        return None if level == "off" else level


def parse_config(data: object, source: str = CONFIG_NAME) -> Config:
    """Validate loaded YAML into a Config, raising ConfigError."""
    if data is None:
        return Config()
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: must be a mapping of settings")
    for key in data:
        if key not in FIELDS:
            raise ConfigError(f"{source}: field {str(key)!r}: Extra inputs are not permitted")
    try:
        return Config(**data)
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{source}: {exc}") from None


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
        raw = found.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{found}: cannot be read ({exc.strerror})") from None
    import yaml

    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{found}: not valid YAML ({str(exc).splitlines()[0]})") from None
    return parse_config(data, str(found))


__all__ = ["Config", "ConfigError", "find_config", "load_config", "parse_config", "LEVELS"]
