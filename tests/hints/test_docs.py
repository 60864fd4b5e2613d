"""RULES.md is generated from the rule data and must be current."""

from tui.hints import load_rules
from tui.hints.docs import RULES_MD, main, render


def test_rules_md_is_up_to_date():
    assert RULES_MD.read_text(encoding="utf-8") == render(), (
        "tui/hints/RULES.md is out of date: run python -m tui.hints.docs"
    )
    assert main(["--check"]) == 0


def test_every_rule_has_a_row_with_example_trap_and_rewrite():
    text = render()
    for rule in load_rules():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{rule.id}` |"))
        for cell in (rule.example, rule.trap, rule.rewrite):
            assert cell.replace("|", "\\|") in row
