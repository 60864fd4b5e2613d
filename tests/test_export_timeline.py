"""The exported timeline is the postmortem's, not the database's: logged
events and the milestones that stand, no bookkeeping rows; all|key|pinned;
a Kind column. Supporting Data keeps plain lines; action items carry keys."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner

from store import InvalidInputError, Store
from store.export_timeline import timeline_markdown, timeline_rows
from store.postmortem_parts import link_markdown, parse_links
from tui.cli import main


def busy_incident(store: Store):
    """An incident whose milestones were moved and cleared (each change writes a status row)."""
    incident = store.create_incident("Queue backlog", severity="SEV3", declared_at=store.now() - timedelta(hours=1))
    start = incident.declared_at
    store.add_event(incident.id, "Backlog alert", kind="alert", occurred_at=start - timedelta(minutes=5), pinned=True)
    store.add_event(incident.id, "Scaled consumers", kind="mitigation", occurred_at=start + timedelta(minutes=20))
    store.update_incident(incident.id, mitigated_at=start + timedelta(minutes=25))  # moved by hand
    store.update_incident(incident.id, impact_started_at=start - timedelta(minutes=9))
    store.update_incident(incident.id, detected_at=start - timedelta(minutes=1))
    store.update_incident(incident.id, detected_at=None)  # entered then withdrawn
    store.set_severity(incident.id, "SEV2")
    store.add_event(incident.id, "Add a lag alert", kind="action")
    return store.get_incident(incident.id), store.list_events(incident.id, limit=100)


def test_all_drops_bookkeeping_and_shows_standing_milestones(store: Store) -> None:
    incident, events = busy_incident(store)
    assert any("Mitigated at:" in e.text for e in events) and any("Detected at:" in e.text for e in events)
    rows = timeline_rows(incident, events, "all")
    texts = [r.text for r in rows]
    assert not [t for t in texts if " at: " in t or t.startswith("Status: ")]
    assert "Severity: SEV3 → SEV2" in texts and texts[0] == "Impact started"
    assert [r.text for r in rows if r.kind == "mitigation"] == ["Scaled consumers", "Mitigated"]
    assert not [r for r in rows if r.kind == "detection"]  # withdrawn: nothing stands
    assert [r.at for r in rows] == sorted(r.at for r in rows)


def test_key_and_pinned_choices(store: Store) -> None:
    incident, events = busy_incident(store)
    key = [r.text for r in timeline_rows(incident, events, "key")]
    assert "Backlog alert" in key and "Add a lag alert" not in key and "Mitigated" in key
    assert any(t.startswith("Declared SEV3") for t in key)
    assert [r.text for r in timeline_rows(incident, events, "pinned")] == ["Backlog alert"]
    table = timeline_markdown(timeline_rows(incident, events, "pinned"), incident.started_at)
    assert table.splitlines()[0] == "| Time | Kind | Event |" and "| alert | ★ Backlog alert |" in table


def test_cli_timeline_choice_and_a_bad_one_is_one_sentence(store: Store) -> None:
    incident, _ = busy_incident(store)
    store.create_postmortem(incident.id)
    runner, db = CliRunner(), ["--db", str(store.path)]
    key = runner.invoke(main, [*db, "export", "postmortem", incident.key, "--timeline", "key"])
    assert key.exit_code == 0 and "Add a lag alert" not in key.output and "Backlog alert" in key.output
    bad = runner.invoke(main, [*db, "export", "incident", incident.key, "--timeline", "some"])
    assert bad.exit_code == 2 and bad.output.strip().count("\n") == 0
    assert "timeline 'some' is not a choice; use all, key or pinned." in bad.output


def test_supporting_data_keeps_plain_lines_and_urls() -> None:
    links = parse_links(
        "- Grafana: checkout dashboard, 14:00–16:00\n- https://x.example/d\n"
        "- [Chat](https://chat.example/p1)\n- Runbook https://wiki.example/r"
    )
    assert links == [
        ("Grafana: checkout dashboard, 14:00–16:00", ""),
        ("", "https://x.example/d"),
        ("Chat", "https://chat.example/p1"),
        ("Runbook", "https://wiki.example/r"),
    ]
    rendered = [link_markdown(*link) for link in links]
    assert rendered == [
        "- Grafana: checkout dashboard, 14:00–16:00",
        "- <https://x.example/d>",
        "- [Chat](https://chat.example/p1)",
        "- [Runbook](https://wiki.example/r)",
    ]
    assert "<Grafana" not in "\n".join(rendered)


def test_header_time_to_and_unknown(demo_store: Store) -> None:
    text = demo_store.export("postmortem", "PM-0013", "md")
    assert "- **Time to detect:** 5m\n- **Time to acknowledge:** 5m\n- **Time to mitigate:** 35m" in text
    incident = demo_store.create_incident("No milestones yet")
    demo_store.create_postmortem(incident.id)
    fresh = demo_store.export("postmortem", incident.key, "md")
    assert "- **Time to detect:** unknown (milestone not recorded)" in fresh
    assert "| — | No action items yet. | | | | | |" in fresh


def test_export_to_writes_whole_files_only(demo_store: Store, tmp_path) -> None:
    target = tmp_path / "pm.html"
    assert demo_store.export_to(target, "postmortem", "PM-0013") == target.resolve()
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob(".*partial"))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(InvalidInputError, match="Cannot write"):
        demo_store.export_to(blocker / "pm.md", "postmortem", "PM-0013")  # a file where a folder should be
    assert blocker.read_text() == "x"
