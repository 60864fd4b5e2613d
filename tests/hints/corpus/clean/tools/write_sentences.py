import json, yaml, re, subprocess, os, collections
rows=json.load(open('/tmp/pool.json'))
M='/work/.mirror'
def repo_files(repo):
    out=subprocess.run(['git','-C',f'{M}/{repo}/repo','ls-tree','-r','--name-only','HEAD'],capture_output=True,text=True).stdout.splitlines()
    return out
pd_pm={ 'pdpm__'+p.replace('/','_'):p for p in repo_files('PagerDuty+postmortem-docs') if p.startswith('docs/')}
pd_ir={ 'pdir__'+p.replace('/','_'):p for p in repo_files('PagerDuty+incident-response-docs') if p.startswith('docs/')}
dfds={}
for p in repo_files('dfds+postmortems'):
    m=re.match(r'(PM\d{4}-\d{3})',p)
    if m: dfds['dfds__'+p[:10]+'.md']=p
# doc metadata by source
docmeta={}
import glob
for f in glob.glob('/work/corpus/clean/docs/*.md'):
    fm=yaml.safe_load(open(f).read().split('---\n',2)[1])
    docmeta[fm['source']]=(os.path.basename(f)[:-3], fm['title'])
rust={}
for f in glob.glob('/tmp/rb/*.md'):
    if os.path.basename(f).startswith('body_'): continue
    s=open(f).read(); path=re.search(r'path = "(.*?)"',s).group(1)
    rust['rust__'+os.path.basename(f)]=f'https://blog.rust-lang.org/{path}/'
def meta(fname):
    if fname.startswith('mybinder__'):
        src='repo:jupyterhub/mybinder.org-deploy/docs/source/incident-reports/'+fname[len('mybinder__'):]; kind='postmortem'
    elif fname.startswith('rust__'): src=rust[fname]; kind='postmortem'
    elif fname.startswith('dfds__'): src='repo:dfds/postmortems/'+dfds[fname]; kind='postmortem'
    elif fname=='gitlab__pm.md': src='repo:damianhakert/damianhakert.github.io/source/posts/2017-02-10-postmortem-of-database-outage-of-january-31.html.md'; kind='postmortem'
    elif fname=='bloggulus__pm.md': src='repo:theandrew168/sbs-website/content/posts/bloggulus-outage-postmortem.md'; kind='postmortem'
    elif fname=='homebrew__pm.md': src='repo:Homebrew/brew.sh/_posts/2018-08-05-security-incident-disclosure.md'; kind='postmortem'
    elif fname=='2i2c__pm.md': src='repo:2i2c-org/infrastructure/docs/incidents/2020-10-28-memory-overload.md'; kind='postmortem'
    elif fname.startswith('pypi__'): src='repo:pypi/warehouse/docs/blog/posts/'+fname[6:]; kind='postmortem'
    elif fname.startswith('obs__'): src='repo:openSUSE/obs-landing/_posts/deployments/'+fname[5:]; kind='postmortem'
    elif fname.startswith('k8s__'): src='repo:kubernetes/test-infra/docs/post-mortems/'+fname[5:]; kind='postmortem'
    elif fname=='danluu__README.md': return 'repo:danluu/post-mortems/README.md','danluu/post-mortems: A collection of postmortems (README)','other','danluu-post-mortems-readme'
    elif fname in pd_pm:
        p=pd_pm[fname]; return 'repo:PagerDuty/postmortem-docs/'+p, 'PagerDuty Postmortem Documentation: '+p, 'docs', 'pagerduty-postmortem-docs-'+re.sub(r'[^a-z0-9]+','-',p[5:-3].lower())
    elif fname in pd_ir:
        p=pd_ir[fname]; return 'repo:PagerDuty/incident-response-docs/'+p, 'PagerDuty Incident Response Documentation: '+p, 'docs', 'pagerduty-incident-response-docs-'+re.sub(r'[^a-z0-9]+','-',p[5:-3].lower())
    else: raise KeyError(fname)
    if src not in docmeta:
        first=open('/tmp/src/'+fname).readline().lstrip('# ').strip()
        return src,'mybinder.org incident report: '+first,kind,'mybinder-'+fname[len('mybinder__'):-3]
    slug,title=docmeta[src]
    return src,title,kind,slug
seen=set(); groups=collections.OrderedDict()
for l in open('/tmp/sel.txt'):
    if not l.strip(): continue
    i,t=l.split(); i=int(i); f,s=rows[i]
    if s in seen: continue
    seen.add(s)
    groups.setdefault(f,[]).append({'text':s,'trap':t})
os.makedirs('/work/corpus/clean/sentences',exist_ok=True)
for f,items in groups.items():
    src,title,kind,slug=meta(f)
    d={'source':src,'title':title,'kind':kind,'frozen':'2026-12-02','items':items}
    open(f'/work/corpus/clean/sentences/{slug}.yml','w').write(yaml.safe_dump(d,sort_keys=False,allow_unicode=True,width=10000))
print(len(groups),'files', sum(len(v) for v in groups.values()),'items')

# EXTRA: hand-collected sentences from issue threads / pages (verbatim from search results)
exec(open('/tmp/extra.py').read())
for src,title,kind,slug,items in extra:
    its=[{'text':t,'trap':tr} for t,tr in items if t not in seen]
    for it in its: seen.add(it['text'])
    d={'source':src,'title':title,'kind':kind,'frozen':'2026-12-02','items':its}
    open(f'/work/corpus/clean/sentences/{slug}.yml','w').write(yaml.safe_dump(d,sort_keys=False,allow_unicode=True,width=10000))
print('extra',len(extra))
