"""Shared fixtures: a temporary store with a fixed clock, demo data, a steady app.

Everything is deterministic: fixed terminal size (120x40), an injected clock,
cursor blink and animations off.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from store import Store, fixed_clock
from store.demo import load_demo

#: "Now" in every test: the day after the seed's example incident.
NOW = datetime(2025, 11, 28, 9, 0, tzinfo=UTC)
SIZE = (120, 40)
MARKUP_TRAPS = ("[/", "[/]", "[b]bold", "[@click=app.quit]x")


@pytest.fixture(autouse=True)
def steady_widgets(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursors, no animations: snapshots are stable."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def personal_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test has its own config and data folders (so tests run in parallel never share a
    file and none touches the person's real ones) and no identity from the environment."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("DEBRIEF_USER", raising=False)
    return home / "config" / "debrief" / "config.toml"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database lives."""
    return tmp_path / "debrief.db"


@pytest.fixture
def store(db_path: Path) -> Store:
    """An empty store whose clock always says :data:`NOW`."""
    return Store(db_path, clock=fixed_clock(NOW))


@pytest.fixture
def demo_store(store: Store) -> Store:
    """The store filled with the demo data."""
    load_demo(store)
    store.user = "dana"
    return store


def make_app(store: Store, theme: str | None = None):
    """A DebriefApp on ``store`` with the fixed clock."""
    from tui.app import DebriefApp

    return DebriefApp(store, clock=fixed_clock(NOW), theme=theme)


async def settle(app, pilot) -> None:
    """Wait until every worker has finished (cancelled ones included) and the screen has refreshed."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for _ in range(20):
        try:
            await app.workers.wait_for_complete()
            break
        except (WorkerCancelled, WorkerFailed):
            continue
    await pilot.pause()
