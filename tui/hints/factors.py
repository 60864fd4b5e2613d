"""Required literal factors of a trigger regex, computed when the rules are
built: a set of lower-case strings one of which occurs in every match. The
linter runs a rule on a sentence only when one of its factors is in the
sentence (a few ``in`` tests instead of a regex scan at every position), so
long real texts stay fast. ``None`` means no such set was found: the rule
always runs. Uses the standard library's regex parser (``re._parser``)."""

from __future__ import annotations

import re
from re import _constants as C
from re import _parser as sre_parse

MIN_FACTOR = 3
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


COMMON = frozenset(
    """
the and that our all had have has did was were are not for you they who why will
more must need made just only cause should could would without
""".split()
)
"""Words in most sentences: a factor set made of them filters little."""


def _cost(factors: set[str]) -> float:
    """How often a set of factors is expected to let a sentence through."""
    return sum(8.0 if f in COMMON or len(f) <= 3 else 2.0 if len(f) <= 4 else 1.0 for f in factors)


def _better(current: set[str] | None, other: set[str] | None) -> set[str] | None:
    if other is None:
        return current
    if current is None:
        return other
    return min(current, other, key=lambda s: (_cost(s), len(s)))


def _sequence(items) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []
    for op, value in list(items) + [(None, None)]:
        if op is C.LITERAL:
            run.append(chr(value).lower())
            continue
        if len(run) >= MIN_FACTOR:
            best = _better(best, {"".join(run)})
        run = []
        if op is not None:
            best = _better(best, _node(op, value))
    return best


def _node(op, value) -> set[str] | None:
    if op is C.SUBPATTERN:
        return _sequence(value[-1])
    if op is C.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            sub = _sequence(branch)
            if sub is None:
                return None
            found |= sub
        return found
    if op in REPEATS and value[0] >= 1:
        return _sequence(value[2])
    return None


def required_factors(pattern: str) -> list[str] | None:
    """Sorted factors of ``pattern`` (one is in every match), or None."""
    try:
        found = _sequence(sre_parse.parse(pattern, re.IGNORECASE))
    except Exception:
        return None
    return sorted(found) if found else None


class FactorIndex:
    """Finds which rules can match a sentence: every factor is indexed by
    its first three letters, so a sentence costs one dict look-up per
    character plus a ``startswith`` per candidate."""

    def __init__(self, rules) -> None:
        self.always = frozenset(rule.id for rule in rules if rule.factors is None)
        self.index: dict[str, list[tuple[str, frozenset[str]]]] = {}
        owners: dict[str, set[str]] = {}
        for rule in rules:
            for factor in rule.factors or ():
                owners.setdefault(factor, set()).add(rule.id)
        for factor, ids in owners.items():
            self.index.setdefault(factor[:MIN_FACTOR], []).append((factor, frozenset(ids)))

    def candidates(self, low: str) -> set[str]:
        """Ids of the rules one of whose factors occurs in ``low``."""
        found = set(self.always)
        index, get = self.index, self.index.get
        if not index:
            return found
        for i in range(len(low) - MIN_FACTOR + 1):
            bucket = get(low[i : i + MIN_FACTOR])
            if bucket:
                for factor, ids in bucket:
                    if low.startswith(factor, i):
                        found |= ids
        return found
