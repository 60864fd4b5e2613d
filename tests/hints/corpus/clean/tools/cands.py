import re, sys, json, glob, os
def sentences(text):
    out=[]; incode=False; para=[]
    def flush():
        if para:
            p=' '.join(x.strip() for x in para); para.clear()
            for s in re.split(r'(?<=[.!?])\s+(?=[A-Z`*_"“(\[])', p):
                s=s.strip()
                if len(s.split())>=4: out.append(s)
    for line in text.splitlines():
        if line.strip().startswith('```'):
            flush(); incode=not incode; continue
        if incode: continue
        st=line.strip()
        if not st or st.startswith('|') or st.startswith('#') or st.startswith('---') or st.startswith('+++') or st.startswith('<') or st.startswith('!['):
            flush(); continue
        if re.match(r'^([-*+]|\d+\.)\s', st) or st.startswith('>'):
            flush(); para.append(re.sub(r'^([-*+]|\d+\.)\s+','',st).lstrip('> ').strip()) ; flush() if False else None; continue
        para.append(st)
    flush()
    return out
if __name__=='__main__':
    pat=re.compile(sys.argv[1], re.I if len(sys.argv)<3 else 0)
    files=sorted(glob.glob('/tmp/src/*'))
    n=0
    for f in files:
        for s in sentences(open(f,encoding='utf-8',errors='replace').read()):
            if pat.search(s):
                n+=1; print(f"{os.path.basename(f)}\t{s}")
