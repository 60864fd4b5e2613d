"""Opening postmortems from anywhere: from an incident (created on first
open, pre-filled from the incident) or from a search hit."""

from __future__ import annotations

from store.search import SearchHit


def get_or_create(store, incident_id: int):
    """The incident's postmortem, started now if it has none (store thread)."""
    return store.postmortem_for_incident(incident_id) or store.create_postmortem(incident_id)


async def open_postmortem(app, incident_id: int, section: str | None = None) -> None:
    """Show the postmortem editor of an incident (creating the draft if needed)."""
    from .screens.postmortem import PostmortemScreen

    existed = await app.run_store(app.store.postmortem_for_incident, incident_id)
    pm = existed or await app.run_store(get_or_create, app.store, incident_id)
    if existed is None:
        app.notify(f"{pm.key} started from the incident and saved.", markup=False)
    screen = PostmortemScreen(pm.id)
    if section:
        screen.current = section
    app.push_screen(screen)


async def open_hit(app, hit: SearchHit) -> None:
    """Jump to where a search hit is: a postmortem section or the incident."""
    if hit.kind in ("section", "action") and hit.incident_id:
        pm = await app.run_store(app.store.postmortem_for_incident, hit.incident_id)
        if pm is not None:
            await open_postmortem(app, hit.incident_id, hit.section or "summary")
            return
    if hit.incident_id:
        app.open_incident(hit.incident_id)
