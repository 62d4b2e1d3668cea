# Runs on a developer machine: re-encodes BGPy's engine test ground truth (every version of every
# engine_gt.yaml whose ASes all run plain BGP) as test/unit/engine/bgpyGroundTruth.json.
# Usage: python3 scripts/import-bgpy-ground-truth.py PATH_TO_BGPY_CLONE > test/unit/engine/bgpyGroundTruth.json
import subprocess, yaml, json, hashlib, sys, re
REPO=sys.argv[1]
def git(*a): return subprocess.run(['git','-C',REPO,*a],capture_output=True,text=True).stdout
class L(yaml.SafeLoader): pass
def multi(loader, suffix, node):
    if isinstance(node, yaml.MappingNode): return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode): return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)
L.add_multi_constructor('!', multi)
L.add_multi_constructor('tag:yaml.org,2002:python/', multi)
OK_POLICIES={'AS','BGP Full','BGP Simple','BGPSimpleAS','BGPAS','BGPSimplePolicy','BGPPolicy','BGP','BGPSimple','BGPFull'}
# every version of every engine_gt.yaml
revs=git('log','--all','--format=%H %cI','--','*engine_gt.yaml').split('\n')
seen={}; cases=[]
for line in revs:
    if not line.strip(): continue
    commit, date = line.split()
    files=[f for f in git('show','--name-only','--format=',commit).split('\n') if f.endswith('engine_gt.yaml')]
    for f in files:
        text=git('show',f'{commit}:{f}')
        if not text: continue
        tags=set(t.replace('%20',' ') for t in re.findall(r'!yamlable/([^\s]+)',text))
        NEUTRAL={'SimulationEngine','CAIDAASGraph','ASGraph','Announcement','AnnInfo','LocalRIB','RIBsIn','RIBsOut','RecvQueue','SendQueue','Relationships','ROA','ROAs','ROAValidity'}
        cls={t for t in tags if t not in NEUTRAL}
        if not cls or not cls <= OK_POLICIES: continue
        try: doc=yaml.load(text, Loader=L)
        except Exception as e: print('skip',f,e,file=sys.stderr); continue
        as_dict = doc.get('as_dict') or (doc.get('as_graph') or {}).get('as_dict')
        if not as_dict: continue
        links=[]; ribs={}
        for asn, a in as_dict.items():
            asn=int(asn)
            for c in a.get('customers') or []: links.append([asn,int(c),-1])
            for p in a.get('peers') or []:
                if asn < int(p): links.append([asn,int(p),0])
            rib = a.get('_local_rib') or (a.get('policy') or {}).get('local_rib') or {}
            ribs[asn]=rib
        prefixes={}
        bad=False
        for asn, rib in ribs.items():
            for prefix, ann in rib.items():
                path=[int(x) for x in ann['as_path']]
                rel=ann['recv_relationship']; relname = rel['name'] if isinstance(rel,dict) else str(rel)
                p=prefixes.setdefault(prefix,{'origins':[],'expected':{}})
                if relname=='ORIGIN':
                    if any(x!=asn for x in path): bad=True
                    p['origins'].append([asn, len(path)-1])
                p['expected'][str(asn)]=path
        if bad or not prefixes: continue
        key=hashlib.sha1(json.dumps([sorted(links),prefixes],sort_keys=True).encode()).hexdigest()
        if key in seen: continue
        seen[key]=1
        name=f.split('/')[-2]
        cases.append({'name':name,'commit':commit[:12],'links':sorted(links),'prefixes':prefixes})
# Not a stable state (AS1 keeps 1 3 while its customer 4 holds 4 1 2); the same graphs at 882844aa
# expect the consistent 4 1 3 and are kept.
EXCLUDED='internal_000 and internal_001 as of BGPy commit d34a97d2 (2024-12-23): not a stable state (AS1 keeps 1 3 while its customer 4 holds 4 1 2); the same graphs at 882844aa expect the consistent 4 1 3 and are kept'
cases=[c for c in cases if not (c['commit'].startswith('d34a97d') and c['name'] in ('internal_000','internal_001'))]
print(len(cases),file=sys.stderr)
json.dump({'source':'BGPy engine test ground truth (engine_gt.yaml) from https://github.com/jfuruness/bgpy_pkg, MIT License, Copyright 2020 Justin Furuness; graphs, seeded origins and every AS\'s chosen AS path, re-encoded','cases':cases,'excluded':EXCLUDED},sys.stdout,separators=(',',':'))
