"""The generated rule data: compiled.json and lexicon.json are current, and
the running engine loads without YAML, pydantic or Textual."""

import subprocess
import sys

from tui.hints import build
from tui.hints.model import COMPILED_PATH, load_rules, source_digest


def test_generated_files_are_current():
    assert build.main(["--check"]) == 0, "run python -m tui.hints.build"


def test_compiled_digest_matches_the_sources():
    import json

    assert json.loads(COMPILED_PATH.read_text(encoding="utf-8"))["digest"] == source_digest()


def test_lexicon_references_are_expanded_to_every_inflection():
    rule = next(r for r in load_rules() if r.id == "named-person-caused")
    for form in ("wiped", "deleted", "took\\s+down", "brought\\s+down", "truncated"):
        assert form in rule.pattern
    assert "{{" not in rule.pattern


def test_engine_import_and_first_lint_are_light():
    code = (
        "import sys; from tui.hints import Linter; Linter().lint('Dana wiped the disk.');"
        "print(sorted(m for m in ('yaml', 'pydantic', 'textual') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_nothing_is_loaded_at_import_time():
    code = "import tui.hints, tui.hints.model as m; print(len(m._CACHE))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_factor_index_never_changes_what_is_found():
    import dataclasses

    from tui.hints import Linter

    from .devset import load_devset

    rules = load_rules()
    ungated = tuple(dataclasses.replace(rule, factors=None) for rule in rules)
    texts = [item["text"] for item in load_devset()] + [r.example for r in rules] + [r.trap for r in rules]
    fast, slow = Linter(rules=rules), Linter(rules=ungated)
    for text in texts:
        assert fast.lint(text) == slow.lint(text), text
    assert sum(1 for rule in rules if rule.factors) >= len(rules) - 2


def test_lint_command_module_is_import_light():
    """tui/cli/lint.py and what it imports pull in neither Textual, YAML nor
    pydantic (loaded on its own, apart from the tui.cli package)."""
    code = (
        "import importlib.util, sys; "
        "spec = importlib.util.spec_from_file_location('lint_cmd', 'tui/cli/lint.py'); "
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
        "print(sorted(m for m in ('textual', 'yaml', 'pydantic') if m in sys.modules))"
    )
    root = __import__("pathlib").Path(__file__).parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "[]"
