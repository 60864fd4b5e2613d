"""``debrief serve``: each browser tab runs its own app process on the same database.

textual-serve starts one process per browser tab with a fixed command and the
server's environment; the page's URL parameters do not reach that process. So
:class:`SeatServer` carries ``?as=NAME`` itself: the page it serves connects its
websocket with the name (hex-encoded, so no character can break the URL or the
shell command), and the tab's process is started with ``--as NAME``. Without a
name the tab's app asks who is there before anything else. No Textual import
(this module runs in the server, not in the app).
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import shlex
import socket
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import aiohttp_jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from .seat_name import SeatNameError, check_name

log = logging.getLogger("debrief.serve")


def is_local(host: str) -> bool:
    """Whether binding ``host`` serves this machine only (loopback)."""
    if host.strip().lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def browser_url(host: str, port: int) -> str:
    """The address to give people: every-address binds (``0.0.0.0``, ``::``) are shown
    with this machine's name, since nobody can browse to ``0.0.0.0``."""
    if host.strip("[]") in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"


def seat_command(db: Path, name: str | None) -> str:
    """The shell command that opens one tab's app (``debrief --db DB seat [--as NAME]``)."""
    words = [sys.executable, "-m", "tui.cli", "--db", str(db), "seat"]
    if name:
        words += ["--as", name]
    return " ".join(shlex.quote(word) for word in words)


def name_from_query(query_string: str) -> str | None:
    """The ``seat`` (hex of the UTF-8 name) of a websocket URL, or None when absent or unusable.

    textual.js appends ``?width=…&height=…`` to the URL it is given, so a second ``?``
    separates parameters as well as ``&`` does."""
    values = parse_qs(query_string.replace("?", "&")).get("seat")
    try:
        return check_name(bytes.fromhex(values[0]).decode("utf-8")) if values else None
    except (ValueError, SeatNameError):
        return None


def size_from_query(query_string: str) -> tuple[int, int]:
    """The terminal width and height the page asked for (80x24 when absent)."""
    params = parse_qs(query_string.replace("?", "&"))
    return (to_int(params.get("width", ["80"])[0], 80), to_int(params.get("height", ["24"])[0], 24))


class SeatServer(Server):
    """textual-serve's server for debrief: a tab's ``?as=NAME`` becomes its app's ``--as NAME``."""

    def __init__(self, db: Path, host: str, port: int) -> None:
        super().__init__(seat_command(db, None), host=host, port=port, title="debrief")
        self.db = db

    def initialize_logging(self) -> None:
        """Warnings and errors only (no line per request)."""
        logging.basicConfig(level=logging.DEBUG if self.debug else logging.WARNING, format="debrief serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Say where to point a browser."""
        url = browser_url(self.host, self.port)
        print(
            f"Serving {self.db} on {url}\n"
            f"Each browser tab runs its own debrief; {url}?as=NAME skips the name prompt.\n"
            "Press Ctrl+C to stop.",
            flush=True,
        )

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, with the tab's name (``?as=``) carried into its websocket URL."""
        scheme = "wss" if request.secure else "ws"
        socket = f"{scheme}://{request.host}/ws"
        try:
            name = check_name(request.query["as"]) if "as" in request.query else None
        except SeatNameError:
            name = None
        if name:
            socket += "?seat=" + name.encode("utf-8").hex()
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": socket,
            "config": {"static": {"url": "/static/"}},
            "application": {"name": f"debrief · {name}" if name else "debrief"},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: start its own app process (with its name) and relay until it closes."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width, height = size_from_query(request.query_string)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(
                seat_command(self.db, name_from_query(request.query_string)),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            await self._relay(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if service is not None:
                await service.stop()
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, service: AppService) -> None:
        """Pass the browser's keys, size, pings and focus to the tab's process."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            envelope = message.json()
            kind, data = (envelope[0], envelope[1] if len(envelope) > 1 else None) if envelope else ("", None)
            if kind == "stdin":
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize":
                await service.set_terminal_size(data["width"], data["height"])
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()
