"""A dialog that writes before it closes: on failure the typed text stays and the reason shows."""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from textual import work
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from store import StoreError

Save = Callable[[Any], Awaitable[Any]]


class SaveDialog(ModalScreen[Any]):
    """Base for small edit dialogs: ``save(value)`` runs the store write; the dialog
    closes with its result only once that write succeeded."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, save: Save) -> None:
        super().__init__()
        self.save_value = save

    @work(group="dialog-save", exit_on_error=False)
    async def save(self, value: Any) -> None:
        """Write ``value``; dismiss with the result, or keep everything and say why."""
        try:
            result = await self.save_value(value)
        except StoreError as exc:
            self.show_error(f"Not saved: {exc}")
            return
        except Exception as exc:  # noqa: BLE001 - locked or full disk: keep the text, say why
            self.show_error(f"Not saved: {exc}. Your text is still here.")
            return
        self.dismiss(result)

    def show_error(self, message: str) -> None:
        """One sentence under the fields."""
        self.query_one("#error", Static).update(message)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
