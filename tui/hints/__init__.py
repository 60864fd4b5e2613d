"""debrief's blameless-language hint engine (no Textual here).

``lint(text)`` returns Hints for blameful wording in postmortem prose;
``Linter`` keeps a per-paragraph cache for the editor; ``fingerprint``
remembers dismissals; ``load_config`` reads ``.blameless.yml``.
"""

from .config import Config, ConfigError, find_config, load_config
from .engine import Linter, fingerprint, lint
from .model import CATEGORIES, LEVELS, Hint, Rule, RuleDataError, load_rules

__all__ = [
    "CATEGORIES",
    "LEVELS",
    "Config",
    "ConfigError",
    "Hint",
    "Linter",
    "Rule",
    "RuleDataError",
    "find_config",
    "fingerprint",
    "lint",
    "load_config",
    "load_rules",
]
