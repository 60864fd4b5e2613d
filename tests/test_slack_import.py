"""Chat to timeline: a Slack export's channel becomes an incident's events, once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from store import InvalidInputError, Store, StoreError
from store.slack_export import ChatOptions

from .conftest import MARKUP_TRAPS
from .slack_export_fixture import DAY1, T0, ts, write_export, zip_export


@pytest.fixture
def incident(store: Store):
    return store.create_incident("Checkout errors", "SEV2")


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_export(tmp_path / "export")


def imported(store: Store, incident) -> list[tuple[str, str, str, bool]]:
    return [
        (f"{e.occurred_at:%d %H:%M:%S}", e.author, e.text, e.pinned)
        for e in store.list_events(incident.id)
        if e.source == "import"
    ]


def test_messages_and_replies_become_events_with_real_names_times_and_pins(store, incident, export):
    done = store.import_slack(export, "#inc-checkout", incident.key)
    assert imported(store, incident) == [
        ("27 14:01:00", "Dana Whitfield", "Checkout 5xx above 5% @here cc @Priya Natarajan", True),
        (
            "27 14:02:00",
            "Priya Natarajan",
            "Looking at the dashboard (https://grafana.example.com/d/abc?x=1&y=2), see #general",
            True,
        ),
        ("27 14:03:00", "marcus", "↳ [b]rolled back[/b] <script>alert(1)</script> [@click=app.quit]x", False),
        ("27 14:04:00", "Dana Whitfield", "(file: errors.png)", False),
        ("28 08:00:00", "Dana Whitfield", "Resolved, status page: https://status.example.com", False),
    ]
    assert (done.channel, done.incident_key, done.added, done.pinned, done.already) == (
        "inc-checkout",
        incident.key,
        5,
        2,
        0,
    )
    assert done.skipped == {"join": 2, "topic": 1, "bot": 1}
    event = [e for e in store.list_events(incident.id) if e.source == "import"][-1]
    assert event.kind == "note" and event.entered_at == store.now()


def test_importing_the_same_export_twice_adds_nothing(store, incident, export, tmp_path):
    store.import_slack(export, "inc-checkout", incident.key)
    again = store.import_slack(export, "inc-checkout", incident.key)
    as_zip = store.import_slack(zip_export(export, tmp_path / "export.zip"), "C01INC", incident.key)
    assert (again.added, again.already, as_zip.added, as_zip.already) == (0, 5, 0, 5)
    assert len(imported(store, incident)) == 5


def test_a_deleted_imported_event_is_not_brought_back(store, incident, export):
    store.import_slack(export, "inc-checkout", incident.key)
    noise = [e for e in store.list_events(incident.id) if e.source == "import"][3]
    store.delete_event(noise.id)
    assert store.import_slack(export, "inc-checkout", incident.key).added == 0
    assert len(imported(store, incident)) == 4


def test_a_new_day_in_a_later_export_adds_only_that_day(store, incident, tmp_path):
    first = write_export(tmp_path / "a", **{"inc-checkout/2025-11-28.json": []})
    assert store.import_slack(first, "inc-checkout", incident.key).added == 4
    later = write_export(tmp_path / "b")
    done = store.import_slack(later, "inc-checkout", incident.key)
    assert (done.added, done.already) == (1, 4)


def test_another_incident_gets_its_own_copy(store, incident, export):
    other = store.create_incident("Retro copy", "SEV3")
    store.import_slack(export, "inc-checkout", incident.key)
    assert store.import_slack(export, "inc-checkout", other.key).added == 5


def test_a_zip_of_the_export_folder_reads_the_same(store, incident, export, tmp_path):
    archive = zip_export(export, tmp_path / "slack.zip", inside="Acme Slack export Nov 27 2025/")
    assert store.import_slack(archive, "inc-checkout", incident.key).added == 5
    assert imported(store, incident)[0][1] == "Dana Whitfield"


def test_time_window_bots_and_pin_reaction(store, incident, export):
    options = ChatOptions(
        since=datetime(2025, 11, 27, 14, 1, 30, tzinfo=UTC),
        until=datetime(2025, 11, 28, tzinfo=UTC),
        pin_reaction="eyes",
        include_bots=True,
    )
    done = store.import_slack(export, "inc-checkout", incident.key, options)
    rows = imported(store, incident)
    assert [r[1] for r in rows] == ["alertbot", "Priya Natarajan", "marcus", "Dana Whitfield"]
    assert [r[3] for r in rows] == [False, False, False, True]
    assert done.skipped["window"] == 2


def test_markup_traps_in_text_stay_literal(store, incident, tmp_path):
    day = [
        {"type": "message", "ts": ts(60 + i), "user": "U01DANA", "text": trap} for i, trap in enumerate(MARKUP_TRAPS)
    ]
    export = write_export(tmp_path / "traps", day1=day)
    store.import_slack(export, "inc-checkout", incident.key)
    assert [r[2] for r in imported(store, incident)][:4] == list(MARKUP_TRAPS)


def test_unknown_channel_names_the_channels_there_are(store, incident, export):
    with pytest.raises(
        InvalidInputError, match=r"--channel: .* has no channel 'incident'; it has general, inc-checkout"
    ):
        store.import_slack(export, "incident", incident.key)


BAD_DAY = [dict(DAY1[2])]


@pytest.mark.parametrize(
    "files, message",
    [
        (
            {"inc-checkout/2025-11-28.json": [{"ts": T0 + 5, "user": "U01DANA", "text": "x"}]},
            r"^inc-checkout/2025-11-28\.json: message 1, field ts is 1764252005 \(a number\), not epoch seconds as text",
        ),
        (
            {"inc-checkout/2025-11-28.json": [{"user": "U01DANA", "text": "x"}]},
            r"^inc-checkout/2025-11-28\.json: message 1, field ts is missing",
        ),
        (
            {"inc-checkout/2025-11-28.json": [{"ts": ts(9), "text": {"rich": 1}}]},
            r"^inc-checkout/2025-11-28\.json: message 1, field text is an object, not text",
        ),
        (
            {"inc-checkout/2025-11-28.json": [{"ts": ts(9), "text": "x", "reactions": "pushpin"}]},
            r"field reactions is text, not a list",
        ),
        (
            {"inc-checkout/2025-11-28.json": '[{"ts": "1764252009.1", '},
            r"^inc-checkout/2025-11-28\.json is not valid JSON \(line 1",
        ),
        ({"inc-checkout/2025-11-28.json": {"messages": []}}, r"holds an object, not a list of messages"),
        (
            {"inc-checkout/2025-11-28.json": [{"ts": "99999999999.0", "text": "x"}]},
            r"field ts 99999999999.0 is in the future",
        ),
        ({"users.json": [{"name": "nobody"}]}, r"^users\.json: user 1, field id is missing"),
        ({"channels.json": [{"id": "C01INC", "name": ""}]}, r"^channels\.json: channel 1, field name is empty"),
    ],
)
def test_a_malformed_export_is_refused_whole_naming_file_and_field(store, incident, tmp_path, files, message):
    export = write_export(tmp_path / "bad", **files)
    with pytest.raises(InvalidInputError, match=message) as refused:
        store.import_slack(export, "inc-checkout", incident.key)
    assert str(refused.value).endswith("; nothing was imported.")
    assert len(imported(store, incident)) == 0


def test_an_export_without_users_json_is_refused(store, incident, export):
    (export / "users.json").unlink()
    with pytest.raises(InvalidInputError, match=r"^users\.json is missing from .*; nothing was imported\.$"):
        store.import_slack(export, "inc-checkout", incident.key)


def test_not_an_export(store, incident, tmp_path):
    text = tmp_path / "notes.zip"
    text.write_text("hello")
    with pytest.raises(InvalidInputError, match="is neither a folder nor a readable zip file"):
        store.import_slack(text, "inc-checkout", incident.key)
    with pytest.raises(InvalidInputError, match="does not exist"):
        store.import_slack(tmp_path / "missing", "inc-checkout", incident.key)


def test_a_full_disk_writes_nothing_and_the_next_import_lands(store, incident, tmp_path):
    day = [{"type": "message", "ts": ts(60 + i), "user": "U01DANA", "text": f"{i} " + "x" * 3000} for i in range(20)]
    export = write_export(tmp_path / "big", day1=day)
    conn = store.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="is full, so nothing was saved"):
        store.import_slack(export, "inc-checkout", incident.key)
    assert len(imported(store, incident)) == 0
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.import_slack(export, "inc-checkout", incident.key).added == 21
