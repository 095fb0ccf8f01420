import subprocess,json,sys,collections
path=sys.argv[1]; fmt=sys.argv[2]  # fmt: suite (allowed/refused) or blind (safe/unsafe)
rows=[]
for l in open(path,encoding='utf-8'):
    if not l.strip() or l.startswith('#'): continue
    f=l.rstrip('\n').split('\t')
    safe = f[0] in ('allowed','safe')
    rows.append((safe,f[1],f[2],f[3] if len(f)>3 else ''))
inp=''.join(f"{c}\t{d}\n" for _,c,d,_ in rows)
p=subprocess.run(['./sweetie','guard','check','--json','--context'],input=inp,capture_output=True,text=True)
outs=[json.loads(o) for o in p.stdout.splitlines()]
assert len(outs)==len(rows),(len(outs),len(rows),p.stderr[-500:])
cnt=collections.Counter()
miss=[]
for (safe,c,d,n),o in zip(rows,outs):
    cnt[(safe,o['decision'])]+=1
    if not safe and o['decision']=='allowed': miss.append(('UNSAFE ALLOWED',n,d,c))
    if safe and o['decision']!='allowed': miss.append(('SAFE '+o['decision'],n,d,o['rule']+': '+o['reason']))
us=sum(v for (s,_),v in cnt.items() if not s); sf=sum(v for (s,_),v in cnt.items() if s)
print(f"unsafe {us}: allowed {cnt[(False,'allowed')]} refused {cnt[(False,'refused')]} held {cnt[(False,'held')]}")
print(f"safe {sf}: allowed {cnt[(True,'allowed')]} ({cnt[(True,'allowed')]/sf:.3f}) refused {cnt[(True,'refused')]} held {cnt[(True,'held')]}")
if len(sys.argv)>3:
    for m in miss: print(*m, sep=' | ')
