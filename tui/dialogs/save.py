"""A small edit dialog given the write to run: ``save(value)`` is awaited before it closes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual import work

from .saving import SavingDialog

Save = Callable[[Any], Awaitable[Any]]


class SaveDialog(SavingDialog):
    """Base for small edit dialogs: ``save(value)`` is a coroutine function that does the
    store write; the dialog closes with its result only once that write succeeded."""

    def __init__(self, save: Save) -> None:
        super().__init__()
        self.save_value = save

    @work(group="dialog-save", exit_on_error=False)
    async def save(self, value: Any) -> None:
        """Write ``value``; dismiss with the result, or keep everything and say why."""
        await self.commit(self.save_value(value))
