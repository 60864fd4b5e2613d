"""Command-palette providers: what makes sense on the current screen."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from themes import THEME_NAMES


class DebriefCommands(Provider):
    """Switch between debrief's own themes (the choice is saved)."""

    def commands(self) -> list[tuple[str, str, object]]:
        return [
            (f"Theme: {name}", f"Switch to the {name} theme", partial(self.set_theme, name)) for name in THEME_NAMES
        ]

    def set_theme(self, name: str) -> None:
        self.app.theme = name

    async def discover(self) -> Hits:
        for title, help_text, callback in self.commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
