"""The postmortem's section list: each section marked filled (●) or empty (○),
with its hint count."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.postmortem_parts import SECTIONS


def section_label(title: str, filled: bool, hints: int, warnings: int) -> Content:
    """``● Root Cause  2`` with the count styled by its worst level."""
    mark = ("● ", "$success") if filled else ("○ ", "$foreground-muted")
    count = (f" {hints}", "bold $warning" if warnings else "$foreground-muted") if hints else ""
    return Content.assemble(mark, title, count)


class SectionList(OptionList):
    """Lists the template sections; the parent updates marks and counts."""

    def on_mount(self) -> None:
        self.add_options([Option(section_label(s.title, False, 0, 0), id=s.name) for s in SECTIONS])
        self.highlighted = 0

    def show_state(self, filled: dict[str, bool], hints: dict[str, tuple[int, int]]) -> None:
        """Refresh the sections whose mark or hint count changed (called on every keystroke)."""
        shown = getattr(self, "_shown", {})
        for s in SECTIONS:
            state = (filled.get(s.name, False), *hints.get(s.name, (0, 0)))
            if shown.get(s.name) != state:
                self.replace_option_prompt(s.name, section_label(s.title, *state))
                shown[s.name] = state
        self._shown = shown

    def select_section(self, name: str) -> None:
        """Move the highlight to ``name``."""
        self.highlighted = self.get_option_index(name)
