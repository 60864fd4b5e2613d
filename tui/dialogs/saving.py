"""A dialog that closes only once its change is on disk; on failure the typed
values stay and the reason shows in one sentence."""

from __future__ import annotations

from typing import Any, Callable

from textual.screen import ModalScreen
from textual.widgets import Static

from store import StoreError


class SavingDialog(ModalScreen[Any]):
    """Base for dialogs that write through ``app.run_store`` before closing."""

    def show_error(self, message: str) -> None:
        """One sentence under the fields; the typed text stays."""
        self.query_one("#error", Static).update(message)

    async def save_with(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run ``fn`` on the store thread; dismiss with its result, or show why it failed."""
        try:
            result = await self.app.run_store(fn, *args, **kwargs)
        except StoreError as exc:
            self.show_error(f"Not saved: {exc}")
            return
        except Exception as exc:  # noqa: BLE001 - locked, read-only, disk full: keep the values, say why
            self.show_error(f"Not saved: {exc}. Your changes are still here.")
            return
        self.dismiss(result)
