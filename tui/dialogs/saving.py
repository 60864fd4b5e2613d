"""A dialog that closes only once its change is on disk; on failure the typed
or chosen values stay and the reason shows in one sentence."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from store import StoreError


class SavingDialog(ModalScreen[Any]):
    """Base for dialogs that write before closing: :meth:`commit` awaits the write and
    dismisses with its result, or keeps everything and says why under the fields (``#error``)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def show_error(self, message: str) -> None:
        """One sentence under the fields; the typed text stays."""
        self.query_one("#error", Static).update(message)

    async def commit(self, write: Awaitable[Any]) -> None:
        """Await ``write``; dismiss with its result, or show why it failed."""
        try:
            result = await write
        except StoreError as exc:
            self.show_error(f"Not saved: {exc}")
            return
        except Exception as exc:
            self.show_error(f"Not saved: {exc}. What you typed or chose is still here.")
            return
        self.dismiss(result)

    async def save_with(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run ``fn`` on the store thread, then as :meth:`commit`."""
        await self.commit(self.app.run_store(fn, *args, **kwargs))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
