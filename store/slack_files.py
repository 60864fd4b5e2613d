"""The files of a Slack workspace export, read from its folder or its zip.

An export holds ``users.json`` and ``channels.json`` at its top (sometimes inside
one folder, when someone zipped the folder) and a folder per channel of
per-day files ``YYYY-MM-DD.json``. Every problem is a :class:`SlackExportError`
naming the file, so a malformed export is refused whole.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import InvalidInputError

DAY_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
#: A larger JSON file in an export is not a chat day; refuse rather than fill memory.
MAX_FILE_BYTES = 256 * 1024 * 1024


class SlackExportError(InvalidInputError):
    """The export is malformed; the message names the file (and field) and says
    that nothing was imported."""

    def __init__(self, file: str, problem: str) -> None:
        joint = " " if problem.startswith(("is ", "holds ", "cannot ")) else ": "
        super().__init__(f"{file}{joint}{problem}; nothing was imported.")


class ExportFiles:
    """Read access to an export, a folder or a ``.zip``, by paths relative to its top."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        if not self.path.exists():
            raise InvalidInputError(f"EXPORT {self.path} does not exist; give the export's folder or its .zip.")
        self._zip: zipfile.ZipFile | None = None
        if self.path.is_dir():
            names = [p.relative_to(self.path).as_posix() for p in self.path.rglob("*.json") if p.is_file()]
        else:
            names = self._open_zip()
        self._prefix = _top_folder(names)
        self.names = [n[len(self._prefix) :] for n in names if n.startswith(self._prefix)]

    def _open_zip(self) -> list[str]:
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InvalidInputError(
                f"EXPORT {self.path} is neither a folder nor a readable zip file ({exc}); "
                "give the Slack export's folder or its .zip."
            ) from None
        return [i.filename for i in self._zip.infolist() if not i.is_dir() and i.filename.endswith(".json")]

    def close(self) -> None:
        """Close the zip file, if one is open."""
        if self._zip is not None:
            self._zip.close()

    def day_files(self, folder: str) -> list[str]:
        """The per-day files of a channel's folder, oldest first (other files are not chat days)."""
        return sorted(
            n
            for n in self.names
            if PurePosixPath(n).parent.as_posix() == folder and DAY_FILE.match(PurePosixPath(n).name)
        )

    def has(self, name: str) -> bool:
        """Whether the export holds ``name``."""
        return name in self.names

    def read_json(self, name: str) -> Any:
        """The parsed content of ``name``."""
        data = self._read_bytes(name)
        try:
            return json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise SlackExportError(name, "is not UTF-8 text") from None
        except json.JSONDecodeError as exc:
            raise SlackExportError(
                name, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None

    def _read_bytes(self, name: str) -> bytes:
        full = self._prefix + name
        try:
            if self._zip is not None:
                if self._zip.getinfo(full).file_size > MAX_FILE_BYTES:
                    raise SlackExportError(name, f"is larger than {MAX_FILE_BYTES // 2**20} MiB")
                return self._zip.read(full)
            path = self.path / full
            if path.stat().st_size > MAX_FILE_BYTES:
                raise SlackExportError(name, f"is larger than {MAX_FILE_BYTES // 2**20} MiB")
            return path.read_bytes()
        except (OSError, zipfile.BadZipFile, KeyError) as exc:
            raise SlackExportError(name, f"cannot be read ({exc})") from None


def _top_folder(names: list[str]) -> str:
    """``"export/"`` when the export's files sit in one folder inside the zip, else ``""``."""
    if "users.json" in names or "channels.json" in names:
        return ""
    tops = {n.split("/", 1)[0] for n in names if "/" in n}
    for top in sorted(tops):
        if f"{top}/users.json" in names or f"{top}/channels.json" in names:
            return f"{top}/"
    return ""
