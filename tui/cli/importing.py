"""``debrief import``: operational data from CSV files (all or nothing) and a chat
channel from a Slack export into an incident's timeline."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo

import click

from store.ops_csv import COLUMNS, import_file
from store.slack_export import ChatOptions
from store.slack_import import ChatImport

from ..capture.grammar import GrammarError, parse_time
from .common import CliContext, fail, pass_cli

#: How to count what a CSV file held: (one, many).
WHAT = {
    "deployments": ("deployment", "deployments"),
    "alerts": ("weekly alert count", "weekly alert counts"),
    "toil": ("weekly toil entry", "weekly toil entries"),
}
HEADERS = {
    "deployments": "service,deployed_at[,failed,caused,version]",
    "alerts": "week,total,actionable[,source]",
    "toil": "person,week,toil_minutes,working_minutes[,category]",
}
#: Why messages were left out, as (one, many).
REASONS = {
    "join": ("join or leave", "joins and leaves"),
    "topic": ("topic change", "topic changes"),
    "bot": ("bot message", "bot messages"),
    "notice": ("channel notice", "channel notices"),
    "empty": ("empty message", "empty messages"),
    "window": ("message outside --since/--until", "messages outside --since/--until"),
}
BARE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@click.group("import")
def import_() -> None:
    """Import operational data (CSV) or a chat channel (Slack export)."""


def csv_command(kind: str) -> click.Command:
    """``debrief import KIND FILE`` for one kind of CSV file."""

    @click.argument("file", type=click.Path(dir_okay=False, path_type=str))
    @pass_cli
    def command(cli: CliContext, file: str) -> None:
        count = import_file(cli.store(create=True), kind, file)
        if not count:
            click.echo(f"{file} has no data rows under its header; nothing was imported.")
            return
        one, many = WHAT[kind]
        click.echo(f"Imported {count} {one if count == 1 else many} from {file}.")

    command.__doc__ = (
        f"Import {kind} from a CSV file (header: {HEADERS[kind]}).\n\n"
        "Every row is checked first; one bad row refuses the whole file."
    )
    return click.command(kind, short_help=f"{kind.capitalize()} from a CSV file ({HEADERS[kind]}).")(command)


for _kind in COLUMNS:
    import_.add_command(csv_command(_kind))


@import_.command("slack", short_help="A channel of a Slack export (folder or .zip) into an incident's timeline.")
@click.argument("export", type=click.Path(path_type=str))
@click.option("--channel", required=True, metavar="NAME", help="The channel to import (#name, name or its id).")
@click.option(
    "--incident",
    "incident_key",
    required=True,
    metavar="INC-KEY",
    help="The incident whose timeline gets the messages.",
)
@click.option(
    "--since",
    metavar="TIME",
    help="Only messages at or after TIME (2025-11-27 14:00 in --zone, UTC by default; a date is its start).",
)
@click.option("--until", metavar="TIME", help="Only messages before TIME (a bare date includes that whole day).")
@click.option(
    "--pin-reaction",
    default="pushpin",
    show_default=True,
    metavar="NAME",
    help="Messages with this reaction are pinned as key moments (as are messages pinned in Slack).",
)
@click.option("--include-bots", is_flag=True, help="Keep bot messages (left out by default).")
@pass_cli
def slack(
    cli: CliContext,
    export: str,
    channel: str,
    incident_key: str,
    since: str | None,
    until: str | None,
    pin_reaction: str,
    include_bots: bool,
) -> None:
    """Turn a channel of a Slack workspace export (its folder or .zip) into timeline events.

    Each message and thread reply becomes an event with its author's real name and its
    time; mentions and links are written out; joins, topic changes and bot messages are
    left out. Importing the same export again adds only what is new. A malformed export
    is refused whole, naming the file and field.
    """
    store = cli.store()
    now = store.now()
    options = ChatOptions(
        window_time("--since", since, now, cli.zone, end=False),
        window_time("--until", until, now, cli.zone, end=True),
        pin_reaction.strip().strip(":"),
        include_bots,
    )
    if options.since and options.until and options.since >= options.until:
        fail(f"--since {since} is not before --until {until}; give a window that runs forward.")
    click.echo(summary(store.import_slack(export, channel, incident_key, options), export))


def window_time(option: str, text: str | None, now: datetime, zone: tzinfo, end: bool) -> datetime | None:
    """A --since/--until value (read in ``zone``) as UTC; a bare date is its start (for
    --until: the next day's start)."""
    if text is None:
        return None
    try:
        value = parse_time(text, now, zone=zone)
    except GrammarError as exc:
        fail(f"{option}: {exc}")
    return value + timedelta(days=1) if end and BARE_DATE.match(text.strip()) else value


def summary(done: ChatImport, export: str) -> str:
    """What the import did, in a sentence or two."""
    source = f"#{done.channel} ({export})"
    if done.added:
        pinned = f", {done.pinned} pinned" if done.pinned else ""
        text = f"Imported {plural(done.added, 'event')} from {source} into {done.incident_key}{pinned}."
    else:
        text = f"Nothing new from {source} for {done.incident_key}."
    if done.already:
        text += f" {plural(done.already, 'message')} already on its timeline."
    if done.skipped:
        text += (
            " Left out: " + ", ".join(plural(done.skipped[k], *REASONS[k]) for k in REASONS if done.skipped[k]) + "."
        )
    return text


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 event``, ``2 events`` (or the given plural)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
