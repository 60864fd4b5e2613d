"""The review workflow dialog: name reviewers, start the review, record each
reviewer's sign-off (with its time), and publish after seeing what remains:
warning-level hints and empty required sections. The facilitator decides."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from store import Postmortem, StoreError
from store.postmortem_review import Reviewer
from store.publish import PublishCheck, TextChecker

from .base import StoreDialog


def check_text(check: PublishCheck) -> Content:
    """The publish check as readable lines."""
    if check.clean:
        return Content.styled(
            "Ready: no warning-level hints or placeholders, every required section filled, every reviewer signed off.",
            "$success",
        )
    parts: list = []
    if check.warnings:
        parts.append((f"Warning-level hints remaining ({len(check.warnings)}):", "bold $warning"))
        parts += [f"\n  {title}: “{phrase}”" for title, phrase in check.warnings[:8]]
    if len(check.warnings) > 8:
        parts.append(f"\n  … and {len(check.warnings) - 8} more")
    if check.empty:
        parts += ["\n" if parts else "", ("Empty required sections: ", "bold $warning"), ", ".join(check.empty)]
    if check.placeholders:
        parts += [
            "\n" if parts else "",
            ("Placeholders to fill in: ", "bold $warning"),
            ", ".join(f"{title} “{mark}”" for title, mark in check.placeholders),
        ]
    if check.unsigned:
        parts += ["\n" if parts else "", ("Not signed off: ", "bold $warning"), ", ".join(check.unsigned)]
    return Content.assemble(*parts)


def reviewer_line(reviewer: Reviewer) -> Content:
    """``✓ marcus  signed off 2025-11-28 09:00 UTC`` or ``○ priya  not signed off``."""
    if reviewer.signed_off_at:
        return Content.assemble(
            ("✓ ", "$success"),
            reviewer.name,
            (f"  signed off {reviewer.signed_off_at:%Y-%m-%d %H:%M} UTC", "$foreground-muted"),
        )
    return Content.assemble(("○ ", "$foreground-muted"), reviewer.name, ("  not signed off", "$foreground-muted"))


class ReviewDialog(StoreDialog[Postmortem]):
    """Moves a postmortem through draft → in review → published."""

    BINDINGS = [Binding("escape", "close", "Close", id="review.close")]

    def __init__(
        self, postmortem: Postmortem, reviewers: list[Reviewer], check: PublishCheck, checker: TextChecker
    ) -> None:
        """``check`` is what the store found; ``checker`` lets the store run it again as it publishes."""
        super().__init__()
        self.postmortem = postmortem
        self.reviewers = reviewers
        self.check = check
        self.checker = checker

    def compose(self) -> ComposeResult:
        status = self.postmortem.status
        with Vertical(classes="dialog review-dialog"):
            yield Label(Content(f"Review · {self.postmortem.key} · {status.replace('_', ' ')}"), classes="dialog-title")
            yield Label("Reviewers (comma-separated)")
            yield Input(", ".join(r.name for r in self.reviewers), id="reviewers", disabled=status == "published")
            yield Label("Sign-offs (enter records the highlighted reviewer's sign-off)", id="signoff-label")
            yield OptionList(*[Option(reviewer_line(r), id=r.name) for r in self.reviewers], id="signoffs")
            yield Static(check_text(self.check), id="check")
            yield Static("", classes="error", id="error", markup=False)
            with Horizontal(classes="buttons"):
                yield from self.buttons(status)

    def buttons(self, status: str):
        """The moves that make sense from ``status``."""
        yield Button("Close", id="close")
        if status == "draft":
            yield Button("Start review", variant="primary", id="start")
        elif status == "in_review":
            yield Button("Back to draft", id="reopen")
            yield Button("Save reviewers", id="save-reviewers")
            label = "Publish" if self.check.clean else "Publish anyway"
            yield Button(label, variant="primary" if self.check.clean else "warning", id="publish")
        else:
            yield Button("Reopen as draft", id="reopen")

    def on_mount(self) -> None:
        self.query_one("#signoffs").display = bool(self.reviewers)
        self.query_one("#signoff-label").display = bool(self.reviewers)
        self.query_one("#check").display = self.postmortem.status == "in_review"
        focus = "#reviewers" if self.postmortem.status != "published" else "#close"
        self.query_one(focus).focus()

    @on(Input.Submitted, "#reviewers")
    def submitted(self) -> None:
        """Enter in the reviewers field: start the review (draft) or save the names."""
        self.run("start" if self.postmortem.status == "draft" else "save-reviewers")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "close":
            self.action_close()
        else:
            self.run(event.button.id or "")

    @on(OptionList.OptionSelected, "#signoffs")
    @work(group="review", exit_on_error=False)
    async def signed(self, event: OptionList.OptionSelected) -> None:
        """Record the highlighted reviewer's sign-off now; the list updates in place."""
        store, name = self.app.store, event.option.id or ""
        try:
            await self.app.run_store(store.sign_off, self.postmortem.id, name)
            self.reviewers = await self.app.run_store(store.reviewers, self.postmortem.id)
        except StoreError as exc:
            self.query_one("#error", Static).update(f"Not done: {exc}")
            return
        options = self.query_one("#signoffs", OptionList)
        for reviewer in self.reviewers:
            options.replace_option_prompt(reviewer.name, reviewer_line(reviewer))
        self.app.notify(f"{name} signed off.", markup=False)

    def names(self) -> list[str]:
        """The reviewer names typed."""
        return [n.strip() for n in self.query_one("#reviewers", Input).value.split(",") if n.strip()]

    @work(group="review", exit_on_error=False)
    async def run(self, move: str) -> None:
        """Do one move on the store thread; the dialog closes with the new state."""
        store, pm_id, names = (
            self.app.store,
            self.postmortem.id,
            self.names(),
        )  # widgets are read here, not on the store thread
        checker = self.checker
        calls = {
            "start": lambda: store.request_review(pm_id, names, facilitator=store.me),
            "save-reviewers": lambda: (store.set_reviewers(pm_id, names), store.get_postmortem_by_id(pm_id))[1],
            "publish": lambda: store.publish_postmortem(pm_id, checker, force=not self.check.clean),
            "reopen": lambda: store.reopen_postmortem(pm_id),
        }
        try:
            result = await self.app.run_store(calls[move])
        except StoreError as exc:
            self.query_one("#error", Static).update(f"Not done: {exc}")
            return
        self.dismiss(result)

    def action_close(self) -> None:
        """Close without a change."""
        self.dismiss(None)
