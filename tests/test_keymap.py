"""Remapping keys: the keymap setting is read, checked against the binding ids
that exist, and applied with App.set_keymap."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from store import Store
from tests.conftest import NOW, SIZE
from tui.cli import main
from tui.keymap import KeymapError, parse_keymap
from tui.keys import binding_ids
from tui.postmortem_nav import open_postmortem


def test_parse_keymap() -> None:
    assert parse_keymap("postmortem.save=ctrl+w; meeting.next = n, space\n") == {
        "postmortem.save": "ctrl+w",
        "meeting.next": "n,space",
    }
    assert parse_keymap("") == {} and parse_keymap(None) == {}
    with pytest.raises(KeymapError, match=r"'save ctrl\+w' is not understood"):
        parse_keymap("save ctrl+w")


def test_every_screen_binding_has_an_id_listed() -> None:
    ids = binding_ids()
    assert ids["postmortem.save"][0] == "ctrl+s" and ids["meeting.timeline"][0] == "t"
    assert "proposals.discard" in ids and "app.quit" in ids


def test_config_refuses_unknown_ids_and_lists_keys(store: Store) -> None:
    from tui.identity import personal

    runner, db = CliRunner(), ["--db", str(store.path)]
    bad = runner.invoke(main, [*db, "config", "set", "keymap", "postmortem.save=ctrl+w; nope.x=f9"])
    assert bad.exit_code == 2 and "nope.x" in bad.output and personal("keymap") is None
    assert runner.invoke(main, [*db, "config", "set", "keymap", "postmortem.save=ctrl+w"]).exit_code == 0
    assert personal("keymap") == "postmortem.save=ctrl+w"  # a personal setting, in the config file
    assert "postmortem.save" in runner.invoke(main, [*db, "config", "keys"]).output


async def test_remapped_key_saves_in_the_editor(demo_store: Store) -> None:
    from store import fixed_clock
    from tui.app import DebriefApp

    app = DebriefApp(demo_store, clock=fixed_clock(NOW), keymap={"postmortem.save": "f9"})
    async with app.run_test(size=SIZE) as pilot:
        await open_postmortem(app, 12, "root_cause")
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.editor.insert("Saved by the remapped key.")
        await pilot.press("f9")
        await app.workers.wait_for_complete()
        await pilot.pause()
        pm = demo_store.get_postmortem("PM-0012")
        assert demo_store.section_text(pm.id, "root_cause") == "Saved by the remapped key."
