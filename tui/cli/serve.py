"""``debrief serve``: the app in the browser, a process per tab on one database file;
``debrief seat``: what each tab runs (started by ``serve``, hidden)."""

from __future__ import annotations

import errno
import socket

import click

from store import Store

from .common import CliContext, fail, pass_cli

EXPOSED = (
    "debrief serve --public: anyone who can reach port {port} on {where} can read and change every incident, "
    "postmortem and action item in {db}, under any name they type; there is no login and no "
    "encryption (plain HTTP). Put it behind a VPN or an authenticating HTTPS proxy, or stop it "
    "(Ctrl+C) when the meeting ends."
)


@click.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; only this machine (loopback) unless --public.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--public", is_flag=True, help="Allow a non-local --host (no login: anyone who reaches it can write).")
@pass_cli
def serve(cli: CliContext, host: str, port: int, public: bool) -> None:
    """Serve the app to web browsers: each tab runs its own debrief on this database.

    Open http://HOST:PORT/ and say who you are, or open http://HOST:PORT/?as=NAME.
    Everything a tab writes is credited to its name.
    """
    from ..web import SeatServer, is_local

    if not is_local(host) and not public:
        fail(
            f"--host {host} is not a local address; add --public to serve it to the network "
            "(anyone who can reach the port can then read and write every incident, with no login)."
        )
    problem = cannot_listen(host, port)
    if problem:
        fail(problem)
    Store(cli.path).close()  # create or migrate the file once, before any tab opens it
    if public:
        where = "any address of this machine" if host.strip("[]") in ("0.0.0.0", "::", "") else host
        click.echo(EXPOSED.format(port=port, where=where, db=cli.path), err=True)
    SeatServer(cli.path.resolve(), host, port).serve()


def cannot_listen(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (in use, no such address), in a sentence; or None."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"--host {host} cannot be used ({exc.strerror}); give an address of this machine, such as 127.0.0.1."
    for family, kind, proto, _, address in infos:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    return f"--port {port} is in use on {host}; choose another port."
                return f"--host {host} cannot be listened on ({exc.strerror or exc}); give an address of this machine."
    return None


@click.command("seat", hidden=True)
@pass_cli
def seat(cli: CliContext) -> None:
    """One browser tab's app (``debrief serve`` starts it): acts as ``--as NAME``, or asks."""
    from ..app import DebriefApp

    DebriefApp(Store(cli.path), user=cli.as_name, seat=True).run()
