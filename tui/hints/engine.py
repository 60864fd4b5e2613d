"""The linter: splits a postmortem into blocks, checks each prose paragraph
(through a cache, so an edit re-checks only the paragraph it touched),
applies suppression comments and the config, and places hints by line and
column."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property

from .checks import RawHit, check_paragraph, prefilter
from .config import Config
from .factors import FactorIndex
from .model import CATEGORIES, Hint, Rule, load_rules
from .ngram import load_model
from .text import Block, mask, scan, sentences

CONTRIBUTING = re.compile(
    r"\bcontribut(?:ing|ory)\s+(?:factors?|causes?|conditions?)|\bcontributors\b|\balso\s+contributed\b"
    r"|\b(?:several|multiple|many)\s+(?:contributing\s+)?(?:causes|factors)\b",
    re.IGNORECASE,
)
"""A text that names contributing factors is not framed around a single cause."""


class _Suppressions:
    """Tracks ``<!-- blameless ignore|disable|enable RULE -->`` comments."""

    def __init__(self) -> None:
        self.disabled: set[str] = set()
        self.ignored: set[str] = set()

    def apply(self, action: str, targets: tuple[str, ...]) -> None:
        if action == "ignore":
            self.ignored.update(targets)
        elif action == "disable":
            self.disabled.update(targets)
        elif "all" in targets:
            self.disabled.clear()
        else:
            self.disabled.difference_update(targets)

    def allows(self, rule: Rule) -> bool:
        names = {rule.id, rule.category, "all"}
        return not (names & self.disabled or names & self.ignored)


class _Lines:
    """Maps character offsets to 1-based line and column (LF or CRLF)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r(?!\n)", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


class Linter:
    """Lints postmortem text with a per-paragraph cache.

    ``checked`` counts paragraphs actually checked (cache misses), so
    callers and tests can see that an edit re-checked one paragraph. A
    Linter is not thread-safe: use one per thread (or per editor).
    """

    def __init__(
        self, config: Config | None = None, rules: tuple[Rule, ...] | None = None, cache_size: int = 4096
    ) -> None:
        self.config = config or Config()
        self.rules = rules or load_rules()
        self.by_id = {rule.id: rule for rule in self.rules}
        if self.config.model:
            self.by_id.update((rule.id, rule) for rule in model_rules(self.rules))
        self.cache: OrderedDict[tuple[str, str], list[RawHit]] = OrderedDict()
        self.cache_size = cache_size
        self.checked = 0

    @cached_property
    def index(self) -> FactorIndex:
        """Which rules can match a sentence (see factors.py)."""
        return FactorIndex(self.rules)

    @cached_property
    def gate(self) -> re.Pattern[str]:
        """Every rule's trigger in one alternation (a benchmark baseline; the
        checks do not use it: on real text it costs as much as the rules)."""
        return prefilter(self.rules)

    def _paragraph(self, text: str, section: str) -> list[RawHit]:
        key = (text, section)
        if key in self.cache:
            self.cache.move_to_end(key)
            return self.cache[key]
        self.checked += 1
        model = load_model() if self.config.model else None
        hits = check_paragraph(text, section, self.rules, self.config.words, self.index, model)
        self.cache[key] = hits
        if len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)
        return hits

    def _hint(self, raw: RawHit, offset: int, text: str, lines: _Lines) -> Hint | None:
        rule = self.by_id[raw.rule]
        level = self.config.level_for(rule.id, rule.category, raw.level)
        if level is None:
            return None
        start, end = offset + raw.start, offset + raw.end
        line, column = lines.position(start)
        return Hint(
            rule.id,
            rule.category,
            level,
            start,
            end,
            line,
            column,
            text[start:end],
            raw.note or rule.message,
            tuple(rule.suggestions),
            rule.why,
        )

    def _block_hints(
        self, block: Block, text: str, lines: _Lines, state: _Suppressions, dismissed: frozenset[str]
    ) -> list[Hint]:
        found, paragraph = [], text[block.start : block.end]
        for raw in self._paragraph(paragraph, block.section):
            if not state.allows(self.by_id[raw.rule]):
                continue
            if dismissed and _key(raw.rule, sentence_in(paragraph, raw.start)) in dismissed:
                continue
            hint = self._hint(raw, block.start, text, lines)
            if hint is not None:
                found.append(hint)
        return found

    def lint(self, text: str, section: str | None = None, dismissed: Iterable[str] = ()) -> list[Hint]:
        """Hints for a text, in order. ``section`` names the section the
        text belongs to when linted alone (e.g. "Action Items");
        ``dismissed`` holds fingerprints the writer dismissed."""
        lines, state, hints = _Lines(text), _Suppressions(), []
        skip = frozenset(dismissed)
        for block in scan(text, section):
            if block.directive is not None:
                state.apply(*block.directive)
                continue
            if block.kind == "prose":
                hints.extend(self._block_hints(block, text, lines, state, skip))
            if block.kind != "comment":
                state.ignored.clear()
        return self._once(hints, text)

    def _once(self, hints: list[Hint], text: str) -> list[Hint]:
        """Rules marked ``once`` (single-cause framing) report their first
        hit only, and none when the text also names contributing factors:
        then the framing is not single-cause."""
        seen: set[str] = set()
        several = None
        kept = []
        for hint in hints:
            if self.by_id[hint.rule].once:
                if several is None:
                    several = CONTRIBUTING.search(text) is not None
                if several or hint.category in seen:
                    continue
                seen.add(hint.category)
            kept.append(hint)
        return kept


