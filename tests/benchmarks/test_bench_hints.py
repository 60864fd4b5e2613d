"""Speed of the hint engine (run: pytest tests/benchmarks -s).

(a) a generated 20,000-word postmortem linted whole, against one pass of a
single compiled regex (the union of every rule's trigger) over the same text; (b) a one-character edit
re-linted through the paragraph cache, against linting the whole text
uncached, counting that only the changed paragraph was re-checked.
"""

from __future__ import annotations

import random
import re
import time

from tui.hints import Linter

SENTENCES = [
    "The replica failed to catch up after the network partition.",
    "At 14:05 the on-call engineer acknowledged the page and opened the dashboard.",
    "The deploy pipeline rolled the change out to every region within four minutes.",
    "Customers would have seen errors on checkout for about eight minutes.",
    "The cache had just been flushed when the traffic spike arrived.",
    "Only 3% of requests were affected, all of them on the legacy endpoint.",
    "The Kubernetes operator restarted the pods one at a time.",
    "We should add an alert on connection pool usage.",
    "The on-call should have checked the replication lag first.",
    "The root cause was a missing index on the orders table.",
    "Dana deleted the stale volume during the cleanup.",
    "It was obvious from the logs that the pool was exhausted.",
]


def postmortem(words: int = 20_000, seed: int = 7) -> str:
    """A Markdown postmortem of about ``words`` words, deterministic."""
    rng, parts, count = random.Random(seed), ["# Generated postmortem\n"], 0
    section = 0
    while count < words:
        if rng.random() < 0.05:
            section += 1
            parts.append(f"## Section {section}\n")
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 6)))
        parts.append(paragraph + "\n")
        count += len(paragraph.split())
    return "\n".join(parts)


def _time(func, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def test_whole_text_against_one_regex_pass():
    text = postmortem()
    union = Linter().gate  # every rule's trigger in one compiled alternation
    keywords = re.compile(r"\b(?:should|could|root cause|obvious(?:ly)?|just|only)\b", re.I)
    lint_time = _time(lambda: Linter().lint(text))
    union_time = _time(lambda: sum(1 for _ in union.finditer(text)))
    keyword_time = _time(lambda: sum(1 for _ in keywords.finditer(text)))
    print(
        f"\n20,000-word postmortem ({len(text.split())} words, {len(text)} chars): "
        f"lint {lint_time * 1000:.1f} ms; one pass of the union of all triggers "
        f"{union_time * 1000:.1f} ms (ratio {lint_time / union_time:.1f}x); one pass of a "
        f"six-keyword regex {keyword_time * 1000:.2f} ms (ratio {lint_time / keyword_time:.0f}x)"
    )
    assert lint_time < 2.0
    assert lint_time / union_time < 10


def test_one_character_edit_through_the_cache():
    text = postmortem()
    middle = text.index("\n\n", len(text) // 2) + 2
    edited = text[:middle] + "X" + text[middle:]
    linter = Linter()
    linter.lint(text)
    before = linter.checked
    cached_time = _time(lambda: linter.lint(edited), repeat=1)
    assert linter.checked - before == 1  # only the changed paragraph
    uncached_time = _time(lambda: Linter().lint(edited))
    ratio = uncached_time / cached_time
    print(
        f"\none-character edit: cached {cached_time * 1000:.2f} ms, "
        f"uncached whole text {uncached_time * 1000:.1f} ms, ratio {ratio:.0f}x"
    )
    assert linter.lint(edited) == Linter().lint(edited)
    assert ratio > 3
