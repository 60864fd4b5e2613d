"""The real corpus of the blameless hints: loading, the split by source, and
scoring (used by ``test_corpus.py`` and, for the training split only, by
``train_report.py``).

Layout (``tests/hints/corpus/``, see its README): ``blameful/*.yml`` (one
source per file: ``source``, ``frozen``, ``items`` of text, category, blame
words), ``clean/sentences/*.yml`` (one source per file, ``items`` of clean
sentences) and ``clean/docs/*.md`` (a whole clean postmortem with front
matter naming its source and the blameful sentences it contains).

The split is by SOURCE: a document's URL (host plus path) is hashed with
SHA-256 and the sources whose bucket (first 8 hex digits mod 100) falls
below ``HELDOUT_BELOW`` are held out. Nothing of a held-out source is ever
looked at item by item while tuning; ``test_corpus.py`` prints its aggregate
figures only. A stricter subset, ``strict_heldout``, keeps only held-out
items whose publisher (registrable domain, repository) or named incident
has no source in the training split; it is reported beside the main one.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tui.hints import CATEGORIES, Linter

CORPUS = Path(os.environ.get("DEBRIEF_HINTS_CORPUS", Path(__file__).with_name("corpus")))
HELDOUT_BELOW = 30
"""Bucket threshold (of 100), fixed before any tuning; see the corpus README."""
FROZEN = "2026-12-02"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def source_key(source: str) -> str:
    """The host plus path of a source URL (or a repository path), lower-cased,
    without scheme, query, fragment, ``www.`` or a trailing slash."""
    parts = urlsplit(source.strip())
    if parts.netloc:
        host = parts.netloc.lower().removeprefix("www.")
        return f"{host}{parts.path.rstrip('/')}".lower()
    return source.strip().rstrip("/").lower()


def bucket(source: str) -> int:
    """The source's bucket, 0-99, from the SHA-256 of its key."""
    return int(hashlib.sha256(source_key(source).encode("utf-8")).hexdigest()[:8], 16) % 100


def is_heldout(source: str) -> bool:
    """Whether a source was in the held-out split frozen before tuning
    (by document: host plus path)."""
    return bucket(source) < HELDOUT_BELOW


INCIDENTS = (
    ("faa-notam-2023", re.compile(r"faa|notam")),
    ("fpl-2008", re.compile(r"fpl")),
    ("aps-2011", re.compile(r"southwest-blackout|san-diego|arizona|columbian-employee-removing")),
    ("gitlab-2017", re.compile(r"gitlab")),
    ("ba-2017", re.compile(r"(?:^|-)ba-|british")),
)
"""Incidents covered by several outlets: each is one group (file-name keys)."""
PER_THREAD = ("reddit.com", "news.ycombinator.com", "ycombinator.com")
WEAK = frozenset(
    """
clrn-intern-crowdstrike deccanherald-fake-crowdstrike-employee mjbdiver-sincere-apologies
grokdatum-pm023-oncall-handoff kube-dojo-blameless-postmortems
waymay-storytelling-incident-postmortem gh-vikash-postmortem-template
gh-sakaisha-alx-postmortem gh-pelice124-alx-postmortem gh-scisamir-alx-postmortem
hashnode-web-stack-debugging-3
""".split()
)
"""Files the blameful README marks as satire, synthetic or exercises: not scored."""


def group_key(source: str, name: str = "") -> str:
    """The publisher (or named incident) a source belongs to: the registrable
    domain of a URL (Reddit and Hacker News threads stay per thread), the
    owner/name of a GitHub URL or ``repo:`` path, or the incident's name."""
    for incident, pattern in INCIDENTS:
        if name and pattern.search(name):
            return incident
    text = source.strip()
    if text.startswith("repo:"):
        return "/".join(text[5:].split("/")[:2]).lower()
    parts = urlsplit(text)
    host = parts.netloc.lower().removeprefix("www.")
    if host == "github.com":
        return "github.com/" + "/".join(parts.path.strip("/").split("/")[:2]).lower()
    labels = host.split(".")
    domain = ".".join(
        labels[-3:]
        if len(labels) > 2 and labels[-2] in ("co", "com", "org", "ac") and len(labels[-1]) == 2
        else labels[-2:]
    )
    if domain in PER_THREAD:
        return source_key(text)
    return domain or source_key(text)


