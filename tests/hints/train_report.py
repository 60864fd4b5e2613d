"""Tuning aid: figures, misses and false alarms of the TRAINING split only.

    .venv/bin/python -m tests.hints.train_report [--misses] [--alarms] [--category C]

It never prints a held-out item; held-out figures come only from
``test_corpus.py``, as aggregates.
"""

from __future__ import annotations

import sys

from tui.hints import CATEGORIES, Linter

from .corpus import category_precision, score_documents, score_sentences, split


def main(argv: list[str]) -> int:
    linter = Linter()
    sentences, documents = split(heldout=False)
    score, verdicts = score_sentences(sentences, linter)
    docs = score_documents(documents, linter)
    only = argv[argv.index("--category") + 1] if "--category" in argv else None
    print(
        f"TRAINING: {len(sentences)} sentences ({sum(s.blameful for s in sentences)} blameful), "
        f"{len(documents)} documents, {docs.words} words"
    )
    print(
        f"sentence precision {score.precision:.3f} recall {score.recall:.3f} "
        f"(tp {score.tp} fp {score.fp} fn {score.fn})"
    )
    print(
        f"documents: {docs.false_alarms} false alarms, {docs.per_thousand:.2f} per 1,000 words; "
        f"failing CI: {docs.failing}"
    )
    precision = category_precision(verdicts, docs)
    for category in CATEGORIES:
        caught, same, total = score.per_category[category]
        good, hints = precision[category]
        print(f"  {category:<16} recall {caught}/{total} (same category {same})  precision {good}/{hints}")
    if "--misses" in argv:
        for v in verdicts:
            if v.sentence.blameful and not v.caught and (not only or only in v.sentence.categories):
                print(
                    f"MISS [{','.join(sorted(v.sentence.categories))}] {v.sentence.text}\n"
                    f"     blame: {v.sentence.blame}  hints: {[(h.rule, h.text) for h in v.hints]}"
                )
    if "--alarms" in argv:
        for v in verdicts:
            if v.flagged and not v.caught:
                print(f"FALSE {[(h.rule, h.text) for h in v.hints]} {v.sentence.text}")
        for name, hint, sentence in docs.alarms:
            if not only or hint.category == only:
                print(f"DOC {name}: {hint.level} {hint.rule} «{hint.text}» in: {sentence.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
