"""Speed of the hints where people feel it (run: pytest tests/benchmarks -s).

(a) The editor: a one-character edit in a 500-word section re-linted through
the paragraph cache (what the editor does on a keystroke; must stay under
10 ms), and the same section linted cold, against one pass of a compiled
union of every trigger over it. Measured on real prose (500 words of a
published postmortem from the corpus) and on a generated worst case where
every sentence holds a trigger.
(b) The command line: ``debrief lint`` of a 5,000-word postmortem against
``debrief --version`` (interpreter, imports and click), medians of a few
runs in one session; the target is 1.5x.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from tui.hints import Config, Linter

from .test_bench_hints import postmortem

DEBRIEF = Path(sys.executable).with_name("debrief")


def _best(func, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _generated(words: int = 500) -> str:
    body = postmortem(words, seed=3).split("\n", 1)[1]
    return body.replace("## ", "")


def _real(words: int = 500) -> str:
    folder = Path(__file__).parents[1] / "hints" / "corpus" / "clean" / "docs"
    text = (folder / "rust-cargo-postmortem.md").read_text(encoding="utf-8").split("---", 2)[2]
    paragraphs, count = [], 0
    for paragraph in text.split("\n\n"):
        if count >= words:
            break
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def _edit_and_cold(text: str, model: bool = False) -> tuple[float, float, float]:
    middle = text.rindex("\n\n", 0, len(text) // 2) + 2
    edited = text[:middle] + "X" + text[middle:]
    linter = Linter(Config(model=model))
    linter.lint(text, "Root Cause")
    cached = _best(
        lambda: linter.lint(edited, "Root Cause") and None or linter.cache.pop(next(reversed(linter.cache))), repeat=7
    )
    cold = _best(lambda: Linter(linter.config, rules=linter.rules).lint(edited, "Root Cause"))
    gate = linter.gate
    floor = _best(lambda: sum(1 for _ in gate.finditer(edited)))
    return cached, cold, floor


def test_a_500_word_section_edit_lints_under_10_ms():
    for name, text in (("real", _real()), ("generated worst case", _generated())):
        cached, cold, floor = _edit_and_cold(text)
        print(
            f"\n500-word section, {name} ({len(text.split())} words): edit re-lint "
            f"{cached * 1000:.2f} ms, cold lint {cold * 1000:.2f} ms, one pass of the union of "
            f"all triggers {floor * 1000:.2f} ms (ratios {cached / floor:.2f}x and {cold / floor:.2f}x)"
        )
        assert cached < 0.010


def test_a_500_word_section_edit_with_the_model_lints_under_10_ms():
    """The same edit with ``model: true``, against the rules alone in this run."""
    for name, text in (("real", _real()), ("generated worst case", _generated())):
        rules_only, _, _ = _edit_and_cold(text)
        cached, cold, _ = _edit_and_cold(text, model=True)
        print(
            f"\n500-word section with the n-gram model, {name}: edit re-lint "
            f"{cached * 1000:.2f} ms (rules alone {rules_only * 1000:.2f} ms, ratio "
            f"{cached / rules_only:.2f}x), cold lint {cold * 1000:.2f} ms"
        )
        assert cached < 0.010


def _median_run(args: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_debrief_lint_of_5000_words_against_version(tmp_path):
    path = tmp_path / "pm.md"
    path.write_text(postmortem(5_000, seed=11), encoding="utf-8")
    command = [str(DEBRIEF)] if DEBRIEF.exists() else [sys.executable, "-m", "tui.cli"]
    version = _median_run([*command, "--version"])
    lint = _median_run([*command, "lint", "--format", "line", str(path)])
    ratio = lint / version
    print(
        f"\ndebrief lint, 5,000 words: {lint * 1000:.0f} ms; debrief --version "
        f"{version * 1000:.0f} ms; ratio {ratio:.2f}x (target 1.5x)"
    )
    assert ratio < 1.5