@dataclass
class Sentence:
    """A labelled sentence: blameful (with categories and blame words) or clean."""

    text: str
    source: str
    frozen: str
    categories: set[str] = field(default_factory=set)
    blame: list[str] = field(default_factory=list)
    name: str = ""

    @property
    def blameful(self) -> bool:
        return bool(self.categories)

    @property
    def group(self) -> str:
        return group_key(self.source, self.name)

    @property
    def heldout(self) -> bool:
        return is_heldout(self.source)

    @property
    def strict(self) -> bool:
        """Held out, and no source of its publisher or incident is training."""
        return self.group in heldout_groups()


@dataclass
class Document:
    """A whole clean postmortem (body without front matter)."""

    name: str
    text: str
    source: str
    frozen: str
    blameful: list[str]

    @property
    def group(self) -> str:
        return group_key(self.source, self.name.removesuffix(".md"))

    @property
    def heldout(self) -> bool:
        return is_heldout(self.source)

    @property
    def strict(self) -> bool:
        """Held out, and no source of its publisher or incident is training."""
        return self.group in heldout_groups()

    @property
    def words(self) -> int:
        return len(WORD.findall(self.text))


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _sentences(path: Path) -> list[Sentence]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    source, frozen = data.get("source") or path.stem, str(data.get("frozen") or FROZEN)
    merged: dict[str, Sentence] = {}
    for item in data.get("items") or []:
        text = " ".join(str(item["text"]).split())
        entry = merged.setdefault(text, Sentence(text, item.get("source") or source, frozen, name=path.stem))
        if item.get("category"):
            entry.categories.add(item["category"])
        if item.get("blame"):
            entry.blame.append(" ".join(str(item["blame"]).split()))
    return list(merged.values())


@lru_cache(maxsize=4)
def load_sentences(root: Path = CORPUS) -> tuple[Sentence, ...]:
    """Every labelled sentence (blameful and clean), one per distinct text
    and source; a sentence labelled twice carries both categories."""
    found: list[Sentence] = []
    for path in _yaml_files(root / "blameful") + _yaml_files(root / "clean" / "sentences"):
        if path.stem not in WEAK:
            found.extend(_sentences(path))
    return tuple(s for s in found if s.blameful or s.text)


def _front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    body_start = text.find("\n", end + 4)
    return yaml.safe_load(text[3:end]) or {}, text[body_start + 1 if body_start >= 0 else len(text) :]


@lru_cache(maxsize=4)
def load_documents(root: Path = CORPUS) -> tuple[Document, ...]:
    """Every whole clean postmortem."""
    docs = []
    folder = root / "clean" / "docs"
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        meta, body = _front_matter(path.read_text(encoding="utf-8"))
        blameful = [
            " ".join(str(b.get("text", b) if isinstance(b, dict) else b).split())
            for b in meta.get("blameful_sentences") or []
        ]
        docs.append(
            Document(path.name, body, str(meta.get("source") or path.stem), str(meta.get("frozen") or FROZEN), blameful)
        )
    return tuple(docs)


# ---- scoring ----


def _spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    spans, low = [], text.lower()
    for phrase in phrases:
        at = low.find(phrase.lower())
        if at >= 0:
            spans.append((at, at + len(phrase)))
    return spans


@dataclass
class Verdict:
    """What the engine did on one labelled sentence."""

    sentence: Sentence
    hints: list
    caught: bool
    same_category: bool

    @property
    def flagged(self) -> bool:
        return bool(self.hints)


def judge(sentence: Sentence, linter: Linter) -> Verdict:
    """A blameful sentence is caught when a hint overlaps its blame words
    (or, when the words are not found verbatim, any hint); a clean sentence
    with any hint is a false alarm."""
    hints = linter.lint(sentence.text)
    spans = _spans(sentence.text, sentence.blame)
    if not sentence.blameful:
        return Verdict(sentence, hints, False, False)
    on_blame = [h for h in hints if not spans or any(h.start < e and s < h.end for s, e in spans)]
    same = any(h.category in sentence.categories for h in on_blame)
    return Verdict(sentence, hints, bool(on_blame), same)


