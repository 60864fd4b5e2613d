"""The rule data: validation errors name the rule and field, and every
rule's documented example fires while its trap stays quiet."""

import pytest
import yaml

from tui.hints import Linter, RuleDataError, lint, load_rules
from tui.hints.model import RULES_PATH, parse_rules

RULES = load_rules()


def test_all_ten_categories_have_rules():
    assert {rule.category for rule in RULES} == {
        "counterfactual",
        "hindsight",
        "human_error",
        "person_as_cause",
        "judgment",
        "minimization",
        "root_cause",
        "blame_question",
        "punitive_remedy",
        "distancing",
    }


def _section(rule):
    return "Action Items" if "prose" not in rule.sections else None


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_example_fires_its_rule(rule):
    hits = lint(rule.example, section=_section(rule))
    assert rule.id in {h.rule for h in hits}, rule.example


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_trap_fires_nothing(rule):
    assert lint(rule.trap, section=_section(rule)) == [], rule.trap


def _raw():
    return yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))


def test_bad_level_names_rule_and_field():
    data = _raw()
    data["rules"][3]["level"] = "fatal"
    with pytest.raises(RuleDataError, match=rf"rule '{data['rules'][3]['id']}'.*'level'"):
        parse_rules(data)


def test_bad_regex_names_rule_and_field():
    data = _raw()
    data["rules"][0]["not_after"] = "(unclosed"
    with pytest.raises(RuleDataError, match=r"rule 'should-have-done'.*'not_after'.*regular"):
        parse_rules(data)


def test_missing_field_and_duplicate_id_are_named():
    data = _raw()
    del data["rules"][1]["trap"]
    with pytest.raises(RuleDataError, match=r"'trap'.*Field required"):
        parse_rules(data)
    data = _raw()
    data["rules"][1]["id"] = data["rules"][0]["id"]
    with pytest.raises(RuleDataError, match="duplicate"):
        parse_rules(data)


def test_unknown_field_and_bad_participle_group_are_named():
    data = _raw()
    data["rules"][2]["sugestions"] = ["typo"]
    with pytest.raises(RuleDataError, match="sugestions"):
        parse_rules(data)
    data = _raw()
    data["rules"][0]["participle"] = "nope"
    with pytest.raises(RuleDataError, match=r"'participle'"):
        parse_rules(data)


def test_rules_file_is_found_next_to_the_package():
    assert RULES_PATH.is_file() and RULES_PATH.parent.name == "hints"
    assert len(Linter().rules) == len(RULES) >= 30


def test_no_textual_import_in_the_engine():
    import ast
    from pathlib import Path

    import tui.hints

    for path in Path(tui.hints.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in getattr(node, "names", [])] + [getattr(node, "module", "")]
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                assert not any((n or "").startswith("textual") for n in names), path
