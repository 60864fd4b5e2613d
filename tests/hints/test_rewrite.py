"""Exact rewrites (``replace`` in rules.yml) that the editor's ctrl+r applies:
only the matched words change, spacing and capitals stay right, and the
rewritten sentence no longer draws the hint."""

import pytest

from tui.hints import Linter, RuleDataError, load_rules
from tui.hints.model import parse_rules
from tui.hints.rewrite import plan

LINTER = Linter()


def rewrite(text: str, rule: str) -> tuple[str, str]:
    hint = next(h for h in LINTER.lint(text) if h.rule == rule)
    edit = plan(text, hint, LINTER.by_id[rule])
    return edit.kind, edit.apply(text)


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("The on-call could just restart the pod.", "just-simply", "The on-call could restart the pod."),
        ("We could simply roll back.", "just-simply", "We could roll back."),
        ("It was just a typo in the config.", "just-a-typo", "It was a typo in the config."),
        ("Obviously, the rate limiter was wrong.", "obviously", "The rate limiter was wrong."),
        ("- Obviously the deploy broke it.", "obviously", "- The deploy broke it."),
        ("Obviously BGP flapped.", "obviously", "BGP flapped."),
        ("The spike was obviously caused by the push.", "obviously", "The spike was caused by the push."),
        ("The spike was, obviously, caused by the push.", "obviously", "The spike was caused by the push."),
        ("It broke after the push, obviously.", "obviously", "It broke after the push."),
        ("The root cause was a missing unit.", "root-cause", "The trigger was a missing unit."),
        ("Root cause: the burst value.", "root-cause", "Trigger: the burst value."),
        ("The real cause was the certificate.", "single-cause", "The trigger was the certificate."),
        ("That was human error.", "human-error", "That was [action] because [condition]."),
        (
            "Engineers need to be more careful when deploying.",
            "be-more-careful",
            "Engineers need to have [a guardrail: a confirmation, check or automation] when deploying.",
        ),
    ],
)
def test_replacement_changes_only_the_matched_words(text, rule, expected):
    assert rewrite(text, rule)[1] == expected


def test_rule_without_replacement_inserts_its_template_after_the_sentence():
    text = "Dana deleted the volume. Then we restored it."
    kind, new = rewrite(text, "named-person-caused")
    assert kind == "template"
    assert new == (
        "Dana deleted the volume. [the change or tool] [did what], because "
        "[the condition that let it]. Then we restored it."
    )
    from tui.hints.rewrite import unfilled

    assert unfilled(new, LINTER.rules) == ["[the change or tool]", "[did what]", "[the condition that let it]"]


def test_adjective_obvious_has_no_exact_rewrite():
    assert rewrite("The cause was obvious to everyone.", "obviously")[0] == "template"


def test_every_rule_has_a_template_with_placeholders():
    from tui.hints.rewrite import PLACEHOLDER

    for rule in load_rules():
        assert PLACEHOLDER.search(rule.template), rule.id


@pytest.mark.parametrize("rule", [r for r in load_rules() if r.replace], ids=lambda r: r.id)
def test_replacement_clears_the_hint_on_the_example(rule):
    section = None if "prose" in rule.sections else "Action Items"
    hint = next(h for h in LINTER.lint(rule.example, section) if h.rule == rule.id)
    edit = plan(rule.example, hint, rule)
    assert edit.kind in ("replace", "remove")
    assert rule.id not in {h.rule for h in LINTER.lint(edit.apply(rule.example), section)}


def _rule(**extra):
    import yaml

    from tui.hints.model import RULES_PATH

    data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    base = next(r for r in data["rules"] if r["id"] == "root-cause")
    return {"lexicons": data["lexicons"], "rules": [{**base, **extra}]}


def test_bad_replacement_names_the_rule_and_field():
    with pytest.raises(RuleDataError, match=r"rule 'root-cause'.*'replace.0.match'.*regular"):
        parse_rules(_rule(replace=[{"match": "(open", "with": "x"}]))
    with pytest.raises(RuleDataError, match=r"rule 'root-cause'.*'replace.0.with'.*Field required"):
        parse_rules(_rule(replace=[{"match": "root cause"}]))
    with pytest.raises(RuleDataError, match=r"rule 'root-cause'.*group 2"):
        parse_rules(_rule(replace=[{"match": "(root) cause", "with": r"\2"}]))
