"""The statistical signal: a logistic regression over features a reader can
see (word unigrams and bigrams, and "a role / a name / a pronoun followed by
this word"), trained offline on the TRAINING split of the real corpus by
``python -m tui.hints.train`` and shipped as ``ngram_model.json``.

Nothing is read at import time: ``load_model()`` reads the JSON once, on the
first sentence the model is asked about (only when ``.blameless.yml`` says
``model: true``). Scoring a sentence is a dictionary look-up per feature, so
it costs microseconds. A hint from the model always carries the words that
triggered it: its span runs from the first to the last token of the features
that pushed the score up most, and its message names them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import classify

MODEL_PATH = Path(__file__).with_name("ngram_model.json")
TOKEN = re.compile(r"[A-Za-z@][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
CLASS_NAMES = {"named": "NAME", "role": "ROLE", "pronoun": "PRONOUN", "team": "TEAM"}
"""Token classes used as features (system nouns and "they" are left out:
a system as the subject is the normal, blameless case)."""
STOPWORDS = frozenset(
    """
a an the it its it's had has have having was were is are be been being that this these those
and or but of to in on at for with by from as i i'm we he she they his her their our you your
me him them us my there which who what when than then so if into about after before said says
""".split()
)
"""Words too common to explain anything alone: no unigram feature (they
still occur in bigrams, and pronouns in the class features)."""
TOP = 3
"""At most this many features make up a hint's span and message."""


def tokens(sentence: str) -> list[tuple[str, int, int]]:
    """(lower-cased word, start, end) for each word of a sentence."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in TOKEN.finditer(sentence)]


def features(sentence: str, vocabulary: frozenset[str] = frozenset()) -> dict[str, tuple[int, int]]:
    """Each feature of a sentence with the character span it covers (the
    first occurrence): ``w:word``, ``b:word word`` and ``c:CLASS word`` (a
    role, name, pronoun or team followed by a word, e.g. ``c:ROLE deleted``)."""
    words = tokens(sentence)
    found: dict[str, tuple[int, int]] = {}
    previous_raw = ""
    classes: list[str | None] = []
    for word, start, end in words:
        raw = sentence[start:end]
        classes.append(CLASS_NAMES.get(classify(raw, previous_raw, vocabulary) or ""))
        previous_raw = raw
        if word not in STOPWORDS:
            found.setdefault(f"w:{word}", (start, end))
    for index in range(1, len(words)):
        (left, start, _), (right, _, end) = words[index - 1], words[index]
        found.setdefault(f"b:{left} {right}", (start, end))
        if classes[index - 1]:
            found.setdefault(f"c:{classes[index - 1]} {right}", (start, end))
    return found


@dataclass(frozen=True)
class ModelHit:
    """A sentence the model flags: the span (offsets into the sentence), the
    category, the probability and the features that carried it."""

    start: int
    end: int
    category: str
    probability: float
    evidence: tuple[str, ...]


def describe(feature: str) -> str:
    """A feature as a reader would say it: ``"engineer deleted"``,
    ``"a role noun before 'deleted'"``."""
    kind, _, body = feature.partition(":")
    if kind == "c":
        cls, _, word = body.partition(" ")
        article = "an" if cls in ("ROLE",) else "a"
        label = {"ROLE": "role noun", "NAME": "person's name", "PRONOUN": "pronoun", "TEAM": "team"}.get(
            cls, cls.lower()
        )
        return f"{article} {label} before “{word}”"
    return f"“{body}”"


class NgramModel:
    """Weights, bias, threshold and per-feature categories (see ``train.py``)."""

    def __init__(self, data: dict) -> None:
        self.weights: dict[str, float] = data["weights"]
        self.bias: float = data["bias"]
        self.threshold: float = data["threshold"]
        self.categories: dict[str, str] = data["categories"]
        self.default_category: str = data["default_category"]

    def probability(self, feats) -> float:
        """The model's probability that a sentence with these features is blameful."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def check(self, sentence: str, vocabulary: frozenset[str] = frozenset()) -> ModelHit | None:
        """A hit when the sentence scores at or above the threshold, else None."""
        feats = features(sentence, vocabulary)
        if not feats:
            return None
        probability = self.probability(feats)
        if probability < self.threshold:
            return None
        positive = sorted(((self.weights[f], f) for f in feats if self.weights.get(f, 0.0) > 0), reverse=True)[:TOP]
        if not positive:
            return None
        evidence = tuple(f for _, f in positive)
        start = min(feats[f][0] for f in evidence)
        end = max(feats[f][1] for f in evidence)
        return ModelHit(start, end, self._category(evidence, positive), probability, evidence)

    def _category(self, evidence: tuple[str, ...], positive) -> str:
        votes: dict[str, float] = {}
        for weight, feature in positive:
            category = self.categories.get(feature)
            if category:
                votes[category] = votes.get(category, 0.0) + weight
        return max(votes, key=votes.get) if votes else self.default_category


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> NgramModel:
    """The shipped model, read once per process on first use."""
    return NgramModel(json.loads(path.read_text(encoding="utf-8")))
