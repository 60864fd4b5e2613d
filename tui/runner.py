"""Runs store calls off the UI thread, each runner on one dedicated thread.

A thread has its own SQLite connection. The app keeps two runners: the store
thread for writes (naturally serialised) and a read thread for what screens
show, so with WAL a read never queues behind a write that waits for a lock.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, Callable, TypeVar

from store import Store

T = TypeVar("T")


class StoreRunner:
    """Awaitable access to a :class:`store.Store` from the event loop."""

    def __init__(self, store: Store, name: str = "debrief-store") -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)

    async def __call__(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(*args, **kwargs)`` on the store thread and return its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, partial(fn, *args, **kwargs))

    def shutdown(self) -> None:
        """Finish pending calls and close the store thread's connection."""
        self._pool.submit(self.store.close)
        self._pool.shutdown(wait=True)
