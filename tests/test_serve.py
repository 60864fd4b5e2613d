"""``debrief serve`` without a browser: local-only by default, names carried from the
URL to the tab's process intact, and the first screen of a browser seat."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Static

from store import Store, fixed_clock
from tests.conftest import MARKUP_TRAPS, NOW, SIZE, settle
from tui.app import DebriefApp
from tui.cli import main
from tui.dialogs.who_are_you import WhoAreYouDialog
from tui.screens.incident import IncidentScreen
from tui.web import is_local, name_from_query, seat_command, size_from_query


@pytest.mark.parametrize(
    "host, local",
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("example.com", False),
    ],
)
def test_only_loopback_is_local(host, local):
    assert is_local(host) is local


@pytest.mark.parametrize("name", ["Ana Lopes", "Zoë O'Neil", '"; touch /tmp/pwned; echo "', "$(reboot)", *MARKUP_TRAPS])
def test_a_name_reaches_the_tab_process_as_one_argument(name):
    query = f"seat={name.encode().hex()}?width=132&height=40"  # textual.js appends its own ?width=…
    assert name_from_query(query) == name
    assert size_from_query(query) == (132, 40)
    words = shlex.split(seat_command(Path("/tmp/my db.sqlite"), name_from_query(query)))
    assert words[1:] == ["-m", "tui.cli", "--db", "/tmp/my db.sqlite", "seat", "--as", name]


@pytest.mark.parametrize("query", ["width=80&height=24", "seat=zz&width=80", "seat=&width=80", "seat=0a0d&width=80"])
def test_no_usable_name_means_the_tab_asks(query):
    assert name_from_query(query) is None
    assert shlex.split(seat_command(Path("db"), None))[-1] == "seat"


def test_a_non_local_host_is_refused_without_public(db_path):
    result = CliRunner().invoke(main, ["--db", str(db_path), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert result.output == (
        "debrief: --host 0.0.0.0 is not a local address; add --public to serve it to the "
        "network (anyone who can reach the port can then read and write every incident, "
        "with no login).\n"
    )
    assert not db_path.exists()


def test_a_port_in_use_is_one_sentence(db_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["--db", str(db_path), "serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.output == f"debrief: --port {port} is in use on 127.0.0.1; choose another port.\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, deadline: float) -> str:
    """The page at ``url``, retrying while the server starts (until ``deadline``)."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_public_says_what_it_exposes_and_the_page_carries_the_name(db_path, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--db", str(db_path), "serve", "--port", str(port), "--public"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = fetch(f"http://127.0.0.1:{port}/?as=%3Cscript%3EAna", time.monotonic() + 20)
        plain = fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 5)
    finally:
        server.terminate()
        out, err = server.communicate(timeout=10)
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws?seat={b"<script>Ana".hex()}"' in page
    assert "<script>Ana" not in page and "debrief · &lt;script&gt;Ana" in page
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in plain
    assert unescape(err).startswith(
        f"debrief serve --public: anyone who can reach port {port} on 127.0.0.1 can read and change every incident"
    )
    assert f"Serving {db_path} on http://127.0.0.1:{port}/\n" in out
    assert Store(db_path).schema_version > 0


async def test_a_seat_asks_who_is_there_and_credits_what_they_write(store: Store) -> None:
    incident = store.create_incident("Checkout errors", "SEV2")
    app = DebriefApp(store.as_user("server-login"), clock=fixed_clock(NOW), seat=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, WhoAreYouDialog) and app.user is None
        error = app.screen.query_one("#error", Static)
        await pilot.press("escape")
        assert "Type your name and press Enter to join." in str(error.render())
        for action in ("switch_mode('actions')", "command_palette"):
            await app.run_action(action)
        await pilot.pause()
        assert isinstance(app.screen, WhoAreYouDialog) and app.current_mode == "incidents"
        await pilot.press("enter")
        assert "Type your name; it is shown beside everything you write." in str(error.render())
        app.screen.query_one(Input).value = "[b]Ana"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.user == "[b]Ana" and app.store.user == "[b]Ana"
        app.open_incident(incident.id)
        await settle(app, pilot)
        assert isinstance(app.screen, IncidentScreen)
        app.screen.capture_line.value = "seen from the browser"
        await pilot.press("enter")
        await settle(app, pilot)
    last = store.list_events(incident.id)[-1]
    assert (last.text, last.author) == ("seen from the browser", "[b]Ana")


async def test_a_seat_with_a_name_from_the_url_does_not_ask(store: Store) -> None:
    app = DebriefApp(store, clock=fixed_clock(NOW), user="Ben", seat=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert not isinstance(app.screen, WhoAreYouDialog)
        assert app.user == "Ben" and app.store.me == "Ben"


async def type_bad_name(pilot) -> None:
    await settle(pilot.app, pilot)
    pilot.app.screen.query_one(Input).value = "Ana\tLopes"
    await pilot.press("enter")
    await pilot.pause()


def test_who_are_you_snapshot(snap_compare, demo_store: Store) -> None:
    app = DebriefApp(demo_store, clock=fixed_clock(NOW), seat=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=type_bad_name)


async def test_who_are_you_smoke(demo_store: Store) -> None:
    """The snapshot's screen, asserting on what it shows."""
    app = DebriefApp(demo_store, clock=fixed_clock(NOW), seat=True)
    async with app.run_test(size=SIZE) as pilot:
        await type_bad_name(pilot)
        assert isinstance(app.screen, WhoAreYouDialog) and app.user is None
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "add ?as=YOUR-NAME to this page's address" in shown
        assert "A name is one line of printable characters" in shown
