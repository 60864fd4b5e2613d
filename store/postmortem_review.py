"""The review workflow: ``draft`` → ``in_review`` (reviewers named) →
``published``; each reviewer's sign-off is recorded with its time."""

from __future__ import annotations

from datetime import datetime

from .base import RowModel, StoreBase
from .errors import InvalidInputError
from .postmortems import Postmortem


class Reviewer(RowModel):
    """A named reviewer of a postmortem and when they signed off."""

    name: str
    added_at: datetime
    signed_off_at: datetime | None = None
    signed_off_by: str = ""


class PostmortemReviewMixin(StoreBase):
    """Reviewers, sign-offs and status changes."""

    def reviewers(self, postmortem_id: int) -> list[Reviewer]:
        """The reviewers in the order they were named."""
        rows = self.db.query(
            "SELECT name, added_at, signed_off_at, signed_off_by FROM postmortem_reviewer "
            "WHERE postmortem_id = ? ORDER BY added_at, rowid",
            (postmortem_id,),
        )
        return [Reviewer.from_row(r) for r in rows]

    def set_reviewers(self, postmortem_id: int, names: list[str]) -> list[Reviewer]:
        """Name the reviewers (keeps sign-offs of those who stay)."""
        wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        with self.db.write() as conn:
            marks = ", ".join("?" for _ in wanted) or "''"
            conn.execute(
                f"DELETE FROM postmortem_reviewer WHERE postmortem_id = ? AND name NOT IN ({marks})",
                (postmortem_id, *wanted),
            )
            for name in wanted:
                conn.execute(
                    "INSERT OR IGNORE INTO postmortem_reviewer (postmortem_id, name, added_at) VALUES (?, ?, ?)",
                    (postmortem_id, name, self.now_iso()),
                )
        return self.reviewers(postmortem_id)

    def request_review(
        self, postmortem_id: int, names: list[str] | None = None, facilitator: str | None = None
    ) -> Postmortem:
        """Move a draft to ``in_review``; at least one reviewer must be named."""
        with self.db.write() as conn:
            if names is not None:
                self.set_reviewers(postmortem_id, names)
            if not self.reviewers(postmortem_id):
                raise InvalidInputError("reviewers is empty; name at least one reviewer before the review.")
            self._set_status(conn, postmortem_id, "in_review", "review_started_at")
            if facilitator:
                conn.execute("UPDATE postmortem SET facilitator = ? WHERE id = ?", (facilitator, postmortem_id))
        return self.get_postmortem_by_id(postmortem_id)

    def sign_off(self, postmortem_id: int, name: str) -> Reviewer:
        """Record ``name``'s sign-off now; only a named reviewer of a postmortem in review may sign."""
        if self.get_postmortem_by_id(postmortem_id).status != "in_review":
            raise InvalidInputError("sign-off is only recorded while the postmortem is in review.")
        with self.db.write() as conn:
            done = conn.execute(
                "UPDATE postmortem_reviewer SET signed_off_at = ?, signed_off_by = ? "
                "WHERE postmortem_id = ? AND name = ?",
                (self.now_iso(), self.me, postmortem_id, name.strip()),
            ).rowcount
        if not done:
            raise InvalidInputError(f"{name!r} is not a reviewer of this postmortem; add them as a reviewer first.")
        return next(r for r in self.reviewers(postmortem_id) if r.name == name.strip())

    def reopen_postmortem(self, postmortem_id: int) -> Postmortem:
        """Back to ``draft`` (sign-offs are cleared: the text may change)."""
        with self.db.write() as conn:
            self._set_status(conn, postmortem_id, "draft", None)
            conn.execute("UPDATE postmortem SET published_at = NULL WHERE id = ?", (postmortem_id,))
            conn.execute(
                "UPDATE postmortem_reviewer SET signed_off_at = NULL, signed_off_by = '' WHERE postmortem_id = ?",
                (postmortem_id,),
            )
        return self.get_postmortem_by_id(postmortem_id)

    def _set_status(self, conn, postmortem_id: int, status: str, stamp: str | None) -> None:
        now = self.now_iso()
        conn.execute("UPDATE postmortem SET status = ?, updated_at = ? WHERE id = ?", (status, now, postmortem_id))
        if stamp:
            conn.execute(f"UPDATE postmortem SET {stamp} = ? WHERE id = ?", (now, postmortem_id))
