"""The due-date parser: ISO dates, weekdays, relative offsets, clear errors."""

from datetime import date

import pytest

from tui.dates import DateInputError, parse_due_date

FRIDAY = date(2025, 11, 28)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-12-01", date(2025, 12, 1)),
        (" 2025-12-1 ", date(2025, 12, 1)),
        ("+7d", date(2025, 12, 5)),
        ("+2w", date(2025, 12, 12)),
        ("7d", date(2025, 12, 5)),
        ("+0d", FRIDAY),
        ("mon", date(2025, 12, 1)),
        ("Monday", date(2025, 12, 1)),
        ("fri", date(2025, 12, 5)),
        ("sat", date(2025, 11, 29)),
        ("today", FRIDAY),
        ("tomorrow", date(2025, 11, 29)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_due_date(text, FRIDAY) == expected


def test_empty_means_no_date() -> None:
    assert parse_due_date("   ", FRIDAY) is None


@pytest.mark.parametrize("text", ["next week", "2025-13-01", "2025-02-30", "fr", "+7x", "7", "[b]x"])
def test_rejected_with_one_sentence(text: str) -> None:
    with pytest.raises(DateInputError) as caught:
        parse_due_date(text, FRIDAY)
    message = str(caught.value)
    assert "2025-12-01" in message and "+7d" in message
    assert message.count(".") >= 1 and "\n" not in message


def test_field_named_in_error() -> None:
    with pytest.raises(DateInputError, match="^due date 'soon'"):
        parse_due_date("soon", FRIDAY)


def test_impossible_date_names_the_field() -> None:
    with pytest.raises(DateInputError, match=r"^due date 2025-02-30 is not a real calendar date"):
        parse_due_date("2025-02-30", FRIDAY)
