"""Pick one value from a short list (status, severity) and save it at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .choice import ChoiceDialog


class ChooseDialog(ChoiceDialog):
    """A :class:`ChoiceDialog` of bare values, the current one marked ``(now)``;
    ``save(value)`` runs on the store thread."""

    def __init__(self, title: str, choices: tuple[str, ...], current: str, save: Callable[[str], Any]) -> None:
        super().__init__(title, "", [(c, "(now)" if c == current else "") for c in choices], current, self.write)
        self.save_fn = save

    async def write(self, value: str) -> Any:
        """The store write, on the store thread."""
        return await self.app.run_store(self.save_fn, value)
