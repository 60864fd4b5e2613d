"""The capture-line grammar: time tokens, pin, kinds, text; refusals with a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.capture.grammar import KIND_TOKENS, GrammarError, format_relative, parse_line, parse_time, relative

NOW = datetime(2025, 11, 28, 9, 0, 0, tzinfo=UTC)
MIDNIGHT = NOW.replace(hour=0, minute=0, second=0)


@given(st.integers(0, 9 * 3600))
def test_clock_token_round_trips(seconds: int) -> None:
    """Any HH:MM:SS up to now reads back as that time today (UTC)."""
    when = MIDNIGHT + timedelta(seconds=seconds)
    assert parse_time(when.strftime("%H:%M:%S"), NOW) == when
    assert parse_time(when.strftime("%H:%M"), NOW) == when.replace(second=0)


@given(st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=400)))
def test_relative_token_round_trips(delta: timedelta) -> None:
    """Any -XdYhZmWs token reads back as that long before now."""
    delta = timedelta(seconds=int(delta.total_seconds()))
    token = format_relative(delta)
    assert relative(token) == delta
    assert parse_time(token, NOW) == NOW - delta


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2025, 11, 28, 8, 59)))
def test_full_date_time_round_trips(when: datetime) -> None:
    """ISO date-times (with a Z or naive) read back as the same UTC time."""
    when = when.replace(microsecond=0, tzinfo=UTC)
    assert parse_time(when.strftime("%Y-%m-%d %H:%M:%S"), NOW) == when
    assert parse_time(when.strftime("%Y-%m-%dT%H:%M:%SZ"), NOW) == when


@given(st.integers(24, 99), st.integers(0, 99))
def test_impossible_clock_is_refused(hours: int, minutes: int) -> None:
    with pytest.raises(GrammarError, match="not a time of day"):
        parse_time(f"{hours}:{minutes:02d}", NOW)


@given(st.integers(0, 23), st.integers(60, 99))
def test_impossible_minutes_are_refused(hours: int, minutes: int) -> None:
    with pytest.raises(GrammarError, match="not a time of day"):
        parse_time(f"{hours:02d}:{minutes}", NOW)


@given(st.integers(9 * 3600 + 60, 86399))
def test_a_clock_time_later_than_now_is_yesterday(seconds: int) -> None:
    """A bare time of day means its latest past moment, never "future, refused"."""
    when = MIDNIGHT + timedelta(seconds=seconds)
    assert parse_time(when.strftime("%H:%M:%S"), NOW) == when - timedelta(days=1)


@given(st.integers(1, 999), st.sampled_from("xyqwM"))
def test_unknown_relative_unit_is_refused(amount: int, unit: str) -> None:
    with pytest.raises(GrammarError, match="not a relative time"):
        parse_line(f"-{amount}{unit} text", NOW)


@pytest.mark.parametrize("token", ["2025-13-45", "2025-02-30", "2025-11-99T10:00"])
def test_unreadable_date_is_refused(token: str) -> None:
    with pytest.raises(GrammarError, match="not a date and time"):
        parse_line(f"{token} text", NOW)


def test_future_date_is_refused() -> None:
    with pytest.raises(GrammarError, match="in the future"):
        parse_line("2025-11-29 10:00 later", NOW)


def test_plain_text_is_a_note_now() -> None:
    assert parse_line("checking the dashboards", NOW).kind == "note"
    assert parse_line("checking the dashboards", NOW).occurred_at is None


@pytest.mark.parametrize(
    "line", ["-5m ! /mitigate rolled back", "! /mitigate -5m rolled back", "/mitigate -5m ! rolled back"]
)
def test_tokens_in_any_order(line: str) -> None:
    capture = parse_line(line, NOW)
    assert (capture.text, capture.kind, capture.pinned) == ("rolled back", "mitigation", True)
    assert capture.occurred_at == NOW - timedelta(minutes=5)


def test_date_and_time_as_two_tokens() -> None:
    capture = parse_line("2025-11-27 14:05 /deploy v2.3.1 out", NOW)
    assert capture.occurred_at == datetime(2025, 11, 27, 14, 5, tzinfo=UTC)
    assert (capture.kind, capture.text) == ("deploy", "v2.3.1 out")


@pytest.mark.parametrize("token,kind", list(KIND_TOKENS.items()))
def test_every_kind_token(token: str, kind: str) -> None:
    assert parse_line(f"{token} something", NOW).kind == kind


def test_kind_alone_gets_default_text() -> None:
    assert parse_line("/resolve", NOW).text == "Resolved"


def test_unknown_kind_is_refused_with_the_choices() -> None:
    with pytest.raises(GrammarError, match="/resolve"):
        parse_line("/resolv done", NOW)


def test_double_dash_keeps_the_rest_as_text() -> None:
    capture = parse_line("! -- /var/log is full", NOW)
    assert (capture.text, capture.pinned, capture.kind) == ("/var/log is full", True, "note")


def test_tokens_after_the_text_are_text() -> None:
    assert parse_line("restarted at 14:05 /resolve", NOW).text == "restarted at 14:05 /resolve"


def test_empty_line_is_refused() -> None:
    with pytest.raises(GrammarError, match="nothing to log"):
        parse_line("-5m !", NOW)


def test_two_times_are_refused() -> None:
    with pytest.raises(GrammarError, match="Two times"):
        parse_line("-5m 08:00 text", NOW)


def test_markup_text_is_kept_verbatim() -> None:
    assert parse_line("[@click=app.quit]x [/]", NOW).text == "[@click=app.quit]x [/]"


def test_clock_time_on_a_given_day() -> None:
    from datetime import date

    from tui.capture.grammar import parse_time

    assert parse_time("14:05", NOW, date(2025, 11, 27)) == NOW.replace(day=27, hour=14, minute=5)
    assert parse_time("-5m", NOW, date(2025, 11, 27)) == NOW - timedelta(minutes=5)
    with pytest.raises(GrammarError, match="in the future"):
        parse_time("09:30", NOW, date(2025, 11, 28))


@pytest.mark.parametrize("line", ["14:05: alert fired", "14:05, alert fired", "14:05:00: alert fired"])
def test_clock_with_trailing_punctuation_is_the_time(line: str) -> None:
    """'14:05: alert fired' is how people write it: backdated, not logged now with '14:05:' in the text."""
    capture = parse_line(line, NOW.replace(hour=15))
    assert (capture.occurred_at, capture.text) == (NOW.replace(hour=14, minute=5), "alert fired")


@pytest.mark.parametrize("token", ["10:30am", "2:15pm", "14:05ish"])
def test_clock_like_tokens_are_refused_not_logged_as_text(token: str) -> None:
    with pytest.raises(GrammarError, match="24-hour"):
        parse_line(f"{token} paged dana", NOW)
