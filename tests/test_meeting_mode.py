"""Review-meeting mode for a room: large heading, double-spaced bold text,
hint marks in place with their explanation, the timeline can be hidden."""

from __future__ import annotations

from store import Store
from tests.conftest import SIZE, make_app
from tui.postmortem_meeting_view import big_heading, double_spaced, marked_text
from tui.postmortem_nav import open_postmortem
from tui.screens.meeting import MeetingScreen

BLAME = "The engineer should have tested the pool size [b]in staging[/b]."


def test_big_heading_is_taller_and_fits_or_gives_way() -> None:
    art = big_heading("Root Cause", 60)
    assert art is not None and len(art.splitlines()) >= 3 and max(len(line) for line in art.splitlines()) <= 60
    assert big_heading("Contributing Factors", 8) is None


def test_double_spacing_keeps_paragraphs_and_styles() -> None:
    from textual.content import Content

    text = Content.assemble(("one two three four five six", "bold"), "\n\nnext")
    lines = double_spaced(text, 10).plain.split("\n")
    assert lines[0] == "one two" and lines[1] == "" and lines[2].startswith("three")
    assert lines[-1] == "next"


async def test_meeting_marks_blameful_wording_for_the_room(demo_store: Store) -> None:
    pm = demo_store.get_postmortem("PM-0013")
    demo_store.save_section(pm.id, "root_cause", BLAME)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_postmortem(app, 13, "root_cause")
        await app.workers.wait_for_complete()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        meeting = app.screen
        assert isinstance(meeting, MeetingScreen)
        text = meeting.query_one("#meeting-text").render()
        plain = str(text)
        assert "should have tested ⚑1" in plain.replace("\n", " ").replace("  ", " ")
        assert "Wording to talk about (1)" in plain and "[b]in staging[/b]" in plain.replace("\n\n", " ")
        heading = str(meeting.query_one("#meeting-heading").render())
        assert len(heading.splitlines()) >= 3  # large letters, not one line of normal text
        width = meeting.query_one("#meeting-scroll").scrollable_content_region.width
        await pilot.press("t")
        await pilot.pause()
        assert not meeting.query_one("#meeting-side").display
        assert meeting.query_one("#meeting-scroll").scrollable_content_region.width > width


def test_marks_number_hints_in_order() -> None:
    from tui.hints import Linter

    text = "Bob should have checked. It was human error."
    hints = Linter().lint(text, "Root Cause", set())
    plain = marked_text(text, hints).plain
    assert plain.index("⚑1") < plain.index("⚑2")
