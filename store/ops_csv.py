"""CSV import of deployments, alert samples and toil entries.

A file is imported whole or not at all: every row is checked first, and if any
is bad the import is refused with every bad row listed by row number (the
header is row 1) and field. Good files are written in one transaction.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InvalidInputError, NotFoundError, StoreError
from .ops import check_alerts, check_past, check_text, check_time, check_toil, check_week

if TYPE_CHECKING:
    from .store import Store

#: kind → (required columns, optional columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "deployments": (("service", "deployed_at"), ("failed", "caused", "version")),
    "alerts": (("week", "total", "actionable"), ("source",)),
    "toil": (("person", "week", "toil_minutes", "working_minutes"), ("category",)),
}
ALIASES = {"at": "deployed_at", "time": "deployed_at", "caused_by": "caused", "incident": "caused"}
TRUE, FALSE = ("1", "true", "yes", "y", "failed"), ("", "0", "false", "no", "n")


class CsvImportError(InvalidInputError):
    """The file was refused; ``problems`` lists each bad row and field."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        rows = len({p.split(",")[0] for p in problems})
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(
            f"{name} was not imported ({rows} bad row{'s' if rows != 1 else ''}; nothing was written):\n{lines}"
        )


def column_name(header: str) -> str:
    """``Toil Minutes`` / ``toil-minutes`` → ``toil_minutes``."""
    name = header.strip().lower().replace("-", "_").replace(" ", "_")
    return ALIASES.get(name, name)


def check_failed(value: Any) -> bool:
    """yes/no, true/false, 1/0 (empty is no)."""
    text = str(value or "").strip().lower()
    if text in TRUE or text in FALSE:
        return text in TRUE
    raise InvalidInputError(f"failed {value!r} is not accepted; use yes or no (or true/false, 1/0).")


def read_rows(kind: str, text: str, name: str) -> list[tuple[int, dict[str, str]]]:
    """The data rows with their row numbers; refuses a header without the needed columns."""
    reader = csv.reader(io.StringIO(text))
    header = [column_name(h) for h in next(reader, [])]
    required, optional = COLUMNS[kind]
    missing = [c for c in required if c not in header]
    if missing:
        raise InvalidInputError(
            f"{name} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; {kind} files start with "
            f"the header {','.join(required + optional)} ({', '.join(optional)} optional); nothing was written."
        )
    rows = []
    for number, cells in enumerate(reader, start=2):
        if any(cell.strip() for cell in cells):
            rows.append((number, dict(zip(header, cells, strict=False))))
    return rows


def check_row(store: Store, kind: str, row: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The row's values ready to record, and a problem per bad field."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for field, check in CHECKS[kind]:
        try:
            values[field] = check(store, row)
        except StoreError as exc:
            problems.append(f"{field}: {exc}")
    return values, problems


def check_caused(store: Store, row: dict[str, str]) -> list[int]:
    """Incident keys separated by spaces or semicolons; each must exist."""
    ids = []
    for ref in (row.get("caused") or "").replace(";", " ").replace(",", " ").split():
        try:
            ids.append(store.get_incident(ref).id)
        except NotFoundError:
            raise InvalidInputError(
                f"caused {ref!r} names no incident; use the key of an existing one, such as INC-0013."
            ) from None
    return ids


Check = Callable[["Store", dict[str, str]], Any]
CHECKS: dict[str, tuple[tuple[str, Check], ...]] = {
    "deployments": (
        ("service", lambda s, r: check_text("service", r.get("service"))),
        (
            "deployed_at",
            lambda s, r: check_past("deployed_at", check_time("deployed_at", r.get("deployed_at", "")), s.now()),
        ),
        ("failed", lambda s, r: check_failed(r.get("failed"))),
        ("caused", check_caused),
        ("version", lambda s, r: check_text("version", r.get("version"), required=False)),
    ),
    "alerts": (
        ("week", lambda s, r: check_week("week", r.get("week", ""))),
        ("total/actionable", lambda s, r: check_alerts(r.get("total", ""), r.get("actionable", ""))),
        ("source", lambda s, r: check_text("source", r.get("source"), required=False)),
    ),
    "toil": (
        ("person", lambda s, r: check_text("person", r.get("person"))),
        ("week", lambda s, r: check_week("week", r.get("week", ""))),
        ("toil/working minutes", lambda s, r: check_toil(r.get("toil_minutes", ""), r.get("working_minutes", ""))),
        ("category", lambda s, r: check_text("category", r.get("category"), required=False)),
    ),
}


def record(store: Store, kind: str, v: dict[str, Any]) -> None:
    """Write one checked row."""
    if kind == "deployments":
        store.record_deployment(v["service"], v["deployed_at"], v["failed"], v["caused"], v["version"], source="import")
    elif kind == "alerts":
        store.record_alerts(v["week"], *v["total/actionable"], source=v["source"])
    else:
        store.record_toil(v["person"], v["week"], *v["toil/working minutes"], category=v["category"])


#: What a second row for the same week would repeat (a later record replaces an earlier one).
DUPLICATE_WHAT = {"alerts": "for this source", "toil": "for this person and category"}


def same_week_key(kind: str, values: dict[str, Any]) -> tuple | None:
    """The week and source (alerts) or week, person and category (toil) a row records; None for deployments."""
    if kind == "alerts":
        return (values["week"].isoformat(), values["source"])
    if kind == "toil":
        return (values["week"].isoformat(), values["person"], values["category"])
    return None


def import_text(store: Store, kind: str, text: str, name: str = "the file") -> int:
    """Check every row, then write them all in one transaction; return how many."""
    if kind not in COLUMNS:
        raise InvalidInputError(f"{kind!r} cannot be imported; use one of {', '.join(COLUMNS)}.")
    checked, problems, seen = [], [], {}
    for number, row in read_rows(kind, text, name):
        values, bad = check_row(store, kind, row)
        key = same_week_key(kind, values) if not bad else None
        if key is not None and key in seen:
            bad = [
                f"week: the week of {key[0]} {DUPLICATE_WHAT[kind]} is already in row {seen[key]}; "
                "keep one row per week."
            ]
        seen.setdefault(key, number)
        problems += [f"row {number}, {p}" for p in bad]
        checked.append(values)
    if problems:
        raise CsvImportError(name, problems)
    with store.db.write():
        for values in checked:
            record(store, kind, values)
    return len(checked)


def import_file(store: Store, kind: str, path: str | Path) -> int:
    """Import a CSV file (UTF-8, a header row first)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidInputError(
            f"{path} cannot be read: {(exc.strerror or str(exc)).lower()}; give the path of a CSV file."
        ) from None
    except UnicodeDecodeError:
        raise InvalidInputError(f"{path} is not UTF-8 text; save the CSV file as UTF-8.") from None
    return import_text(store, kind, text, path.name)
