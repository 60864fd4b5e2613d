"""Generate the hint engine's data files (run after editing ``rules.yml``):

    python -m tui.hints.build            # rewrite lexicon.json and compiled.json
    python -m tui.hints.build --check    # exit 1 when either is out of date

``lexicon.json`` holds the inflections of every word in the lexicons of
``rules.yml`` (from ``lemminflect``) and a list of common first names (from
the US census lists shipped by the ``names`` package), so the running
engine needs neither package. ``compiled.json`` is ``rules.yml`` validated,
with the lexicon references in patterns expanded, plus a digest of both
inputs so a stale file is caught by the tests.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from .model import COMPILED_PATH, LEXICON_PATH, RULES_PATH, source_digest

EXCLUDED_NAMES = frozenset(
    """
will mark bill grant rose guy chase page max may june april august art
""".split()
)
"""First names that are also common words in incident prose."""

NAME_WORDS = (
    frozenset(
        """
mike tom nick pat matt bob sue ted ben dan jim joe rob sam tim ron ken don hank
jack frank gary ray sandy dawn robin terry kelly lee ray carol jean joy amber
""".split()
    )
    - EXCLUDED_NAMES
)
"""Census first names that are also English words but read as names."""

EXTRA_NAMES = frozenset(
    """
priya ravi raj rahul amit anil arjun deepak vikram sanjay neha pooja anjali
wei li chen jun hiroshi yuki kenji aiko mei ling xin yan hao omar ahmed ali
fatima aisha yusuf mehmet emre ayse olga ivan dmitri sergei anya katya lars
sven ingrid bjorn jens nils mateo diego javier lucia sofia pablo joao thiago
kwame kofi ama chidi ngozi tunde femi aleksandr piotr tomasz jakub marek
""".split()
)
"""Common names missing from the 1990 US census lists."""


def _inflections(words: set[str]) -> dict[str, dict[str, list[str]]]:
    """Verb and noun forms of each lexicon word (a phrase inflects its head)."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    table: dict[str, dict[str, list[str]]] = {}
    for phrase in sorted(words):
        head, _, rest = phrase.partition(" ")
        tail = f" {rest}" if rest else ""
        verb = getAllInflections(head, upos="VERB") or getAllInflectionsOOV(head, upos="VERB")
        noun = getAllInflections(head, upos="NOUN") or getAllInflectionsOOV(head, upos="NOUN")
        pick = lambda forms, *tags: sorted({f + tail for t in tags for f in forms.get(t, ())})  # noqa: B023, E731
        table[phrase] = {
            "vbd": pick(verb, "VBD"),
            "vbn": pick(verb, "VBN"),
            "ing": pick(verb, "VBG"),
            "vbz": pick(verb, "VBZ"),
            "nns": pick(noun, "NNS"),
        }
    return table


def _first_names() -> list[str]:
    import names
    from lemminflect import getAllLemmas

    folder = Path(names.__file__).parent
    found: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        for line in (folder / part).read_text().splitlines():
            if line.strip():
                word = line.split()[0].lower()
                english = bool(getAllLemmas(word))
                if len(word) > 2 and word not in EXCLUDED_NAMES and (not english or word in NAME_WORDS):
                    found.add(word)
    return sorted(found | EXTRA_NAMES)


def build_lexicon(rules_data: dict) -> dict:
    words = {w for words in (rules_data.get("lexicons") or {}).values() for w in words}
    return {"inflections": _inflections(words), "first_names": _first_names()}


def build_compiled(rules_data: dict, lexicon: dict) -> dict:
    from .schema import validate

    return {"digest": source_digest(), "rules": validate(rules_data, lexicon["inflections"])}


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str]) -> int:
    rules_data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    check = "--check" in argv
    lexicon = build_lexicon(rules_data)
    stale = []
    current = LEXICON_PATH.read_text(encoding="utf-8") if LEXICON_PATH.exists() else ""
    if current != _dump(lexicon):
        stale.append(LEXICON_PATH)
        if not check:
            LEXICON_PATH.write_text(_dump(lexicon), encoding="utf-8")
    from . import model

    model._CACHE.clear()
    compiled = _dump(build_compiled(rules_data, lexicon))
    current = COMPILED_PATH.read_text(encoding="utf-8") if COMPILED_PATH.exists() else ""
    if current != compiled:
        stale.append(COMPILED_PATH)
        if not check:
            COMPILED_PATH.write_text(compiled, encoding="utf-8")
    if check and stale:
        print(f"out of date: {', '.join(p.name for p in stale)}: run python -m tui.hints.build", file=sys.stderr)
        return 1
    for path in stale:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
