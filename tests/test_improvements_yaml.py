"""The seed's improvement-tracker.yaml: import, export, round trip, refusal of bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from store import Store
from store.improvement_yaml import TrackerFileError, export_yaml, import_yaml
from tui.cli import main

SEED = """\
improvements:
  - id: IMP-001
    title: "Automate database backup verification"
    source: "PM-042"
    status: completed
    before:
      metric: "manual checks per week"
      value: 7
    after:
      metric: "manual checks per week"
      value: 0
    impact: "saved 2 hours a week"
  - id: IMP-002
    title: "Circuit breaker for payment service"
    source: "Quarterly review"
    status: in_progress
    expected_impact: "reduce cascading failures by 80%"
"""


def count(store: Store) -> int:
    return store.db.one("SELECT count(*) FROM improvement")[0]


def test_seed_file_imports_with_its_keys_stages_and_values(store: Store) -> None:
    result = import_yaml(store, SEED)
    assert result.created == ["IMP-001", "IMP-002"] and not result.warnings
    first = store.get_improvement("IMP-001")
    assert (first.stage, first.status, first.decision) == ("act", "completed", "standardize")
    assert (first.before_value, first.after_value, first.measured_impact) == (7, 0, "saved 2 hours a week")
    assert first.source_text == "PM-042"
    second = store.get_improvement("IMP-002")
    assert (second.stage, second.expected_impact) == ("do", "reduce cascading failures by 80%")
    assert store.create_improvement("New").key == "IMP-003"


def test_export_then_import_loses_nothing(demo_store: Store, tmp_path: Path) -> None:
    card = demo_store.get_improvement("IMP-006")
    demo_store.decide_improvement(card.id, "iterate")
    demo_store.update_improvement(card.id, title="[b]bold [/] title", owner="[@click=app.quit]x")
    text = export_yaml(demo_store)
    other = Store(tmp_path / "other.db", clock=demo_store.clock)
    import_yaml(other, text)
    assert export_yaml(other) == text
    before = {
        c.key: c.model_dump(
            exclude={
                "id",
                "created_at",
                "updated_at",
                "sources",
                "source_text",
                "actions_done",
                "actions_total",
                "recurred",
                "recurrences",
            }
        )
        for c in demo_store.list_improvements()
    }
    after = {
        c.key: c.model_dump(
            exclude={
                "id",
                "created_at",
                "updated_at",
                "sources",
                "source_text",
                "actions_done",
                "actions_total",
                "recurred",
                "recurrences",
            }
        )
        for c in other.list_improvements()
    }
    assert after == before
    assert {c.key: c.source_label for c in other.list_improvements()} == {
        c.key: c.source_label for c in demo_store.list_improvements()
    }
    assert other.get_improvement(card.key).history[0].decision == "iterate"


def test_import_into_the_same_database_updates_in_place(demo_store: Store) -> None:
    text = export_yaml(demo_store)
    total = count(demo_store)
    result = import_yaml(demo_store, text)
    assert not result.created and len(result.updated) == total
    assert export_yaml(demo_store) == text


def test_importing_the_seed_over_the_demo_keeps_fields_the_file_leaves_out(demo_store: Store) -> None:
    result = import_yaml(demo_store, SEED)
    assert result.updated == ["IMP-001", "IMP-002"]
    second = demo_store.get_improvement("IMP-002")
    assert second.title == "Circuit breaker for payment service"
    assert (second.owner, second.before_value, second.actions_total) == ("marcus", 5, 1)


BAD = """\
improvements:
  - title: "No id here"
    status: completed
  - id: IMP-010
    title: "Unknown status"
    status: finished
  - id: IMP-011
    title: 42
    status: proposed
    before:
      metric: "pages"
      value: "seven"
    after: "zero"
