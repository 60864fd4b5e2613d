"""Team settings in the shared database: the roles list, the update cadence per
severity and the stakeholder-update template. Each is validated on the way in and
has a default, so a fresh database works as it is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .base import StoreBase
from .errors import InvalidInputError
from .incidents import SEVERITIES

DEFAULT_ROLES = ("commander", "deputy", "comms", "ops lead", "scribe")
DEFAULT_CADENCE = {"SEV1": 30, "SEV2": 60}
DEFAULT_TEMPLATE = (
    "[{key}] {title}\n"
    "Status: {status} · Severity: {severity} · Commander: {commander}\n"
    "Impact: {impact}\n"
    "What we are doing: {doing}\n"
    "Next update: {next_update}"
)
#: The placeholders a template may use, and what each is filled with.
PLACEHOLDERS = {
    "key": "the incident key (INC-0042)",
    "title": "the incident title",
    "status": "investigating, identified, monitoring, resolved or closed",
    "severity": "SEV1 to SEV5",
    "commander": "who holds the commander role",
    "roles": "every role and its holder",
    "impact": "users affected, revenue and SLO impact (or 'being assessed')",
    "doing": "the latest actions, mitigations and decisions",
    "duration": "time since impact started",
    "next_update": "when the next update is due, by the cadence",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def normal_role(name: str) -> str:
    """``Ops-Lead`` → ``ops lead``: lower case, single spaces."""
    return " ".join(str(name).replace("-", " ").replace("_", " ").lower().split())


def parse_roles(text: str) -> tuple[str, ...]:
    """``commander, deputy, comms`` → the roles, commander always first."""
    roles = list(dict.fromkeys(normal_role(r) for r in re.split(r"[,\n]", text) if normal_role(r)))
    if "commander" not in roles:
        raise InvalidInputError(
            "roles must include commander; give a comma-separated list such as "
            "'commander, deputy, comms, ops lead, scribe'."
        )
    roles.remove("commander")
    return ("commander", *roles)


def parse_cadence(text: str) -> dict[str, int]:
    """``SEV1=30, SEV2=60`` → minutes between updates per severity (others: none)."""
    found: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in re.split(r"[,\s]+", text))):
        sev, _, minutes = part.partition("=")
        sev = sev.strip().upper()
        if sev not in SEVERITIES or not minutes.strip().isdigit() or int(minutes) < 1:
            raise InvalidInputError(
                f"update_cadence {part!r} is not accepted; give SEVn=MINUTES pairs "
                "such as 'SEV1=30, SEV2=60' (whole minutes, 1 or more)."
            )
        found[sev] = int(minutes)
    return found


def format_cadence(cadence: dict[str, int]) -> str:
    """``SEV1=30, SEV2=60``."""
    return ", ".join(f"{sev}={minutes}" for sev, minutes in sorted(cadence.items()))


def check_template(text: str) -> str:
    """The template, or InvalidInputError naming an unknown placeholder."""
    if not text.strip():
        raise InvalidInputError(
            "update_template is empty; write the update with placeholders such as {status} and {next_update}."
        )
    unknown = sorted(set(_PLACEHOLDER.findall(text)) - set(PLACEHOLDERS))
    if unknown:
        raise InvalidInputError(
            f"update_template uses {{{unknown[0]}}}, which is not known; use "
            f"{', '.join('{' + p + '}' for p in PLACEHOLDERS)}."
        )
    return text.replace("\\n", "\n")


def fill_template(template: str, values: dict[str, str]) -> str:
    """Replace ``{name}`` placeholders (no format-string evaluation; unknown ones stay)."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


@dataclass(frozen=True)
class TeamSetting:
    """One team setting: its default, how it is checked and normalised, what it accepts."""

    default: Callable[[], str]
    check: Callable[[str], str]
    accepts: str


TEAM_SETTINGS: dict[str, TeamSetting] = {
    "roles": TeamSetting(
        lambda: ", ".join(DEFAULT_ROLES),
        lambda t: ", ".join(parse_roles(t)),
        "a comma-separated list of roles; commander is always one",
    ),
    "update_cadence": TeamSetting(
        lambda: format_cadence(DEFAULT_CADENCE),
        lambda t: format_cadence(parse_cadence(t)),
        "minutes between stakeholder updates per severity, e.g. 'SEV1=30, SEV2=60'",
    ),
    "update_template": TeamSetting(
        lambda: DEFAULT_TEMPLATE, check_template, "the stakeholder update text with {placeholders}"
    ),
}


class TeamMixin(StoreBase):
    """Read and change the team settings."""

    def team_setting(self, key: str) -> str:
        """The value of a team setting (its default when never set)."""
        setting = self._team(key)
        return self.get_setting(key) or setting.default()  # type: ignore[attr-defined]

    def set_team_setting(self, key: str, value: str) -> str:
        """Check, normalise and store a team setting; return the stored value."""
        stored = self._team(key).check(value)
        self.set_setting(key, stored)  # type: ignore[attr-defined]
        return stored

    def roles(self) -> tuple[str, ...]:
        """The team's roles, commander first."""
        return parse_roles(self.team_setting("roles"))

    def update_cadence(self) -> dict[str, int]:
        """Minutes between stakeholder updates, per severity that has a cadence."""
        return parse_cadence(self.team_setting("update_cadence"))

    def update_template(self) -> str:
        """The stakeholder-update template."""
        return self.team_setting("update_template")

    def _team(self, key: str) -> TeamSetting:
        if key not in TEAM_SETTINGS:
            raise InvalidInputError(f"{key!r} is not a team setting; known: {', '.join(TEAM_SETTINGS)}.")
        return TEAM_SETTINGS[key]
