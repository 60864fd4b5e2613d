"""Export of the demo postmortem: Markdown against the golden file (the seed
template's order and headings), JSON with every field, and the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from store import Store
from store.export_postmortem import postmortem_json, postmortem_markdown
from tui.cli import main

GOLDEN = Path(__file__).parent / "golden" / "postmortem_demo.md"
TEMPLATE_HEADINGS = [
    "# Postmortem:",
    "## Summary",
    "## Timeline (UTC)",
    "## Root Cause",
    "## Contributing Factors",
    "## Impact",
    "## What Went Well",
    "## What Went Wrong",
    "## Action Items",
    "## Lessons Learned",
    "## Supporting Data",
]


def test_markdown_matches_golden(demo_store: Store) -> None:
    assert postmortem_markdown(demo_store, "PM-0013") == GOLDEN.read_text(encoding="utf-8")


def test_markdown_follows_template_order(demo_store: Store) -> None:
    text = postmortem_markdown(demo_store, "PM-0013")
    headings = [line for line in text.splitlines() if re.match(r"^#{1,2} ", line)]
    assert [next(t for t in TEMPLATE_HEADINGS if h.startswith(t)) for h in headings] == TEMPLATE_HEADINGS
    for label in ("Date", "Duration", "Impact", "Severity", "Author", "Reviewers"):
        assert f"- **{label}:**" in text
    assert "| Time | Kind | Event |" in text
    assert "| Key | Action | Owner | Due Date | Priority | Status | Type |" in text
    assert "- [x] " in text and "- [ ] " in text


def test_timeline_and_duration_follow_the_incident(demo_store: Store) -> None:
    pm = demo_store.get_postmortem("PM-0013")
    demo_store.add_event(pm.incident_id, "Late note | with pipe", occurred_at=demo_store.now(), pinned=True)
    demo_store.update_incident(pm.incident_id, resolved_at=demo_store.get_incident(13).mitigated_at)
    text = postmortem_markdown(demo_store, "PM-0013")
    assert "| 2025-11-28 09:00 | note | ★ Late note \\| with pipe |" in text
    assert "- **Duration:** 35m (14:00–14:35 UTC)" in text


def test_json_carries_every_field(demo_store: Store) -> None:
    data = postmortem_json(demo_store, "PM-0013")
    assert data["key"] == "PM-0013" and data["status"] == "in_review"
    assert data["incident"]["users_affected"] == 500 and data["incident"]["duration_seconds"] == 8100
    assert len(data["action_items"]) == 4 and data["action_items"][0]["type"] == "detect"
    assert data["contributing_factors"][3] == {"text": "Deploy happened during peak traffic", "checked": False}
    assert [r["name"] for r in data["reviewers"]] == ["marcus", "priya"]
    assert data["reviewers"][0]["signed_off_at"] and data["reviewers"][1]["signed_off_at"] is None
    assert data["sections"]["lucky"].startswith("The deploy started")
    assert len(data["supporting_data"]) == 3 and len(data["events"]) == 8
    assert [row["text"] for row in data["timeline"] if row["milestone"] and row["kind"] == "detection"] == ["Detected"]
    json.dumps(data)


def test_cli_export_and_errors(demo_store: Store) -> None:
    runner = CliRunner()
    db = ["--db", str(demo_store.path)]
    result = runner.invoke(main, [*db, "export", "postmortem", "PM-0013", "--format", "md"])
    assert result.exit_code == 0 and result.output == GOLDEN.read_text(encoding="utf-8")
    result = runner.invoke(main, [*db, "export", "postmortem", "INC-0013", "--format", "json"])
    assert json.loads(result.output)["key"] == "PM-0013"
    result = runner.invoke(main, [*db, "export", "postmortem", "PM-0099"])
    assert result.exit_code == 2 and "There is no postmortem PM-0099." in result.output


def test_cli_new_review_signoff_publish(demo_store: Store) -> None:
    runner = CliRunner()
    db = ["--db", str(demo_store.path)]
    assert runner.invoke(main, [*db, "postmortem", "new", "INC-0012"]).output.strip() == "PM-0012"
    again = runner.invoke(main, [*db, "postmortem", "new", "INC-0012"])
    assert again.exit_code == 2 and "already has a postmortem" in again.output
    assert runner.invoke(main, [*db, "postmortem", "review", "PM-0012", "--reviewer", "sam"]).exit_code == 0
    assert runner.invoke(main, [*db, "postmortem", "signoff", "PM-0012", "--as", "sam"]).exit_code == 0
    refused = runner.invoke(main, [*db, "postmortem", "publish", "PM-0012"])
    assert refused.exit_code == 2 and "empty required section: Root Cause" in refused.output
    assert (
        json.loads(runner.invoke(main, [*db, "postmortem", "status", "PM-0012", "--json"]).output)["status"]
        == "in_review"
    )
    forced = runner.invoke(main, [*db, "postmortem", "publish", "PM-0012", "--force"])
    assert forced.output.strip() == "PM-0012 published."
    status = json.loads(runner.invoke(main, [*db, "postmortem", "status", "PM-0012", "--json"]).output)
    assert status["status"] == "published" and status["reviewers"][0]["signed_off_at"]
