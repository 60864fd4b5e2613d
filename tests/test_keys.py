"""Keyboard consistency across screens: every binding has an id and a
description, each screen's HELP lists its keys, and help, escape, the palette,
the number keys and q behave the same everywhere."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

import tui
from store import Store
from tests.conftest import SIZE, make_app, settle
from tui.app import MAIN_SCREENS
from tui.dialogs.help import HelpScreen

#: How a HELP table may spell a Textual key name (besides the name itself).
SPELLINGS = {
    "question_mark": ("?",),
    "exclamation_mark": ("!",),
    "slash": ("/",),
    "left_square_bracket": ("[",),
    "right_square_bracket": ("]",),
    "left": ("←",),
    "right": ("→",),
    "up": ("↑",),
    "down": ("↓",),
}


def tui_classes() -> list[type[DOMNode]]:
    """Every app, screen and widget class defined in ``tui`` that declares BINDINGS."""
    found = {}
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.endswith("__main__"):
            continue
        for obj in vars(importlib.import_module(info.name)).values():
            if inspect.isclass(obj) and issubclass(obj, DOMNode) and obj.__module__.startswith("tui."):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [cls for _, cls in sorted(found.items())]


CLASSES = tui_classes()
WITH_BINDINGS = [cls for cls in CLASSES if "BINDINGS" in cls.__dict__]
#: The screens people see (a base class such as the postmortem's command mixin is left out).
SCREENS = [
    cls
    for cls in CLASSES
    if issubclass(cls, Screen)
    and not issubclass(cls, ModalScreen)
    and not any(other is not cls and issubclass(other, cls) for other in CLASSES)
]


def help_keys(help_text: str) -> set[str]:
    """The keys a HELP text names: every `backticked` token, lower-cased."""
    return {token.strip().lower() for token in re.findall(r"`([^`]+)`", help_text)}


def test_the_walk_finds_the_screens_and_dialogs() -> None:
    names = {cls.__name__ for cls in WITH_BINDINGS}
    assert {"DebriefApp", "IncidentScreen", "PostmortemScreen", "TriageScreen", "HelpScreen", "StoreDialog"} <= names
    assert {m.screen for m in MAIN_SCREENS} <= set(SCREENS)


@pytest.mark.parametrize("cls", WITH_BINDINGS, ids=lambda c: c.__name__)
def test_every_binding_has_an_id_and_a_description(cls) -> None:
    for binding in cls.__dict__["BINDINGS"]:
        assert isinstance(binding, Binding), f"{cls.__name__}: {binding!r} is a tuple, not a Binding with an id"
        assert binding.id, f"{cls.__name__}: the {binding.key!r} binding has no id"
        assert binding.description, f"{cls.__name__}: the {binding.key!r} binding has no description"


def test_binding_ids_name_one_action_each() -> None:
    """Users remap keys by id (App.set_keymap): one id never means two different actions."""
    actions: dict[str, set[str]] = {}
    for cls in WITH_BINDINGS:
        for binding in cls.__dict__["BINDINGS"]:
            actions.setdefault(binding.id, set()).add(binding.action)
    assert {ident: acts for ident, acts in actions.items() if len(acts) > 1} == {}


@pytest.mark.parametrize("cls", SCREENS, ids=lambda c: c.__name__)
def test_each_screen_has_help_listing_its_keys(cls) -> None:
    text = getattr(cls, "HELP", "") or ""
    assert text.strip(), f"{cls.__name__} has no HELP"
    named = help_keys(text)
    missing = []
    own = [b for base in cls.__mro__ if base.__module__.startswith("tui.") for b in base.__dict__.get("BINDINGS", [])]
    for binding in own:
        for key in binding.key.split(","):
            if not ({key.lower(), *SPELLINGS.get(key, ())} & named):
                missing.append(f"{key} ({binding.description})")
    assert not missing, f"{cls.__name__}.HELP does not list: {', '.join(missing)}"


def test_global_help_names_the_global_keys() -> None:
    from tui.dialogs.help import GLOBAL_HELP
    from tui.keys import HELP, HELP_F1, PALETTE, QUIT

    named = help_keys(GLOBAL_HELP)
    for binding in (HELP, HELP_F1, PALETTE, QUIT):
        for key in binding.key.split(","):
            assert {key, *SPELLINGS.get(key, ())} & named, key
    assert "escape" in named and any(k.startswith("1") for k in named)


@pytest.mark.parametrize("main", MAIN_SCREENS, ids=lambda m: m.mode)
async def test_help_palette_and_escape_on_each_main_screen(demo_store: Store, main) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(main.key)
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, main.screen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen), "f1 opens the help (also from a text field)"
        assert app.screen.markdown == screen.HELP
        await pilot.press("escape")
        assert app.screen is screen
        typing = isinstance(app.focused, Input)
        await pilot.press("question_mark")
        if typing:
            assert app.screen is screen and app.focused.value == "?"
            app.focused.value = ""
        else:
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("question_mark")
            assert app.screen is screen
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        assert app.screen is screen
        app.set_focus(None)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_number_keys_switch_from_a_pushed_screen_but_not_from_a_dialog(demo_store: Store) -> None:
    from tui.screens.incident import IncidentScreen

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
        await pilot.press("2")
        assert isinstance(app.screen, IncidentScreen) and app.focused.value == "2", "typed in the capture line"
        app.focused.value = ""
        await pilot.press("up", "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("3")
        assert isinstance(app.screen, HelpScreen), "a dialog keeps the number keys from switching screens"
        await pilot.press("f1", "2")
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen) and app.focused.value == "2", "the timeline never eats a key"
        app.focused.value = ""
        await pilot.press("escape")  # an empty capture line: back to the list, where the number keys switch
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        assert app.current_mode == "actions"
        await pilot.press("1")
        await settle(app, pilot)
        assert app.current_mode == "incidents"
        assert app.current_mode == "incidents" and type(app.screen).__name__ == "IncidentsScreen"


async def test_no_sql_on_the_ui_thread(demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Walking every main screen, opening an incident, its postmortem and the declare
    dialog never touches the database from the UI thread (store calls go through run_store)."""
    import threading

    from store.db import Database

    ui, used = threading.get_ident(), []
    plain = Database.conn.fget

    def conn(db):
        if threading.get_ident() == ui:
            used.append("".join(__import__("traceback").format_stack(limit=6)))
        return plain(db)

    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(Database, "conn", property(conn))
        for key in ("n", "escape", "enter", "up", "ctrl+n", "escape", "escape", "escape", "2", "3", "4", "5"):
            await pilot.press(key)
            await settle(app, pilot)
        assert app.current_mode == "search"
    assert used == [], used[0]