@dataclass
class SentenceScore:
    """Sentence-level precision and recall, overall and per category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    per_category: dict[str, list[int]] = field(
        default_factory=lambda: {c: [0, 0, 0] for c in CATEGORIES}
    )  # caught, same category, total

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def category_recall(self, category: str) -> float:
        caught, _, total = self.per_category[category]
        return caught / total if total else 1.0

    def add(self, verdict: Verdict) -> None:
        if verdict.sentence.blameful:
            self.tp += verdict.caught
            self.fn += not verdict.caught
            self.fp += verdict.flagged and not verdict.caught
            for category in verdict.sentence.categories:
                row = self.per_category[category]
                row[0] += verdict.caught
                row[1] += verdict.same_category
                row[2] += 1
        else:
            self.fp += verdict.flagged


def score_sentences(sentences, linter: Linter) -> tuple[SentenceScore, list[Verdict]]:
    """Score sentences; the verdicts come back for the training report."""
    result, verdicts = SentenceScore(), []
    for sentence in sentences:
        verdict = judge(sentence, linter)
        result.add(verdict)
        verdicts.append(verdict)
    return result, verdicts


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


@dataclass
class DocScore:
    """False alarms on whole clean postmortems."""

    words: int = 0
    false_alarms: int = 0
    failing: list[str] = field(default_factory=list)
    alarms: list[tuple[str, object, str]] = field(default_factory=list)

    @property
    def per_thousand(self) -> float:
        return 1000 * self.false_alarms / self.words if self.words else 0.0


def _sentence_of(text: str, hint) -> str:
    from tui.hints.engine import sentence_in
    from tui.hints.text import scan

    for block in scan(text):
        if block.start <= hint.start < block.end:
            return sentence_in(text[block.start : block.end], hint.start - block.start)
    return hint.text


def score_documents(documents, linter: Linter) -> DocScore:
    """Hints on clean postmortems are false alarms unless their sentence is
    one the document's front matter lists as blameful; a document with a
    warning-level false alarm would fail the CI gate."""
    result = DocScore()
    for doc in documents:
        result.words += doc.words
        allowed = [_normal(b) for b in doc.blameful]
        warned = False
        for hint in linter.lint(doc.text):
            sentence = _normal(_sentence_of(doc.text, hint))
            if any(a and (a in sentence or sentence in a) for a in allowed if sentence):
                continue
            result.false_alarms += 1
            result.alarms.append((doc.name, hint, _sentence_of(doc.text, hint)))
            warned = warned or hint.level == "warning"
        if warned:
            result.failing.append(doc.name)
    return result


def category_precision(verdicts: list[Verdict], doc_score: DocScore) -> dict[str, tuple[int, int]]:
    """Per category: (correct hints, all hints) over sentences and documents.
    A hint is correct when it lies on a blameful sentence's blame words."""
    counts = {c: [0, 0] for c in CATEGORIES}
    for verdict in verdicts:
        spans = _spans(verdict.sentence.text, verdict.sentence.blame)
        for hint in verdict.hints:
            good = verdict.sentence.blameful and (not spans or any(hint.start < e and s < hint.end for s, e in spans))
            counts[hint.category][0] += good
            counts[hint.category][1] += 1
    for _, hint, _ in doc_score.alarms:
        counts[hint.category][1] += 1
    return {c: (v[0], v[1]) for c, v in counts.items()}


@lru_cache(maxsize=4)
def heldout_groups(root: Path = CORPUS) -> frozenset[str]:
    """Publisher/incident groups held out: those ALL of whose sources were
    in the held-out split frozen before tuning (see the corpus README). A
    group that also has a source in the training split is training."""
    members: dict[str, list[str]] = {}
    for sentence in load_sentences(root):
        members.setdefault(sentence.group, []).append(sentence.source)
    for doc in load_documents(root):
        members.setdefault(doc.group, []).append(doc.source)
    return frozenset(g for g, sources in members.items() if all(map(is_heldout, sources)))


def rule_precision(verdicts: list[Verdict], doc_score: DocScore) -> dict[str, tuple[int, int]]:
    """Per rule: (correct hints, all hints), as ``category_precision``."""
    counts: dict[str, list[int]] = {}
    for verdict in verdicts:
        spans = _spans(verdict.sentence.text, verdict.sentence.blame)
        for hint in verdict.hints:
            good = verdict.sentence.blameful and (not spans or any(hint.start < e and s < hint.end for s, e in spans))
            row = counts.setdefault(hint.rule, [0, 0])
            row[0] += good
            row[1] += 1
    for _, hint, _ in doc_score.alarms:
        counts.setdefault(hint.rule, [0, 0])[1] += 1
    return {rule: (v[0], v[1]) for rule, v in counts.items()}


def split(heldout: bool, root: Path = CORPUS):
    """(sentences, documents) of one side of the split."""
    return (
        [s for s in load_sentences(root) if s.heldout == heldout],
        [d for d in load_documents(root) if d.heldout == heldout],
    )


def strict_heldout(root: Path = CORPUS):
    """(sentences, documents) held out whose whole publisher/incident group is."""
    return ([s for s in load_sentences(root) if s.strict], [d for d in load_documents(root) if d.strict])
