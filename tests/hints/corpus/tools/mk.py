#!/usr/bin/env python3
"""Build one corpus YAML file from a simple text spec on stdin.
Header lines 'key: value' (slug, source, title, kind), then '---', then
items: 'category || blame || text [|| note]'. Validates blame is a substring."""
import sys, yaml, os
CATS = {"counterfactual","hindsight","human_error","person_as_cause","judgment",
        "minimization","root_cause","blame_question","punitive_remedy","distancing"}
raw = sys.stdin.read()
head, body = raw.split("\n---\n", 1)
meta = {}
for line in head.strip().splitlines():
    k, v = line.split(":", 1)
    meta[k.strip()] = v.strip()
items = []
for n, line in enumerate(body.strip().splitlines(), 1):
    if not line.strip() or line.startswith("#"):
        continue
    parts = [p.strip() for p in line.split("||")]
    cat, blame, text = parts[0], parts[1], parts[2]
    assert cat in CATS, (n, cat)
    assert blame in text, (n, blame, text)
    it = {"text": text, "category": cat, "blame": blame}
    if len(parts) > 3 and parts[3]:
        it["note"] = parts[3]
    items.append(it)
doc = {"source": meta["source"], "title": meta["title"], "kind": meta["kind"],
       "frozen": "2026-12-02"}
if "via" in meta:
    doc["via"] = meta["via"]
doc["items"] = items
assert meta["kind"] in {"news","postmortem","discussion","status_report","other"}
path = f"/work/corpus/blameful/{meta['slug']}.yml"
if os.path.exists(path) and "--force" not in sys.argv:
    sys.exit(f"exists: {path}")
with open(path, "w") as f:
    yaml.safe_dump(doc, f, sort_keys=False, allow_unicode=True, width=1000)
print(path, len(items))
