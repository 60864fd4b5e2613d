"""Pydantic validation errors as plain sentences: which item, which field, what is accepted."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

ACCEPTED = {
    "status": "proposed, in_progress, completed or abandoned",
    "stage": "plan, do, check or act",
    "decision": "standardize, iterate or abandon",
    "id": "a key like IMP-001",
}


def field_name(loc: tuple) -> str:
    """``('before', 'value')`` → ``before.value``; list positions as ``history[2]``."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part + 1}]"] if parts else [f"[{part + 1}]"]
        elif part not in ("function-before[as_source_list(), list[str]]",):
            parts.append(str(part))
    return ".".join(parts) or "the file"


def item_label(data: Any, index: int) -> str:
    """``Item 2 (IMP-002)`` — the id as written, when there is one."""
    items = data.get("improvements") if isinstance(data, dict) else None
    raw = items[index] if isinstance(items, list) and index < len(items) else None
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"Item {index + 1} ({ident})" if isinstance(ident, str) and ident.strip() else f"Item {index + 1}"


def shown(value: Any) -> str:
    """The value as the file's author wrote it: ``'done'``, ``2``, ``empty``, ``a list``, ``a mapping``."""
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def explain(error: dict, field: str) -> str:
    """One error in plain words."""
    kind, value = error["type"], error.get("input")
    last = field.rsplit(".", 1)[-1].split("[")[0]
    shown_value = shown(value)
    if field == "the item":
        return f"is {shown_value}; each item must be a mapping with id, title and status."
    if kind == "missing":
        return f"{field} is missing."
    if kind in ("literal_error", "enum"):
        return f"{field} is {shown_value}; use {ACCEPTED.get(last, error.get('ctx', {}).get('expected', 'an accepted value'))}."
    if kind == "string_pattern_mismatch":
        return f"{field} is {shown_value}; use {ACCEPTED.get(last, 'the documented form')}."
    if kind.startswith(("float", "int")):
        whole = "a whole number" if kind.startswith("int") else "a number such as 7 or 2.5"
        return f"{field} is {shown_value}; it must be {whole}."
    if kind == "string_type":
        want = f"use {ACCEPTED[last]}" if last == "id" else "it must be text"
        return f"{field} is {shown_value}; {want}."
    if kind == "string_too_short":
        return f"{field} is empty; write something."
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        what = "a mapping with metric and value" if last in ("before", "after") else "a mapping"
        return f"{field} is {shown_value}; it must be {what}."
    if kind == "list_type":
        example = " of items (- id: IMP-001 …)" if field == "improvements" else ""
        return f"{field} is {shown_value}; it must be a list{example}."
    if kind == "greater_than_equal":
        return f"{field} is {shown_value}; it must be 1 or more."
    if kind.startswith("datetime"):
        return f"{field} is {shown_value}; it must be a UTC time like 2025-11-27T14:05:00Z."
    message = error.get("msg", "is not accepted").removeprefix("Value error, ")
    return f"{field} {message}."


def describe_errors(exc: ValidationError, data: Any) -> list[str]:
    """Every validation error, by item and field, in file order."""
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        if len(loc) >= 2 and loc[0] == "improvements" and isinstance(loc[1], int):
            label, field = item_label(data, loc[1]), field_name(loc[2:]) if loc[2:] else "the item"
            text = explain(error, field)
            problems.append(f"{label} {text}" if field == "the item" else f"{label}: {text}")
        else:
            text = explain(error, field_name(loc))
            problems.append(text[:1].upper() + text[1:])
    return problems
