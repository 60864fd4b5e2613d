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

from ..capture.grammar import KIND_TOKENS, Capture, GrammarError, parse_line, parse_time
from .common import CliContext, fail, pass_cli

#: A word that looks like a mistyped option (``--incdent``), not text such as ``"-- /deploy v2"``.
OPTION_LIKE = re.compile(r"--[A-Za-z][\w-]*(=.*)?")
KIND_NAMES = sorted({token.lstrip("/") for token in KIND_TOKENS} | {"note"})


@click.command("log", context_settings={"ignore_unknown_options": True})
@click.argument("text", nargs=-1, required=True)
@click.option("--incident", "incident_key", metavar="KEY", help="Incident key (default: the only active one).")
@click.option("--at", "at", metavar="TIME", help="When it happened: 14:05, -5m, 2025-11-27 14:05 (UTC).")
@click.option("--kind", type=click.Choice(KIND_NAMES, case_sensitive=False), help="Kind of event (default: note).")
@click.option("--pin", is_flag=True, help="Pin the event as a key moment.")
@pass_cli
def log(cli: CliContext, text: tuple[str, ...], incident_key: str | None, at: str | None,
        kind: str | None, pin: bool) -> None:
    """Log TEXT on an incident's timeline (TEXT `-`: one event per stdin line)."""
    unknown = [t for t in text if OPTION_LIKE.fullmatch(t)]
    if unknown:
        fail(f"{unknown[0]} is not an option of `debrief log`; see `debrief log --help`.")
    store = cli.store(create=True)
    incident = choose_incident(store, incident_key)
    defaults = options(store, at, kind, pin)
    if text == ("-",):
        failed = sum(not log_line(store, incident, line, defaults, n) for n, line in enumerate(sys.stdin, 1))
        if failed:
            fail(f"{failed} line(s) were not logged (see above); the others were.")
        return
    try:
        capture = merge(parse_line(" ".join(text), store.now()), defaults)
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


def options(store: Store, at: str | None, kind: str | None, pin: bool) -> dict:
    """The option values as capture defaults (a bad --at is refused here)."""
    try:
        when = parse_time(at, store.now()) if at else None
    except GrammarError as exc:
        fail(f"--at: {exc}")
    stored_kind = KIND_TOKENS.get(f"/{kind.lower()}", "note") if kind else None
    return {"occurred_at": when, "kind": stored_kind, "pinned": pin}


def merge(capture: Capture, defaults: dict) -> Capture:
    """Options fill in what the text's own tokens did not say."""
    kind = capture.kind if capture.kind != "note" or not defaults["kind"] else defaults["kind"]
    return Capture(text=capture.text, kind=kind, pinned=capture.pinned or defaults["pinned"],
                   occurred_at=capture.occurred_at or defaults["occurred_at"])


def write(store: Store, incident: Incident, capture: Capture) -> None:
    """Commit one event, then acknowledge it on stdout."""
    event = store.log_event(incident.id, capture.text, capture.kind, capture.occurred_at,
                            capture.pinned, source="cli")
    click.echo(f"logged {incident.key} #{event.id} {event.occurred_at:%Y-%m-%d %H:%M:%S}Z {event.kind}")


def log_line(store: Store, incident: Incident, line: str, defaults: dict, number: int) -> bool:
    """Log one stdin line; blank lines are skipped. False (and a reason on stderr) on failure."""
    if not line.strip():
        return True
    try:
        write(store, incident, merge(parse_line(line, store.now()), defaults))
    except (GrammarError, StoreError) as exc:
        click.echo(f"debrief: line {number}: {exc}", err=True)
        return False
    return True