MODEL_WHY = (
    "A statistical signal: a linear model trained on real postmortems and outage "
    "reports found these words far more often in blameful sentences than in clean "
    "ones. It can be wrong; keep the sentence if it describes the system."
)


def model_rules(rules: tuple[Rule, ...]) -> list[Rule]:
    """One pseudo-rule per category for the n-gram model's hints
    (``model-<category>``): the suggestions and [placeholder] template of the
    category's first rule, a reason of its own, never a warning."""
    found = []
    for category in CATEGORIES:
        base = next((r for r in rules if r.category == category and r.template), None)
        if base is not None:
            found.append(
                replace(
                    base,
                    id=f"model-{category}",
                    level="suggestion",
                    message=f"Reads like blame ({category.replace('_', ' ')}).",
                    why=MODEL_WHY,
                    pattern=r"(?!)",
                    replace=(),
                    once=False,
                    factors=(),
                    section_levels={},
                )
            )
    return found


_LINTERS: dict[str, Linter] = {}


def lint(text: str, section: str | None = None, config: Config | None = None) -> list[Hint]:
    """Lint a text. A shared cached Linter is kept per distinct config."""
    config = config or Config()
    key = config.key()
    if key not in _LINTERS:
        if len(_LINTERS) >= 16:
            _LINTERS.clear()
        _LINTERS[key] = Linter(config)
    return _LINTERS[key].lint(text, section)


def sentence_in(paragraph: str, offset: int) -> str:
    """The sentence of a paragraph around an offset into it."""
    for first, last in sentences(mask(paragraph)):
        if first <= offset < last:
            return paragraph[first:last]
    return paragraph


def normalise(sentence: str) -> str:
    """Lower-case, collapse whitespace and trim punctuation at the ends."""
    collapsed = " ".join(sentence.lower().split())
    return collapsed.strip(" \t.,;:!?\"'“”‘’()[]*_-#>`")


def _key(rule: str, sentence: str) -> str:
    digest = hashlib.sha1(normalise(sentence).encode("utf-8")).hexdigest()[:16]
    return f"{rule}:{digest}"


def fingerprint(hint: Hint, text: str) -> str:
    """A stable key for a dismissed hint: its rule plus a hash of its
    normalised sentence, so it survives edits elsewhere in the text."""
    for block in scan(text):
        if block.start <= hint.start < block.end:
            paragraph = text[block.start : block.end]
            return _key(hint.rule, sentence_in(paragraph, hint.start - block.start))
    return _key(hint.rule, hint.text)