"""


def test_invalid_file_is_refused_whole_with_every_problem_listed(store: Store) -> None:
    with pytest.raises(TrackerFileError) as caught:
        import_yaml(store, SEED + BAD.removeprefix("improvements:\n"))
    problems = caught.value.problems
    assert problems == [
        "Item 3: id is missing.",
        "Item 4 (IMP-010): status is 'finished'; use proposed, in_progress, completed or abandoned.",
        "Item 5 (IMP-011): title is 42; it must be text.",
        "Item 5 (IMP-011): before.value is 'seven'; it must be a number such as 7 or 2.5.",
        "Item 5 (IMP-011): after is 'zero'; it must be a mapping with metric and value.",
    ]
    assert count(store) == 0


@pytest.mark.parametrize(
    "text, problem",
    [
        ("improvements: [", "not valid YAML at line"),
        (
            'improvements:\n  - id: IMP-001\n    title: "Automate\n    status: completed\n',
            "found unexpected end of stream (in the quoted text that starts at line 3, column 12)",
        ),
        ("improvements:\n  id: IMP-001\n", "Improvements is a mapping; it must be a list of items"),
        ("improvements:\n", "Improvements is empty; it must be a list of items"),
        ("improvements:\n  - just a string\n", "Item 1 is 'just a string'; each item must be a mapping with id"),
        (
            "improvements:\n  - {id: 2, title: a, status: proposed, expected_impact: {pct: 80}}\n",
            "Item 1: id is 2; use a key like IMP-001.\n  - Item 1: expected_impact is a mapping; it must be text.",
        ),
        ("- id: IMP-001", "no top-level 'improvements:' list"),
        (
            "improvements:\n  - {id: IMP-1, title: a, status: proposed}\n  - {id: imp-1, title: b, status: proposed}\n",
            "id imp-1 is already used by item 1",
        ),
        (
            "improvements:\n  - {id: IMP-1, title: a, status: proposed, history: [{cycle: 1, decision: maybe, "
            "ended_at: '2025-01-01T00:00:00Z'}]}\n",
            "history[1].decision is 'maybe'",
        ),
    ],
)
def test_other_bad_files_are_refused_with_a_reason(store: Store, text: str, problem: str) -> None:
    with pytest.raises(TrackerFileError, match=re.escape(problem)):
        import_yaml(store, text)
    assert count(store) == 0


def test_a_database_failure_midway_leaves_nothing(store: Store, monkeypatch) -> None:
    real = store.create_improvement
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "create_improvement", flaky)
    with pytest.raises(RuntimeError):
        import_yaml(store, SEED)
    assert count(store) == 0


def test_unknown_fields_are_reported_not_silently_dropped(store: Store) -> None:
    result = import_yaml(store, SEED.replace("    impact:", "    reviewed_by: sam\n    impact:"))
    assert result.warnings == ["Item 1 (IMP-001): field 'reviewed_by' is not known to debrief and was not imported."]


def test_cli_import_export_and_refusal(tmp_path: Path) -> None:
    db, runner = str(tmp_path / "cli.db"), CliRunner()
    seed = tmp_path / "improvement-tracker.yaml"
    seed.write_text(SEED)
    result = runner.invoke(main, ["--db", db, "improvements", "import", str(seed)])
    assert result.exit_code == 0 and "Imported 2 new" in result.output
    out = tmp_path / "out.yaml"
    assert runner.invoke(main, ["--db", db, "improvements", "export", str(out)]).exit_code == 0
    assert [i["id"] for i in yaml.safe_load(out.read_text())["improvements"]] == ["IMP-001", "IMP-002"]
    assert out.read_text().startswith("improvements:\n  - id: IMP-001\n    title: ")
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD)
    result = runner.invoke(main, ["--db", db, "improvements", "import", str(bad)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Item 1: id is missing." in result.stderr and "nothing was changed" in result.stderr
    listed = runner.invoke(main, ["--db", db, "improvements", "list"])
    assert listed.output.count("IMP-") == 2
    lines = listed.output.splitlines()
    assert lines[0].endswith("Circuit breaker for payment service"), "no empty [] without a metric"
    assert lines[1].endswith("[manual checks per week: 7 → 0; measured -7 (-100%)]")
