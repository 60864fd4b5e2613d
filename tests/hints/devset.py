"""Scoring the hint engine against the labelled development set."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tui.hints import CATEGORIES, Config, lint

DEVSET = Path(__file__).with_name("devset.yml")


def load_devset() -> list[dict]:
    """The labelled sentences of ``devset.yml``."""
    return yaml.safe_load(DEVSET.read_text(encoding="utf-8"))


def predicted(item: dict) -> set[str]:
    """Categories the engine reports for one labelled sentence."""
    config = Config(vocabulary=tuple(item["vocabulary"])) if item.get("vocabulary") else None
    return {hint.category for hint in lint(item["text"], item.get("section"), config)}


@dataclass
class Score:
    """True/false positives and false negatives for one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(items: list[dict]) -> dict[str, Score]:
    """Per-category scores plus an ``overall`` micro-average."""
    scores = {name: Score() for name in (*CATEGORIES, "overall")}
    for item in items:
        got, want = predicted(item), set(item["expect"])
        for name in got | want:
            for key in (name, "overall"):
                _count(scores[key], name in got, name in want, item["text"])
    return scores


def _count(score_: Score, got: bool, want: bool, text: str) -> None:
    if got and want:
        score_.tp += 1
    elif got:
        score_.fp += 1
        score_.misses.append(f"false positive: {text}")
    else:
        score_.fn += 1
        score_.misses.append(f"missed: {text}")


def table(title: str, scores: dict[str, Score]) -> str:
    """A printable precision/recall table."""
    lines = [title, f"{'category':<17} {'prec':>5} {'recall':>6}   tp  fp  fn"]
    for name, s in scores.items():
        lines.append(f"{name:<17} {s.precision:5.2f} {s.recall:6.2f} {s.tp:4} {s.fp:3} {s.fn:3}")
    return "\n".join(lines)
