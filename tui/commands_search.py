"""Command-palette provider: full-text search hits that jump to the incident
or postmortem section."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content

from store import StoreError
from store.search import friendly_query

from .postmortem_nav import open_hit
from .search_render import where


class SearchCommands(Provider):
    """Searches postmortems and timelines as the palette query is typed."""

    LIMIT = 8

    async def search(self, query: str) -> Hits:
        if len(query.strip()) < 3:
            return
        try:
            hits = await self.app.run_store(self.app.store.search, friendly_query(query), self.LIMIT)
        except StoreError:
            return
        for rank, hit in enumerate(hits):
            snippet = " ".join(hit.snippet.replace("\x02", "").replace("\x03", "").split())
            label = Content.assemble(("Search: ", "bold"), where(hit), " — ", snippet[:80])
            yield Hit(0.5 - rank * 0.01, label, partial(self.jump, hit))

    def jump(self, hit) -> None:
        self.app.run_worker(open_hit(self.app, hit), exit_on_error=False)
