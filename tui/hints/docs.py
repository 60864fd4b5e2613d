"""Generate ``RULES.md`` from ``rules.yml`` so the docs cannot drift.

``python -m tui.hints.docs`` rewrites the file; ``--check`` exits 1 when it
is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .engine import lint
from .model import CATEGORIES, Rule, load_rules
from .rewrite import plan

RULES_MD = Path(__file__).with_name("RULES.md")

HEADER = """# Blameless hint rules

Generated from `rules.yml` by `python -m tui.hints.docs`; do not edit by hand.
Each rule fires on its example and stays quiet on its trap (a test checks
both). Levels: `warning` counts toward `debrief lint`'s exit code 1,
`suggestion` and `info` do not. Turn rules or whole categories off, or change
their level, in `.blameless.yml`; silence one block with
`<!-- blameless ignore RULE -->` or a range with
`<!-- blameless disable RULE -->` … `<!-- blameless enable RULE -->`.

The ctrl+r column is what the postmortem editor's rewrite key does to the
example: a rule with a `replace` entry rewrites exactly the matched words
(removing a minimiser, or putting a `[placeholder]` for the writer to fill);
a rule without one inserts its template, a sentence with `[placeholders]` to
fill in, after the writer's sentence (the publish check lists placeholders
left unfilled).
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _level(rule: Rule) -> str:
    extra = ", ".join(f"{level} in {section}" for section, level in rule.section_levels.items())
    limited = "" if len(rule.sections) == 2 else f" ({', '.join(rule.sections)} only)"
    return f"{rule.level}{f' ({extra})' if extra else ''}{limited}"


def _ctrl_r(rule: Rule) -> str:
    """What the editor's ctrl+r does to the rule's example."""
    section = "Action Items" if "prose" not in rule.sections else None
    hint = next(h for h in lint(rule.example, section) if h.rule == rule.id)
    edit = plan(rule.example, hint, rule)
    if edit.kind == "replace":
        return f"`{hint.text}` → `{edit.new}`"
    return f"`{hint.text}` → removed" if edit.kind == "remove" else f"inserts `{rule.template}`"


def _row(rule: Rule) -> str:
    cells = (f"`{rule.id}`", _level(rule), rule.example, rule.trap, rule.rewrite, _ctrl_r(rule))
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _category(name: str, rules: list[Rule]) -> list[str]:
    lines = [
        f"## {name}",
        "",
        f"{rules[0].why}",
        "",
        "| rule | level | fires on | does not fire on | rewrite | ctrl+r |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines.extend(_row(rule) for rule in rules)
    lines.append("")
    lines.extend(f"- `{rule.id}`: {rule.message} ([source]({rule.source}))" for rule in rules)
    return lines + [""]


def render(rules: tuple[Rule, ...] | None = None) -> str:
    """The Markdown table of every rule, grouped by category."""
    rules = rules or load_rules()
    lines = [HEADER]
    for name in CATEGORIES:
        members = [rule for rule in rules if rule.category == name]
        if members:
            lines.extend(_category(name, members))
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    """Write RULES.md, or with ``--check`` report whether it is current."""
    text = render()
    if "--check" in argv:
        current = RULES_MD.read_text(encoding="utf-8") if RULES_MD.exists() else ""
        if current != text:
            print(f"{RULES_MD} is out of date: run python -m tui.hints.docs", file=sys.stderr)
            return 1
        return 0
    RULES_MD.write_text(text, encoding="utf-8")
    print(f"wrote {RULES_MD}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
