"""Errors the store raises: each carries one sentence a person can act on."""


class StoreError(Exception):
    """Base class: the message is a complete sentence for the user."""


class DatabaseError(StoreError):
    """The database file cannot be used (unwritable, not SQLite, corrupt)."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer debrief; it is left untouched."""


class NotFoundError(StoreError):
    """A key or id names nothing."""


class InvalidInputError(StoreError):
    """A field's value is not accepted; the message names field and what is accepted."""


class RefusedError(StoreError):
    """SQLite refused a read or write (locked, read-only, disk full, damaged file, a failed commit).

    ``code`` is SQLite's primary result code; ``detail`` is SQLite's own words.
    """

    def __init__(self, message: str, code: int | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.detail = detail
