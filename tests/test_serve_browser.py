"""Two browser tabs on ``debrief serve`` (headless Chromium): what one types is on disk
and on the other's screen within two seconds, credited to the name each tab gave.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package;
skipped, with the reason, where they are missing. Only 127.0.0.1, every wait bounded.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from store import Store

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="no headless browser: apt-get install chromium chromium-driver"
)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,800",
)
#: Keep what the page's websocket receives (the bytes its terminal draws) in ``window.__seen``.
RECORD_SCREEN = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__seen = "";
  window.WebSocket = function (url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__seen += decoder.decode(new Uint8Array(event.data), {stream: true});
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
})();
"""
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])")
T = TypeVar("T")


def wait_for(what: str, check: Callable[[], T], seconds: float) -> T:
    """``check()`` once it is truthy; fails naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {seconds} s")
        time.sleep(0.05)


class Tab:
    """One headless Chromium page on the server, with what its terminal was sent."""

    def __init__(self, url: str, profile: Path) -> None:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        self.driver = webdriver.Chrome(service=webdriver.ChromeService(DRIVER), options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SCREEN})
        self.driver.get(url)

    def screen_text(self, since: int = 0) -> str:
        """Text drawn on the page's terminal (escape codes removed), from offset ``since``."""
        return ANSI.sub("", self.driver.execute_script("return window.__seen || ''")[since:])

    def drawn(self) -> int:
        return len(self.driver.execute_script("return window.__seen || ''"))

    def shows(self, text: str, since: int = 0) -> bool:
        return text in self.screen_text(since)

    def type(self, *keys: str) -> None:
        """Keys into the terminal (xterm's input element)."""
        box = self.driver.find_element("css selector", ".xterm-helper-textarea")
        for key in keys:
            box.send_keys(key)
            time.sleep(0.3)

    def close(self, screenshot: Path) -> None:
        try:
            self.driver.save_screenshot(str(screenshot))
        finally:
            self.driver.quit()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    """``debrief serve`` on a free 127.0.0.1 port, over a database with one active incident."""
    db = tmp_path / "shared.db"
    Store(db).create_incident("Checkout errors", "SEV2")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for("the server listening", lambda: _accepts(port) or process.poll() is not None, 20)
        assert process.poll() is None, process.stdout.read()
        yield f"http://127.0.0.1:{port}/", db
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def authors_of(db: Path, text: str) -> list[str]:
    store = Store(db)
    try:
        return [e.author for e in store.list_events("INC-0001") if e.text == text]
    finally:
        store.close()


def test_two_tabs_see_each_others_events_within_two_seconds(server, tmp_path):
    url, db = server
    tabs: list[Tab] = []
    try:
        ana = Tab(url + "?as=Ana%20Lopes", Path(tempfile.mkdtemp(dir=tmp_path)))
        tabs.append(ana)
        ben = Tab(url, Path(tempfile.mkdtemp(dir=tmp_path)))
        tabs.append(ben)
        wait_for("Ben's tab asking who is there", lambda: ben.shows("Who are you?"), 40)
        ben.type("Ben", "\n")
        for tab in (ana, ben):
            wait_for("the incident list", lambda tab=tab: tab.shows("INC-0001"), 40)
            tab.type("\n")
            wait_for("the incident screen", lambda tab=tab: tab.shows("Type what happened"), 20)
        mark = ben.drawn()
        ana.type("rolled back v2.3.1 from the browser")
        ana.type("\n")
        typed = time.monotonic()
        wait_for("Ana's event on disk", lambda: authors_of(db, "rolled back v2.3.1 from the browser"), 2)
        on_disk = time.monotonic()
        wait_for("Ana's event in Ben's tab", lambda: ben.shows("rolled back v2.3.1 from the browser", mark), 2)
        shown = time.monotonic()
        mark = ana.drawn()
        ben.type("confirmed error rate back under 1%", "\n")
        wait_for("Ben's event in Ana's tab", lambda: ana.shows("confirmed error rate back under 1%", mark), 4)
    finally:
        for index, tab in enumerate(tabs):
            tab.close(tmp_path / f"tab-{index}.png")
    assert authors_of(db, "rolled back v2.3.1 from the browser") == ["Ana Lopes"]
    assert authors_of(db, "confirmed error rate back under 1%") == ["Ben"]
    assert on_disk - typed < 2 and shown - on_disk < 2
