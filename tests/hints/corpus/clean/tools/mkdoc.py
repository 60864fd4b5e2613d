import sys, json, yaml, os, re
# usage: mkdoc.py slug source title textfile [blameful_json]
slug, source, title, textfile = sys.argv[1:5]
bl = json.loads(sys.argv[5]) if len(sys.argv) > 5 else []
text = open(textfile, encoding='utf-8').read().strip() + "\n"
fm = {'source': source, 'title': title, 'kind': 'postmortem', 'frozen': '2026-12-02', 'blameful_sentences': bl}
out = "---\n" + yaml.safe_dump(fm, sort_keys=False, allow_unicode=True, width=10000) + "---\n" + text
p = f"/work/corpus/clean/docs/{slug}.md"
open(p, 'w', encoding='utf-8').write(out)
print(p, len(text.split()))
