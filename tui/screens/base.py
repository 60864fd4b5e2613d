"""The base of every screen that shows data from the store."""

from __future__ import annotations

from textual.screen import Screen

from ..messages import DataChanged
from ..store_calls import StoreCalls


class DataScreen(StoreCalls, Screen):
    """A screen that reads the store: it calls it through :class:`~tui.store_calls.StoreCalls`
    and hears of every commit made elsewhere, whether or not it is on top.

    The app publishes ``data_changed_signal`` when ``PRAGMA data_version`` moves. A screen
    that can be seen (on top, or under modal dialogs only) gets a :class:`DataChanged`
    message at once; one hidden under another screen (or in another mode) is marked stale
    and gets it when it is resumed. Subclasses reload in an ``@on(DataChanged)`` handler.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: Something changed while this screen could not be seen.
        self.stale = False

    def on_mount(self) -> None:
        self.app.data_changed_signal.subscribe(self, self.data_changed)

    @property
    def on_view(self) -> bool:
        """True when the screen is drawn: the top of the stack, or only modals above it."""
        stack = self.app.screen_stack
        if self not in stack:
            return False
        return all(screen.is_modal for screen in stack[stack.index(self) + 1 :])

    def data_changed(self, version: int) -> None:
        """Another connection committed: reload now if seen, else when resumed."""
        if self.on_view:
            self.post_message(DataChanged())
        else:
            self.stale = True

    def on_screen_resume(self) -> None:
        if self.stale:
            self.stale = False
            self.post_message(DataChanged())
