"""The capture grammar with time zones, the person's zone, "yesterday" just after
midnight, kind names and typos, and ``/ack!``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.capture.grammar import GrammarError, parse_line, parse_time
from tui.capture.kinds import KIND_TOKENS, closest_kind
from tui.capture.zones import ABBREVIATIONS, ZoneError, parse_zone, zone_label

NOW = datetime(2025, 11, 28, 16, 0, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")
ZONES = [
    ZoneInfo(name)
    for name in (
        "America/New_York",
        "Europe/Berlin",
        "Asia/Kolkata",
        "Pacific/Auckland",
        "America/Los_Angeles",
        "UTC",
        "Australia/Lord_Howe",
    )
]


@pytest.mark.parametrize(
    "line",
    [
        "11:10 EST db slow",
        "11:10 America/New_York db slow",
        "11:10 america/new_york db slow",
        "16:10Z db slow",
        "16:10 UTC db slow",
    ],
)
def test_a_zone_after_the_time_is_read_not_logged_as_text(line: str) -> None:
    capture = parse_line(line, NOW.replace(hour=17))
    assert capture.occurred_at == datetime(2025, 11, 28, 16, 10, tzinfo=UTC)
    assert capture.text == "db slow"


@pytest.mark.parametrize("abbreviation", sorted(ABBREVIATIONS))
def test_every_abbreviation_is_a_fixed_offset(abbreviation: str) -> None:
    capture = parse_line(f"2025-11-27 12:00 {abbreviation} x", NOW)
    expected = datetime(2025, 11, 27, 12, 0, tzinfo=UTC) - timedelta(hours=ABBREVIATIONS[abbreviation])
    assert capture.occurred_at == expected
    assert capture.text == "x"


def test_summer_and_winter_names_differ() -> None:
    assert parse_line("2025-07-01 12:00 EDT x", NOW).occurred_at == datetime(2025, 7, 1, 16, tzinfo=UTC)
    assert parse_line("2025-07-01 12:00 America/New_York x", NOW).occurred_at == datetime(2025, 7, 1, 16, tzinfo=UTC)
    assert parse_line("2025-01-01 12:00 America/New_York x", NOW).occurred_at == datetime(2025, 1, 1, 17, tzinfo=UTC)


def test_a_bare_time_is_in_the_persons_zone() -> None:
    capture = parse_line("11:00 paged dana", NOW, zone=NEW_YORK)
    assert capture.occurred_at == datetime(2025, 11, 28, 16, 0, tzinfo=UTC)
    assert capture.typed_time


def test_lowercase_abbreviations_stay_text() -> None:
    capture = parse_line("11:00 est. impact", NOW)
    assert capture.text == "est. impact"


@given(st.sampled_from(ZONES), st.integers(0, 86399), st.integers(0, 86399))
def test_a_clock_time_is_its_latest_past_moment(zone, now_seconds: int, typed_seconds: int) -> None:
    """In any zone, at any moment, HH:MM:SS is within the last 24 hours and reads back as that wall time."""
    now = datetime(2025, 11, 28, tzinfo=UTC) + timedelta(seconds=now_seconds)
    wall = (datetime(2025, 1, 1) + timedelta(seconds=typed_seconds)).time()
    value = parse_time(wall.strftime("%H:%M:%S"), now, zone=zone)
    assert now - timedelta(hours=25) < value <= now + timedelta(seconds=5)
    assert value.astimezone(zone).time() == wall


def test_bare_time_just_after_midnight_is_yesterday() -> None:
    now = datetime(2025, 11, 28, 0, 10, tzinfo=UTC)
    assert parse_line("23:55 cache flush", now).occurred_at == datetime(2025, 11, 27, 23, 55, tzinfo=UTC)


def test_a_zone_after_a_relative_time_is_text() -> None:
    assert parse_line("-5m EST is late", NOW).text == "EST is late"


@pytest.mark.parametrize(
    "name,expected",
    [("est", "EST"), ("Europe/Berlin", "Europe/Berlin"), ("utc", "UTC"), ("europe/berlin", "Europe/Berlin")],
)
def test_zone_settings_any_case(name: str, expected: str) -> None:
    assert zone_label(parse_zone(name)) == expected


def test_a_zone_setting_that_is_not_one_says_what_is_accepted() -> None:
    with pytest.raises(ZoneError, match="America/New_York"):
        parse_zone("Mars/Olympus")


@pytest.mark.parametrize(
    "typo,meant",
    [
        ("/decisoin", "/decision"),
        ("/mitgate", "/mitigate"),
        ("/resolv", "/resolve"),
        ("/escalaton", "/escalate"),
        ("/detcet", "/detect"),
        ("/commms", "/comms"),
    ],
)
def test_a_mistyped_kind_gets_the_closest_suggested(typo: str, meant: str) -> None:
    with pytest.raises(GrammarError, match=f"did you mean {meant}\\?"):
        parse_line(f"{typo} something", NOW)
    assert closest_kind(typo) == meant


def test_nothing_close_suggests_nothing() -> None:
    with pytest.raises(GrammarError) as refused:
        parse_line("/zzzzqqq x", NOW)
    assert "did you mean" not in str(refused.value) and "/decision" in str(refused.value)


@pytest.mark.parametrize(
    "name,kind",
    [
        ("/escalation", "escalation"),
        ("/detection", "detection"),
        ("/acknowledgement", "acknowledgement"),
        ("/communication", "communication"),
        ("/Mitigation", "mitigation"),
        ("/alert", "alert"),
    ],
)
def test_the_kind_names_the_timeline_shows_are_accepted(name: str, kind: str) -> None:
    assert parse_line(f"{name} x", NOW).kind == kind


def test_bang_after_a_milestone_kind_moves_it() -> None:
    capture = parse_line("/ack! dana has it now", NOW)
    assert (capture.kind, capture.move_milestone, capture.text) == ("acknowledgement", True, "dana has it now")
    assert not parse_line("/ack dana", NOW).move_milestone
    with pytest.raises(GrammarError, match="only a milestone"):
        parse_line("/decision! x", NOW)


def test_every_short_token_still_reads() -> None:
    for token, kind in KIND_TOKENS.items():
        assert parse_line(f"{token}", NOW).kind == kind
