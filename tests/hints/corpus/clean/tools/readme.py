import glob,yaml,collections,re
docs=[];bl=collections.Counter();nbl=0;tw=0;pubs=collections.Counter()
for f in sorted(glob.glob('docs/*.md')):
    s=open(f).read(); _,fm,body=s.split('---\n',2); d=yaml.safe_load(fm)
    w=len(body.split()); tw+=w
    for b in d['blameful_sentences']: bl[b['category']]+=1; nbl+=1
    src=d['source']; p=src[5:].split('/')[:2] if src.startswith('repo:') else src.split('/')[2:3]
    pubs['/'.join(p)]+=1
    docs.append((f,src,w,len(d['blameful_sentences'])))
sents=[];tr=collections.Counter();kinds=collections.Counter();n=0;S=set()
for f in sorted(glob.glob('sentences/*.yml')):
    d=yaml.safe_load(open(f)); S.add(d['source'])
    for it in d['items']: tr[it['trap']]+=1; kinds[d['kind']]+=1; n+=1
    sents.append((f,d['source'],d['kind'],len(d['items'])))
allsrc=S|{s for _,s,_,_ in docs}
r=open('/tmp/readme_old.md').read()
head,rest=r.split('## Counts\n',1)
_,rest2=rest.split('## How it was collected\n',1)
how,_=rest2.split('## Sources\n',1)
bc=', '.join(f'{k} {v}' for k,v in sorted(bl.items(), key=lambda x:-x[1]))
pubtxt=', '.join(f'{k} {v}' for k,v in sorted(pubs.items(), key=lambda x:-x[1]))
C=["## Counts\n",
f"- Whole documents: **{len(docs)}**, **{tw:,} words** of body text (front matter excluded), from {len(pubs)} repositories/publishers: {pubtxt}.",
f"- Blameful sentences listed in the documents' front matter (so they are not counted as false alarms): **{nbl}** ({bc}). 2 published reports were left out entirely because they are mostly self-blame (mybinder 2018-01-04 failed staging deploy, OBS 2023-06-20 staging workflow).",
f"- Standalone sentences: **{n}** in {len(sents)} files; **{tr['none']}** ordinary (trap `none`, {tr['none']/n:.0%}) and {n-tr['none']} traps.",
"- Sentences per trap: " + ', '.join(f"`{k}` {v}" for k,v in sorted(tr.items(), key=lambda x:-x[1])) + ".",
"- Sentences per kind: " + ', '.join(f"`{k}` {v}" for k,v in sorted(kinds.items(), key=lambda x:-x[1])) + ".",
f"- Distinct sources (`source` values) over both parts: **{len(allsrc)}** ({len(S-{s for _,s,_,_ in docs})} of them only in the sentence part).\n"]
how=how.replace("- Publishers cluster: 39 DFDS, 30 Open Build Service, 22 mybinder.org, 8 Rust, 5 Kubernetes test-infra documents.", f"- Publishers cluster ({pubtxt}).")
if 'pypi/warehouse' not in how:
    how=how.replace("Repository look-ups: ", "Repository look-ups: `find_files` on `pypi/warehouse` (docs/blog/posts: the PyPI blog's incident reports and attack analyses, found via the query \"PyPI blog incident report outage what happened timeline\" [code]); ")
S2=["## Sources\n","### Whole documents\n","| file | source | words | blameful listed |","|---|---|---|---|"]
S2+= [f"| `{f}` | {s} | {w} | {b} |" for f,s,w,b in docs]
S2+=["\n### Sentence files\n","| file | source | kind | sentences |","|---|---|---|---|"]
S2+= [f"| `{f}` | {s} | {k} | {c} |" for f,s,k,c in sents]
out=head+'\n'.join(C)+'\n## How it was collected\n'+how+'\n'.join(S2)+'\n'
out=re.sub(r"from \d+ publishers \([^)]*\) \(see below\)\.","",out)
open('README.md','w').write(out)
print(len(docs),tw,nbl,n,tr['none'],len(allsrc),pubtxt)
