import json, re, sys
rows=json.load(open('/tmp/pool.json'))
pat=re.compile(sys.argv[1], re.I)
excl=re.compile(sys.argv[2], re.I) if len(sys.argv)>2 and sys.argv[2] else None
for i,(f,s) in enumerate(rows):
    if pat.search(s) and not (excl and excl.search(s)):
        print(i, f[:28], '|', s[:260])
