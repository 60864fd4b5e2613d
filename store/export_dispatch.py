"""One store method for every export, used by the command line
(``debrief export …``, ``debrief report``) and the app's export dialog:
:meth:`ExportMixin.export` picks the document and format and returns the text;
:meth:`ExportMixin.export_to` also writes it to a file in one step."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .base import StoreBase
from .errors import InvalidInputError
from .export_timeline import check_timeline

#: What can be exported, and in which formats.
FORMATS: dict[str, tuple[str, ...]] = {
    "postmortem": ("md", "html", "json"),
    "incident": ("md", "json"),
    "actions": ("csv", "json"),
    "report": ("md", "html"),
}
#: A file's extension → the format it implies (the export dialog).
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".csv": "csv"}


@dataclass(frozen=True)
class ExportOptions:
    """How a document is exported: which timeline rows, and (HTML review copy) margin notes."""

    timeline: str = "all"
    notes: list[Any] | None = field(default=None)


def format_for(path: Path, what: str = "postmortem") -> str:
    """The format a file name asks for (``.html`` → html); Markdown when unknown."""
    fmt = EXTENSIONS.get(path.suffix.lower(), FORMATS[what][0])
    if fmt not in FORMATS[what]:
        raise InvalidInputError(
            f"A {what} cannot be exported as {path.suffix}; use {', '.join('.' + f for f in FORMATS[what])}."
        )
    return fmt


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, default=str, ensure_ascii=False) + "\n"


class ExportMixin(StoreBase):
    """Exports of postmortems, incidents, action items and the monthly report."""

    def export(self, what: str, ref: Any, fmt: str, options: ExportOptions | None = None) -> str:
        """The document ``what`` (``postmortem``, ``incident``, ``actions``, ``report``)
        named ``ref`` (a key, or the month's first day for a report) as ``fmt`` text."""
        options = options or ExportOptions()
        if what not in FORMATS:
            raise InvalidInputError(f"{what!r} cannot be exported; use {', '.join(FORMATS)}.")
        if fmt not in FORMATS[what]:
            raise InvalidInputError(f"format {fmt!r} is not offered for a {what}; use {', '.join(FORMATS[what])}.")
        timeline = check_timeline(options.timeline)
        return getattr(self, f"_export_{what}")(ref, fmt, timeline, options)

    def export_to(
        self, path: str | Path, what: str, ref: Any, fmt: str | None = None, options: ExportOptions | None = None
    ) -> Path:
        """Write the export to ``path`` (format from its extension unless given); the
        file is replaced only once the whole text exists. Returns the absolute path."""
        path = Path(path).expanduser()
        text = self.export(what, ref, fmt or format_for(path, what), options)
        partial = path.with_name(f".{path.name}.partial")
        try:
            partial.write_text(text, encoding="utf-8")
            partial.replace(path)
        except OSError as exc:
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass  # the folder itself is missing or not a folder: nothing was written
            raise InvalidInputError(f"Cannot write {path}: {exc.strerror or exc}.") from None
        return path.resolve()

    def _export_postmortem(self, ref: Any, fmt: str, timeline: str, options: ExportOptions) -> str:
        from .export_postmortem import document_title, gather, markdown_from_parts, postmortem_json, postmortem_parts

        if fmt == "json":
            return _json(postmortem_json(self, ref, timeline))
        data = gather(self, ref, timeline)
        parts = postmortem_parts(data)
        if fmt == "md":
            return markdown_from_parts(document_title(data), parts)
        from .export_html import postmortem_html

        pm, incident = data["postmortem"], data["incident"]
        subtitle = f"{pm.key} · {incident.key} · {incident.severity} · {pm.status.replace('_', ' ')}"
        return postmortem_html(document_title(data), subtitle, parts, options.notes)

    def _export_incident(self, ref: Any, fmt: str, timeline: str, options: ExportOptions) -> str:
        from .export_incident import incident_json, incident_markdown

        return _json(incident_json(self, ref)) if fmt == "json" else incident_markdown(self, ref, timeline)

    def _export_actions(self, ref: Any, fmt: str, timeline: str, options: ExportOptions) -> str:
        from .export_actions import actions_csv, actions_json

        return _json(actions_json(self)) if fmt == "json" else actions_csv(self)

    def _export_report(self, ref: Any, fmt: str, timeline: str, options: ExportOptions) -> str:
        from .report import monthly_report

        month = ref if isinstance(ref, date) else date.fromisoformat(f"{ref}-01")
        text = monthly_report(self, month)
        if fmt == "md":
            return text
        from .export_html import markdown_page

        return markdown_page(f"Ops review {month:%B %Y}", text)
