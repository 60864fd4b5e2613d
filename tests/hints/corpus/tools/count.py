import yaml, glob, collections
c = collections.Counter(); srcs=set(); n=0
for p in sorted(glob.glob('/work/corpus/blameful/*.yml')):
    d = yaml.safe_load(open(p)); srcs.add(d['source'])
    for it in d['items']:
        c[it['category']] += 1; n += 1
print(n, 'items', len(srcs), 'sources')
for k,v in sorted(c.items(), key=lambda x:-x[1]): print(f'  {k}: {v}')
