"""Checking one paragraph: the trigger regexes run on each sentence that the
combined pre-filter lets through, then each rule's conditions (subject,
participle, context, question form) decide whether the match is a hint."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .factors import FactorIndex
from .lexicon import matches_subject, software_operator, subject_of, verbal_participle
from .model import Rule
from .text import mask, sentences

META = re.compile(
    r"\b(?:avoid(?:s|ed|ing)?\s+(?:calling|saying|using|labell?ing|writing|the\s+(?:words?|phrases?|terms?|labels?))"
    r"|(?:assign(?:ing|s)?|apportion(?:ing)?|placing|place|point(?:ing)?)\s+(?:the\s+)?blame"
    r"|(?:not|never|isn[’']t|aren[’']t)\s+(?:about|a\s+(?:process|way|tool)\s+for)\s+(?:blame|blaming|finding\s+(?:a\s+)?(?:culprit|someone))"
    r"|(?:error|mistake|blame)s?\s+(?:is|are)\s+(?:never|not|rarely|a\s+symptom|the\s+start|where)"
    r"|(?:is|are)\s+(?:never|not)\s+(?:a|the)\s+root\s+causes?"
    r"|\bdiscourag\w+\s+(?:people|engineers|anyone|everyone|teams?)|\bfor\s+fear\s+of"
    r"|\b(?:symptom|starting\s+point)\s+of\s+(?:a\s+)?(?:missing|broken|deeper|trouble|systemic)"
    r"|(?:rather\s+than|instead\s+of)\s+(?:calling|saying|blaming|labell?ing|writing|asking)"
    r"|(?:do\s+not|don[’']t|never|not\s+to)\s+(?:call|say|use|write|ask)\s+(?:it|this|that|the|who|why|what)\b"
    r"|\b(?:words?|phrases?|terms?|labels?|wording)\s+[\"“'‘`]|blameless|blame-free|as\s+a\s+label)",
    re.IGNORECASE,
)
"""Sentences that talk about blameful wording rather than use it."""

WINDOW = 240
"""How far left of a trigger the subject is looked for (keeps long runs linear)."""

LEAD = re.compile(r"^[\s>*_#\-+\d.)\[\]]*$")


@dataclass(frozen=True)
class RawHit:
    """A hit inside one paragraph, before it is placed in the whole text."""

    rule: str
    start: int
    end: int
    level: str
    note: str = ""
    """A message of its own (the model's hints name the words that triggered them)."""


def _gate_body(pattern: str) -> str:
    body = re.sub(r"\(\?P<\w+>", "(?:", pattern)  # group names repeat across rules
    return re.sub(r"^\^\[\\W\\d\]\*", "", body)  # sentence-start anchors


def prefilter(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One alternation of every trigger, used to skip sentences cheaply.

    Every trigger starts at a word, so the leading boundary lets the regex
    engine skip other positions without trying each alternative there.
    """
    bodies = "|".join(f"(?:{_gate_body(rule.pattern)})" for rule in rules)
    return re.compile(rf"\b(?=\w)(?:{bodies})", re.IGNORECASE)


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The highlighted part: the first of the groups ``hit``, ``hit2``,
    ``hit3`` that matched, else the whole match."""
    for name in ("hit", "hit2", "hit3"):
        if name in match.re.groupindex and match.group(name) is not None:
            return match.span(name)
    return match.span()


def _subject_ok(rule: Rule, match: re.Match[str], sentence: str, vocab) -> bool:
    if rule.subject is None:
        return True
    if "subj" in match.re.groupindex and match.group("subj"):
        kind, word = subject_of(match.group("subj"), vocab, from_start=True)
    else:
        start = _span(match)[0]
        kind, word = subject_of(
            sentence[max(0, start - WINDOW) : start], vocab, from_start=rule.subject_from == "clause"
        )
    if software_operator(word, sentence):
        kind = "system"
    return matches_subject(rule.subject, kind, word)


def _participle_ok(rule: Rule, match: re.Match[str], sentence: str) -> bool:
    if rule.participle is None:
        return True
    word = match.group(rule.participle)
    if word is None:  # an optional participle that is absent ("I shouldn't have.")
        return True
    return verbal_participle(word, sentence[match.end(rule.participle) :])


def _context_ok(rule: Rule, match: re.Match[str], sentence: str) -> bool:
    before, after = rule.before_regex, rule.after_regex
    if before is not None and before.search(sentence[max(0, match.start() - 60) : match.start()]):
        return False
    return after is None or after.match(sentence, match.end()) is None


def _sentence_ok(rule: Rule, sentence: str) -> bool:
    return rule.sentence_regex is None or rule.sentence_regex.search(sentence) is None


def _question_ok(rule: Rule, match: re.Match[str], sentence: str) -> bool:
    if not rule.question:
        return True
    return sentence.rstrip().endswith("?") or bool(LEAD.match(sentence[: match.start()]))


def accepts(rule: Rule, match: re.Match[str], sentence: str, vocab) -> bool:
    """Whether every condition of the rule holds for this match."""
    return (
        _context_ok(rule, match, sentence)
        and _sentence_ok(rule, sentence)
        and _question_ok(rule, match, sentence)
        and _participle_ok(rule, match, sentence)
        and _subject_ok(rule, match, sentence, vocab)
    )


def _sentence_hits(rules, sentence: str, section: str, vocab, index) -> list[RawHit]:
    hits = []
    possible = index.candidates(sentence.lower())
    for rule in rules:
        if section not in rule.sections or rule.id not in possible:
            continue
        for match in rule.regex.finditer(sentence):
            if accepts(rule, match, sentence, vocab):
                start, end = _span(match)
                hits.append(RawHit(rule.id, start, end, rule.level_in(section)))
    return hits


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and not text[end - 1].isalnum():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _dedupe(hits: list[RawHit], categories: dict[str, str]) -> list[RawHit]:
    """Drop a hit that overlaps an earlier kept hit of the same category
    (linear: only the furthest-reaching kept hit per category matters)."""
    kept: list[RawHit] = []
    reach: dict[str, int] = {}
    for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        category = categories[hit.rule]
        if reach.get(category, -1) > hit.start:
            continue
        kept.append(hit)
        reach[category] = max(reach.get(category, -1), hit.end)
    return kept


def _model_hit(model, sentence: str, vocab) -> RawHit | None:
    """The n-gram model's hit on a sentence no rule flagged (see ngram.py)."""
    from .ngram import describe

    hit = model.check(sentence, vocab)
    if hit is None:
        return None
    words = ", ".join(describe(f) for f in hit.evidence)
    note = (
        f"Reads like blame ({hit.category.replace('_', ' ')}), judging by {words} "
        f"(statistical signal, p={hit.probability:.2f})."
    )
    return RawHit(f"model-{hit.category}", hit.start, hit.end, "suggestion", note)


def check_paragraph(
    text: str, section: str, rules, vocab: frozenset[str], index: FactorIndex | None = None, model=None
) -> list[RawHit]:
    """All raw hits in one paragraph of prose (offsets into ``text``). With
    a ``model``, a sentence no rule flagged is also scored by it."""
    masked = mask(text)
    index = index or FactorIndex(rules)
    found: list[RawHit] = []
    for first, last in sentences(masked):
        sentence = masked[first:last]
        if META.search(text, first, last):
            continue
        hits = _sentence_hits(rules, sentence, section, vocab, index)
        if not hits and model is not None:
            hits = [h for h in (_model_hit(model, sentence, vocab),) if h is not None]
        for hit in hits:
            start, end = _strip(text, first + hit.start, first + hit.end)
            found.append(RawHit(hit.rule, start, end, hit.level, hit.note))
    categories = {rule.id: rule.category for rule in rules}
    categories.update({h.rule: h.rule.removeprefix("model-") for h in found if h.note})
    return _dedupe(found, categories)
