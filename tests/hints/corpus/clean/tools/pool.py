import re, sys, json, glob, os
sys.path.insert(0,'/work/corpus/tools')
from cands import sentences
rows=[]
for f in sorted(glob.glob('/tmp/src/*')):
    for s in sentences(open(f,encoding='utf-8',errors='replace').read()):
        rows.append((os.path.basename(f), s))
json.dump(rows, open('/tmp/pool.json','w'))
print(len(rows))
