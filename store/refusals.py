"""Every ``sqlite3.Error`` becomes one sentence at the store's edge.

:func:`refusal` maps SQLite's result code to a :class:`RefusedError` whose
message a person can act on ("The database is locked by another program…");
:func:`at_the_edge` wraps every public method of the :class:`~store.Store` so
no raw ``sqlite3`` exception leaves the store.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from .errors import RefusedError

T = TypeVar("T")

#: SQLite primary result codes (``sqlite3`` exposes them from Python 3.11).
SENTENCES = {
    sqlite3.SQLITE_BUSY: "The database is locked by another program; nothing was saved, try again in a moment.",
    sqlite3.SQLITE_LOCKED: "The database is locked by another program; nothing was saved, try again in a moment.",
    sqlite3.SQLITE_READONLY: "The database file is read-only, so nothing was saved; check its permissions.",
    sqlite3.SQLITE_FULL: "The disk or the database's size limit is full, so nothing was saved; free some space.",
    sqlite3.SQLITE_NOTADB: "The database file is not a SQLite database (or is damaged), so it cannot be used.",
    sqlite3.SQLITE_CORRUPT: "The database file is damaged, so it cannot be used; restore it from a backup.",
    sqlite3.SQLITE_CANTOPEN: "The database file cannot be opened; check that its folder exists and is writable.",
    sqlite3.SQLITE_PERM: "The database refused access (permission denied), so nothing was saved.",
    sqlite3.SQLITE_IOERR: "The disk refused to read or write the database file, so nothing was saved.",
    sqlite3.SQLITE_NOMEM: "There is not enough memory to finish, so nothing was saved.",
}
CONSTRAINT = "The database refused the change because it breaks one of its rules ({detail}), so nothing was saved."
OTHER = "The database refused the request ({detail}); nothing was changed."


def refusal(exc: sqlite3.Error) -> RefusedError:
    """The one-sentence :class:`RefusedError` for a ``sqlite3`` exception."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = str(exc).rstrip(".") or type(exc).__name__
    if primary in SENTENCES:
        message = SENTENCES[primary]
    elif primary == sqlite3.SQLITE_CONSTRAINT or isinstance(exc, sqlite3.IntegrityError):
        message = CONSTRAINT.format(detail=detail)
    elif "locked" in detail:  # "database table is locked" has no code on some builds
        message = SENTENCES[sqlite3.SQLITE_BUSY]
    else:
        message = OTHER.format(detail=detail)
    return RefusedError(message, code=primary, detail=detail)


def guarded(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn`` with ``sqlite3.Error`` turned into :class:`RefusedError`."""

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> T:
        try:
            return fn(*args, **kwargs)
        except sqlite3.Error as exc:
            raise refusal(exc) from exc

    return call


def at_the_edge(cls: type[T]) -> type[T]:
    """Wrap every public method and property of ``cls`` (and its mixins) with :func:`guarded`."""
    seen: set[str] = set()
    for klass in cls.__mro__:
        for name, value in vars(klass).items():
            if name.startswith("_") or name in seen:
                continue
            seen.add(name)
            if isinstance(value, property) and value.fget is not None:
                setattr(
                    cls,
                    name,
                    property(guarded(value.fget), value.fset and guarded(value.fset), value.fdel, value.__doc__),
                )
            elif inspect.isfunction(value):
                setattr(cls, name, guarded(value))
    return cls
