"""``debrief lint``: blameless-language hints for postmortem files, for
people (``text``), editors and CI (``line``, ``json``).

Exit status: 0 when no warning remains, 1 when one does, 2 on bad usage,
an unreadable file or a malformed config.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tui.hints import LEVELS, ConfigError, Hint, Linter, load_config

STDIN = "<stdin>"
WIDTH = 100


class LintError(click.ClickException):
    """A usage or input problem: one sentence on stderr, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"debrief lint: {self.message}", err=True)


def read_source(path: str) -> str:
    """The text of a file (or stdin for ``-``), line endings kept."""
    try:
        if path == "-":
            return _stdin()
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise LintError(f"{_name(path)} is not UTF-8 text.") from None
    except OSError as exc:
        raise LintError(f"cannot read {path}: {exc.strerror or exc}.") from None


def _stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)
    return stream.read().decode("utf-8-sig") if stream is not None else sys.stdin.read()


def expand(paths: tuple[str, ...]) -> list[str]:
    """Paths to lint: files as given, ``-``, and the Markdown files in folders."""
    result: list[str] = []
    for path in paths:
        if path != "-" and Path(path).is_dir():
            result.extend(str(p) for p in sorted(Path(path).rglob("*.md")))
        else:
            result.append(path)
    return result


def _name(path: str) -> str:
    return STDIN if path == "-" else path


def line_of(text: str, hint: Hint) -> tuple[str, int]:
    """The hint's line (without its ending) and the span's column offset."""
    start = hint.start - (hint.column - 1)
    end = len(text)
    for stop in ("\r", "\n"):
        found = text.find(stop, start)
        end = min(end, found) if found >= 0 else end
    return text[start:end].replace("\t", " "), hint.column - 1


def _clip(line: str, col: int, width: int) -> tuple[str, int]:
    if len(line) <= WIDTH:
        return line, col
    left = max(0, min(col - 20, len(line) - WIDTH))
    prefix = "…" if left else ""
    body = line[left : left + WIDTH]
    suffix = "…" if left + WIDTH < len(line) else ""
    return prefix + body + suffix, col - left + len(prefix)


def format_text(name: str, text: str, hint: Hint) -> str:
    """A hint for people: location, the line, the span marked, a rewrite."""
    line, col = line_of(text, hint)
    width = max(1, min(len(hint.text), len(line) - col))
    line, col = _clip(line, col, width)
    parts = [
        f"{name}:{hint.line}:{hint.column}: {hint.level} {hint.rule} ({hint.category})",
        f"    {line}",
        f"    {' ' * col}{'^' * width}",
        f"  {hint.message}",
    ]
    parts.extend(f"  try: {suggestion}" for suggestion in hint.suggestions[:2])
    return "\n".join(parts)


def format_line(name: str, hint: Hint) -> str:
    """``path:line:col: level rule: message``."""
    return f"{name}:{hint.line}:{hint.column}: {hint.level} {hint.rule}: {hint.message}"


def as_json(name: str, hint: Hint) -> dict:
    """The JSON object for one hint."""
    data = hint.to_dict()
    keys = ("line", "column", "start", "end", "rule", "category", "level", "text", "message", "suggestions")
    return {"path": name, **{key: data[key] for key in keys}}


def summary(counts: dict[str, int], files: int) -> str:
    """One closing line for the text format."""
    total = sum(counts.values())
    if not total:
        return f"No hints in {_plural(files, 'file')}."
    detail = ", ".join(_plural(counts[level], level) for level in reversed(LEVELS) if counts[level])
    return f"{_plural(total, 'hint')} ({detail}) in {_plural(files, 'file')}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _config(path: Path | None):
    try:
        return load_config(path)
    except ConfigError as exc:
        raise LintError(f"{exc}.".replace("..", ".")) from None


@click.command("lint")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "line", "json"]),
    default="text",
    show_default=True,
    help="text for people, line for editors, json for tools.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Settings file (default: the nearest .blameless.yml).",
)
@click.option(
    "--min-level", type=click.Choice(LEVELS), default="info", show_default=True, help="Hide hints below this level."
)
@click.argument("paths", nargs=-1, required=True)
def lint(fmt: str, config_path: Path | None, min_level: str, paths: tuple[str, ...]) -> None:
    """Point out blameful wording in postmortems (PATH... or - for stdin).

    Exits 1 when a warning remains, so it can gate a postmortem repository.
    """
    linter, floor = Linter(_config(config_path)), LEVELS.index(min_level)
    sources = [(_name(p), read_source(p)) for p in expand(paths)]
    counts, records = dict.fromkeys(LEVELS, 0), []
    for name, text in sources:
        for hint in linter.lint(text):
            if LEVELS.index(hint.level) >= floor:
                counts[hint.level] += 1
                records.append((name, text, hint))
    _emit(fmt, records, counts, len(sources))
    raise SystemExit(1 if counts["warning"] else 0)


def _emit(fmt: str, records: list, counts: dict[str, int], files: int) -> None:
    if fmt == "json":
        click.echo(json.dumps([as_json(n, h) for n, _, h in records], indent=2, ensure_ascii=False))
    elif fmt == "line":
        for name, _, hint in records:
            click.echo(format_line(name, hint))
    else:
        for name, text, hint in records:
            click.echo(format_text(name, text, hint) + "\n")
        click.echo(summary(counts, files))
