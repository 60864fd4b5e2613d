"""The base of every dialog: it calls the store through one helper, and a dialog
that saves closes only once its change is on disk."""

from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

from textual import work
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Static

from ..store_calls import StoreCalls, failure_sentence

R = TypeVar("R")
KEPT = " What you typed or chose is still here."


class StoreDialog(StoreCalls, ModalScreen[R | None], Generic[R]):
    """A typed dialog (``StoreDialog[Incident]`` dismisses with an ``Incident``, or None when
    cancelled) whose write runs on the store thread before it closes.

    :meth:`save_with` awaits the write and dismisses with its result; on failure every
    field keeps its value and the reason shows in one sentence in the ``#error`` line
    (a toast if the dialog has none). ``write`` given to the constructor is the store-thread
    function :meth:`save_value` calls with the dialog's value.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, write: Callable[[Any], R] | None = None) -> None:
        super().__init__()
        self.writer = write

    def show_error(self, message: str) -> None:
        """One sentence under the fields; the typed text stays."""
        try:
            self.query_one("#error", Static).update(message)
        except NoMatches:
            self.notify(message, severity="error", markup=False)

    def report_failure(self, sentence: str, error: BaseException) -> None:
        self.show_error(sentence + KEPT)

    async def save_with(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> None:
        """Run ``fn`` on the store thread; dismiss with its result, or keep everything and say why."""
        try:
            result = await self.store_write(fn, *args, **kwargs)
        except Exception as error:  # noqa: BLE001 - StoreError, or a bug: either way the dialog stays
            self.report_failure(failure_sentence(error), error)
            return
        self.dismiss(result)

    @work(group="dialog-save", exit_on_error=False)
    async def save_value(self, value: Any) -> None:
        """Write ``value`` with the dialog's ``write`` function (see :meth:`save_with`)."""
        await self.save_with(self.writer, value)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
