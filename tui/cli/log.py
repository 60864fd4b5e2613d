"""``debrief log``: append timeline events from a shell, a script or a chat bot.

The text takes the capture-line grammar (``-5m /mitigate ! rolled back``);
``--at``, ``--kind`` and ``--pin`` give the same things as options. ``-`` reads
one event per line from stdin; each line is committed before its ``logged``
line is printed, so a caller can count acknowledgements.
"""

from __future__ import annotations

import re
import sys

import click

from store import Incident, Store, StoreError

from ..capture.grammar import Capture, GrammarError, parse_line, parse_when
from ..capture.kinds import KIND_TOKENS, closest_kind, kind_named
from .common import CliContext, fail, pass_cli

#: A word that looks like a mistyped option (``--incdent``), not text such as ``"-- /deploy v2"``.
OPTION_LIKE = re.compile(r"--[A-Za-z][\w-]*(=.*)?")
KIND_HELP = ", ".join(sorted({token.lstrip("/") for token in KIND_TOKENS} | {"note", "alert"}))


@click.command("log", context_settings={"ignore_unknown_options": True})
@click.argument("text", nargs=-1, required=True)
@click.option("--incident", "incident_key", metavar="KEY", help="Incident key (default: the only active one).")
@click.option(
    "--at", "at", metavar="TIME", help="When it happened: 14:05 (in --zone), 11:10 EST, -5m, 2025-11-27 14:05."
)
@click.option(
    "--kind",
    metavar="KIND",
    help=f"Kind of event (default: note): {KIND_HELP}, or the name the timeline shows (escalation).",
)
@click.option("--pin", is_flag=True, help="Pin the event as a key moment.")
@pass_cli
def log(
    cli: CliContext, text: tuple[str, ...], incident_key: str | None, at: str | None, kind: str | None, pin: bool
) -> None:
    """Log TEXT on an incident's timeline (TEXT `-`: one event per stdin line)."""
    unknown = [t for t in text if OPTION_LIKE.fullmatch(t)]
    if unknown:
        fail(f"{unknown[0]} is not an option of `debrief log`; see `debrief log --help`.")
    store = cli.store(create=True)
    incident = choose_incident(store, incident_key)
    defaults = options(store, at, kind, pin, cli.zone)
    if text == ("-",):
        failed = sum(not log_line(store, incident, line, defaults, n, cli.zone) for n, line in enumerate(sys.stdin, 1))
        if failed:
            fail(f"{failed} line(s) were not logged (see above); the others were.")
        return
    try:
        capture = merge(parse_line(" ".join(text), store.now(), cli.zone), defaults)
    except GrammarError as exc:
        fail(str(exc))
    write(store, incident, capture)


def choose_incident(store: Store, key: str | None) -> Incident:
    """The incident named by ``--incident``, else the only active one."""
    if key:
        return store.get_incident(key)
    active = store.active_incidents()
    if len(active) == 1:
        return active[0]
    if not active:
        fail("No incident is active; give --incident KEY or declare one with `debrief incident new TITLE`.")
    keys = ", ".join(i.key for i in active)
    fail(f"{len(active)} incidents are active ({keys}); choose one with --incident KEY.")


def options(store: Store, at: str | None, kind: str | None, pin: bool, zone) -> dict:
    """The option values as capture defaults (a bad --at or --kind is refused here)."""
    try:
        when = parse_when(at, store.now(), zone) if at else None
    except GrammarError as exc:
        fail(f"--at: {exc}")
    stored_kind = kind_named(kind) if kind else None
    if kind and stored_kind is None:
        guess = closest_kind(kind)
        hint = f" (did you mean {guess.lstrip('/')}?)" if guess else ""
        fail(f"--kind {kind!r} is not a kind{hint}; use one of {KIND_HELP}.")
    return {"occurred_at": when, "kind": stored_kind, "pinned": pin}


def merge(capture: Capture, defaults: dict) -> Capture:
    """Options fill in what the text's own tokens did not say."""
    kind = capture.kind if capture.kind != "note" or not defaults["kind"] else defaults["kind"]
    return Capture(
        text=capture.text,
        kind=kind,
        pinned=capture.pinned or defaults["pinned"],
        occurred_at=capture.occurred_at or defaults["occurred_at"],
        move_milestone=capture.move_milestone,
    )


def write(store: Store, incident: Incident, capture: Capture) -> None:
    """Commit one event, then acknowledge it on stdout."""
    logged = store.capture_event(
        incident.id,
        capture.text,
        capture.kind,
        capture.occurred_at,
        capture.pinned,
        source="cli",
        move_milestone=capture.move_milestone,
    )
    event = logged.event
    click.echo(f"logged {incident.key} #{event.id} {event.occurred_at:%Y-%m-%d %H:%M:%S}Z {event.kind}")
    if logged.kept_at is not None:
        token = next(t for t, k in KIND_TOKENS.items() if k == event.kind)
        click.echo(
            f"note: the {event.kind} milestone stays at {logged.kept_at:%Y-%m-%d %H:%M:%S}Z (the first); "
            f"log {token}! to move it.",
            err=True,
        )


def log_line(store: Store, incident: Incident, line: str, defaults: dict, number: int, zone) -> bool:
    """Log one stdin line; blank lines are skipped. False (and a reason on stderr) on failure."""
    if not line.strip():
        return True
    try:
        write(store, incident, merge(parse_line(line, store.now(), zone), defaults))
    except (GrammarError, StoreError) as exc:
        click.echo(f"debrief: line {number}: {exc}", err=True)
        return False
    return True
