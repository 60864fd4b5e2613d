"""Command-palette entries that make sense on the live incident screen
(reachable with ctrl+p even while typing in the capture line)."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS = (
    ("Incident: change status", "Investigating, identified, monitoring, resolved, closed", "status"),
    ("Incident: change severity", "SEV1 to SEV5", "severity"),
    ("Incident: change commander", "Hand over command", "commander"),
    ("Incident: change title", "Retitle the incident", "title"),
    ("Incident: assign a role", "Commander, deputy, comms, ops lead, scribe: hand over a role", "role"),
    ("Incident: stakeholder update", "Draft from the template; send logs it and copies it (ctrl+o)", "update"),
    ("Incident: show or hide authors", "Who wrote each event (w)", "authors"),
    ("Incident: open the postmortem", "Started and pre-filled from the incident on first use", "postmortem"),
    ("Incident: postmortem triggers", "Customer-facing, data loss, escalation, security, near miss", "triggers"),
    ("Incident: undo the last delete", "Bring back the last deleted event", "undo"),
    ("Incident: help and capture grammar", "Tokens: 14:05, -5m, !, /detect, /mitigate, /resolve …", "help"),
)


class IncidentCommands(Provider):
    """Status, severity, commander, title, undo and help for the open incident."""

    def run(self, action: str) -> None:
        if action == "help":
            self.app.action_help()
        else:
            getattr(self.screen, f"action_{action}")()

    async def discover(self) -> Hits:
        for title, help_text, action in COMMANDS:
            yield DiscoveryHit(title, lambda a=action: self.run(a), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), lambda a=action: self.run(a), help=help_text)
