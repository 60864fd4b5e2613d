"""Identity per person: resolution order, the personal config file, and moving an
old database-wide ``me``/``theme`` out of a shared database."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import Store
from tui.cli import main
from tui.identity import ConfigError, adopt_database_settings, personal_zone, read_config, resolve, write_config


def no_git() -> None:
    return None


def test_resolution_order(personal_config: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(personal_config.parent.parent)}
    assert resolve(env=env, git=no_git).source == "login name"
    assert resolve(env=env, git=lambda: "Dana Git") == resolve(env=env, git=lambda: "Dana Git")
    assert resolve(env=env, git=lambda: "Dana Git").name == "Dana Git"
    write_config({"name": "dana"}, personal_config)
    assert resolve(env=env, git=lambda: "Dana Git").name == "dana"
    assert resolve(env={**env, "DEBRIEF_USER": "priya"}, git=no_git).name == "priya"
    assert resolve("alertbot", env={**env, "DEBRIEF_USER": "priya"}, git=no_git).name == "alertbot"


def test_writer_keeps_other_lines_and_tables(personal_config: Path) -> None:
    personal_config.parent.mkdir(parents=True)
    personal_config.write_text('# mine\nname = "old"\n\n[keymap]\nquit = "ctrl+q"\nname = "not top-level"\n')
    write_config({"me": 'da"na [b]', "zone": "Europe/Berlin"}, personal_config)
    data = tomllib.loads(personal_config.read_text())
    assert data["name"] == 'da"na [b]' and data["zone"] == "Europe/Berlin"
    assert data["keymap"] == {"quit": "ctrl+q", "name": "not top-level"}
    assert personal_config.read_text().startswith("# mine\n")
    assert personal_config.stat().st_mode & 0o777 == 0o600
    assert str(personal_zone(personal_config)) == "Europe/Berlin"


def test_bad_toml_is_one_sentence(personal_config: Path) -> None:
    personal_config.parent.mkdir(parents=True)
    personal_config.write_text("name = dana\n")
    with pytest.raises(ConfigError, match="is not valid TOML"):
        read_config(personal_config)
    result = CliRunner().invoke(main, ["config", "get", "zone"])
    assert result.exit_code == 2 and "is not valid TOML" in result.output


def test_old_database_me_moves_to_whoever_opens_it_first(store: Store, personal_config: Path, tmp_path: Path) -> None:
    store.set_setting("me", "dana")
    store.set_setting("theme", "debrief-light")
    message = adopt_database_settings(store, personal_config)
    assert "your name 'dana'" in message and str(personal_config) in message
    assert read_config(personal_config) == {"name": "dana", "theme": "debrief-light"}
    assert store.get_setting("me") is None and store.get_setting("theme") is None
    other = tmp_path / "priya.toml"
    assert adopt_database_settings(store, other) is None and not other.exists()


def test_a_named_person_keeps_their_name(store: Store, personal_config: Path) -> None:
    write_config({"name": "priya"}, personal_config)
    store.set_setting("me", "dana")
    message = adopt_database_settings(store, personal_config)
    assert "named everyone 'dana'" in message and "'priya'" in message
    assert read_config(personal_config)["name"] == "priya" and store.get_setting("me") is None


def test_unwritable_config_keeps_the_database_setting(store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be")
    store.set_setting("me", "dana")
    message = adopt_database_settings(store, blocker / "debrief" / "config.toml")
    assert "could not be moved" in message
    assert store.get_setting("me") == "dana"  # nothing lost: the next open tries again


def test_cli_moves_me_with_a_message_and_as_wins(db_path: Path, personal_config: Path) -> None:
    Store(db_path).set_setting("me", "dana")
    first = CliRunner().invoke(main, ["--db", str(db_path), "config", "get", "me"])
    assert first.exit_code == 0 and first.stdout.strip() == "dana"
    assert "Moved your name 'dana'" in first.stderr
    assert Store(db_path).get_setting("me") is None
    as_priya = CliRunner().invoke(main, ["--db", str(db_path), "config", "get", "me", "--as", "priya"])
    assert as_priya.stdout.strip() == "priya"
    env = CliRunner().invoke(main, ["--db", str(db_path), "config", "get", "me"], env={"DEBRIEF_USER": "marcus"})
    assert env.stdout.strip() == "marcus"


def test_as_on_group_or_sub_command_credits_the_event(db_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db_path), "incident", "new", "Down", "--as", "dana"]).exit_code == 0
    assert runner.invoke(main, ["--db", str(db_path), "--as", "alertbot", "log", "CPU at 95%"]).exit_code == 0
    assert runner.invoke(main, ["--db", str(db_path), "log", "--as", "priya", "looking"]).exit_code == 0
    events = Store(db_path).list_events(1)
    assert [(e.author, e.text) for e in events[1:]] == [("alertbot", "CPU at 95%"), ("priya", "looking")]
    assert events[0].author == "dana" and Store(db_path).get_incident(1).commander == "dana"


def test_personal_config_set_and_get(db_path: Path, personal_config: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db_path), "config", "set", "zone", "Asia/Tokyo"]).exit_code == 0
    assert runner.invoke(main, ["--db", str(db_path), "config", "get", "zone"]).stdout.strip() == "Asia/Tokyo"
    bad = runner.invoke(main, ["--db", str(db_path), "config", "set", "zone", "Mars/Olympus"])
    assert bad.exit_code == 2 and "not a known time zone" in bad.stderr
    assert read_config(personal_config) == {"zone": "Asia/Tokyo"}
    team = runner.invoke(main, ["--db", str(db_path), "config", "set", "roles", "commander"])
    assert team.exit_code == 2 and "use --team" in team.stderr
