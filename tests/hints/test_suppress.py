"""Suppression comments and ``.blameless.yml``."""

import pytest

from tui.hints import Config, ConfigError, find_config, lint, load_config
from tui.hints.config import parse_config

TWO = "The root cause was DNS.\n\nDana deleted the volume.\n"


def _rules(text, config=None):
    return [h.rule for h in lint(text, config=config)]


def test_ignore_applies_to_the_next_block_only():
    text = "<!-- blameless ignore root-cause -->\nThe root cause was DNS.\n\nThe root cause was DNS.\n"
    hints = lint(text)
    assert [h.line for h in hints] == [4]


def test_ignore_by_category_and_all():
    text = "<!-- blameless ignore person_as_cause -->\n" + TWO.replace("\n\n", " ")
    assert _rules(text) == ["root-cause"]
    assert _rules("<!-- blameless ignore -->\n" + TWO.replace("\n\n", " ")) == []
    assert _rules("<!-- blameless ignore all -->\n" + TWO) == ["named-person-caused"]


def test_disable_enable_range():
    text = (
        "<!-- blameless disable root_cause, person_as_cause -->\n"
        + TWO
        + "<!-- blameless enable person_as_cause -->\n\n"
        + TWO
    )
    assert _rules(text) == ["named-person-caused"]
    text = "<!-- blameless disable all -->\n" + TWO + "<!-- blameless enable all -->\n" + TWO
    assert _rules(text) == ["root-cause", "named-person-caused"]


def test_config_allow_deny_and_levels():
    assert _rules(TWO, Config(allow=("root_cause",))) == ["named-person-caused"]
    assert _rules(TWO, Config(allow=("named-person-caused",))) == ["root-cause"]
    levels = [h.level for h in lint(TWO, config=Config(deny=("root-cause",)))]
    assert levels == ["warning", "suggestion"]
    config = Config(levels={"person_as_cause": "suggestion", "root_cause": "off"})
    assert [(h.rule, h.level) for h in lint(TWO, config=config)] == [("named-person-caused", "suggestion")]


def test_vocabulary_names_are_not_people():
    text = "Ada dropped the old partition."  # a first name, and here a tool's name
    assert _rules(text) == ["named-person-caused"]
    assert _rules(text, Config(vocabulary=("Ada",))) == []


def test_a_capitalised_word_is_not_a_name_by_its_capital_alone():
    assert _rules("Atlas dropped the old partition.") == []
    assert _rules("Permanently deleted the disruptive admission controller.") == []
    assert _rules("Then engineer Atlas dropped the old partition.") == ["named-person-caused"]


def test_malformed_config_names_the_field():
    with pytest.raises(ConfigError, match=r"levels\.judgement: unknown rule or category"):
        parse_config({"levels": {"judgement": "info"}})
    with pytest.raises(ConfigError, match=r"field 'levels.judgment'"):
        parse_config({"levels": {"judgment": "loud"}})
    with pytest.raises(ConfigError, match=r"allow\[1\]"):
        parse_config({"allow": ["judgment", "nope"]})
    with pytest.raises(ConfigError, match="vocab"):
        parse_config({"vocab": ["Atlas"]})
    with pytest.raises(ConfigError, match="mapping"):
        parse_config(["judgment"])


def test_config_file_search_and_load(tmp_path):
    (tmp_path / ".blameless.yml").write_text("vocabulary: [Atlas]\nallow: [minimization]\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / ".blameless.yml"
    config = load_config(start=nested)
    assert config.vocabulary == ("Atlas",) and config.allow == ("minimization",)
    (tmp_path / "broken.yml").write_text("allow: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(tmp_path / "broken.yml")
    with pytest.raises(ConfigError, match="cannot be read"):
        load_config(tmp_path / "missing.yml")
    (tmp_path / "empty.yml").write_text("")
    assert load_config(tmp_path / "empty.yml") == Config()
