"""The UI's one way of calling the store, shared by every screen and dialog.

:class:`StoreCalls` is mixed into :class:`~tui.screens.base.DataScreen` and
:class:`~tui.dialogs.base.StoreDialog` (harlequin's pattern):

- ``await self.store_read(fn, ...)``: ``fn(...)`` on the read thread (its own
  SQLite connection: with WAL, a read never waits behind a write);
- ``await self.store_write(fn, ...)``: ``fn(...)`` on the store thread, where
  the app's writes are serialised;
- ``self.store_task(fn, ..., then=...)``: the same write in a worker, its
  result handed to ``then`` on the UI thread;
- a ``Worker.StateChanged`` handler (the message does not bubble, so every
  screen and dialog needs its own): any worker of this node that fails is
  reported by :meth:`StoreCalls.report_failure`, one sentence where the user
  is (a toast by default; a dialog's error line; the capture line's status).

The store turns every ``sqlite3.Error`` into a :class:`~store.StoreError`
sentence; anything else that escapes a worker is a bug, reported as such
instead of crashing the app or failing silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.worker import Worker, WorkerState

from store import StoreError

T = TypeVar("T")


def failure_sentence(error: BaseException, doing: str = "Not saved") -> str:
    """``Not saved: The database is locked by another program; …`` (one sentence from the store),
    or a plain report of an unexpected error."""
    if isinstance(error, StoreError):
        return f"{doing}: {error}"
    return f"{doing}: something went wrong ({type(error).__name__}: {error})."


class StoreCalls:
    """Mixin for screens and modal screens: call the store, and report every failed worker."""

    #: Words put before the reason when a worker of this node fails.
    FAILURE_PREFIX = "Not saved"
    #: ... and when a worker that reads fails (its group ends in one of :data:`READ_GROUPS`).
    READ_FAILURE_PREFIX = "Could not read the data"
    READ_GROUPS = ("load", "more", "page", "read")

    async def store_read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on the read thread (never queued behind a write)."""
        return await self.app.read_store(fn, *args, **kwargs)

    async def store_write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` on the store thread (writes, and reads that must follow them)."""
        return await self.app.run_store(fn, *args, **kwargs)

    def store_task(
        self,
        fn: Callable[..., T],
        *args: Any,
        then: Callable[[T], Any] | None = None,
        doing: str | None = None,
        group: str = "store",
        **kwargs: Any,
    ) -> Worker:
        """Run ``fn`` on the store thread in a worker; ``then(result)`` runs on the UI thread.
        A failure is reported by :meth:`report_failure` (with ``doing`` as its first words)."""

        async def task() -> None:
            result = await self.store_write(fn, *args, **kwargs)
            if then is not None:
                then(result)

        return self.run_worker(task(), name=doing or self.FAILURE_PREFIX, group=group, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker of this screen failed: say why, in one sentence, here."""
        worker = event.worker
        if event.state == WorkerState.ERROR and worker.error is not None:
            event.stop()
            doing = worker.name if worker.name and " " in worker.name else self.FAILURE_PREFIX
            if worker.group.rsplit("-", 1)[-1] in self.READ_GROUPS:
                doing = self.READ_FAILURE_PREFIX
            self.report_failure(failure_sentence(worker.error, doing), worker.error)

    def report_failure(self, sentence: str, error: BaseException) -> None:
        """Show a failure where the user is (a toast here; dialogs and screens refine it)."""
        self.notify(sentence, severity="error", markup=False)
