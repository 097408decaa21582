#!/usr/bin/env python3
"""Regenerates countries.tsv, heads.tsv and capitals.tsv from ../shared/reference (run from the package root:
   python3 Sources/Extraction/Resources/tools/make_resources.py ../shared/reference).
Sources chosen from country_aliases.csv: names from pycountry, mledoze (common/official/altSpellings),
CLDR, rigour name/full_name (rigour.names_strong and dr5hn.nationality are left out: too noisy).
A string that maps to more than one row is dropped (no link rather than a wrong one)."""
import csv, sys, collections, os
ref = sys.argv[1]
out = os.path.join(os.path.dirname(__file__), "..")
rows = {r['alpha2'] or r['rigour_code']: r for r in csv.DictReader(open(os.path.join(ref, 'countries.csv'), encoding='utf-8'))}
NAME_SRC = {'mledoze.name.common', 'mledoze.name.official', 'mledoze.altSpellings', 'pycountry.name', 'pycountry.official_name',
            'datasets-country-codes.CLDR display name', 'datasets-country-codes.official_name_en', 'rigour.name', 'rigour.full_name'}
DEM_SRC = {'mledoze.demonyms.eng.m', 'mledoze.demonyms.eng.f', 'cartogrify.adjectival'}
names = collections.defaultdict(set); dems = collections.defaultdict(set)
for a in csv.DictReader(open(os.path.join(ref, 'country_aliases.csv'), encoding='utf-8')):
    s = a['alias'].strip()
    if not s or not all(ord(c) < 0x250 for c in s): continue
    if a['alias_type'] in ('primary_name', 'name') and (a['source'] in NAME_SRC or a['alias_type'] == 'primary_name'):
        if s.startswith('the '): s = s[4:]
        if len(s) <= 2 and not s.isupper(): continue
        names[s].add(a['row'])
    elif a['alias_type'] == 'demonym_adjective' and a['source'] in DEM_SRC and ' ' not in s.strip() or (a['alias_type']=='demonym_adjective' and a['source'] in DEM_SRC and s.count(' ')==1 and s.split()[0] in ('North','South','New','Saudi','Sri','El','Costa','Puerto','Sierra','Papua','East','Central')):
        dems[s].add(a['row'])
prim = {r['name']: k for k, r in rows.items()}
with open(os.path.join(out, 'countries.tsv'), 'w', encoding='utf-8') as f:
    f.write('# key\tname\talpha2\tqid\tkind\tnames (|)\tdemonyms (|)\tcapitals (|)\n')
    for k in sorted(rows):
        r = rows[k]
        if r['kind'] == 'historical-state' and k not in ('suhh',): pass
        ns = sorted(n for n, ks in names.items() if (ks == {k} or prim.get(n) == k) and n != r['name'])
        # an ambiguous demonym goes to the one UN member among its rows ("American": US, not MP), if exactly one
        ds = sorted(d for d, ks in dems.items() if ks == {k} or (k in ks and rows[k]['un_member'] == 'true'
                    and sum(1 for x in ks if rows[x]['un_member'] == 'true') == 1))
        caps = [c for c in (r['capital'].split('|') + r['capital_variants'].split('|')) if c]
        f.write('\t'.join([k, r['name'], r['alpha2'], r['wikidata_qid'], r['kind'], '|'.join(ns), '|'.join(ds), '|'.join(caps)]) + '\n')
heads = collections.OrderedDict()
for p in csv.DictReader(open(os.path.join(ref, 'people.csv'), encoding='utf-8')):
    if not p['qid']: continue
    key = p['qid']
    al = [a for a in p['aliases'].split('|') if a and all(ord(c) < 0x250 for c in a)]
    e = heads.setdefault(key, {'name': p['name'], 'aliases': set(), 'pos': []})
    e['aliases'].update(al)
    # inside one position, multi-valued cells use "/" so that "|" only separates positions
    e['pos'].append('%s;%s;%s;%s;%s' % (p['role'].replace('|', '/'), p['position'].replace('|', '/'), p['country'], p['start'], p['end']))
# names shared by two different QIDs are ambiguous: drop them
count = collections.Counter()
for q, e in heads.items():
    for n in {e['name']} | e['aliases']: count[n] += 1
with open(os.path.join(out, 'heads.tsv'), 'w', encoding='utf-8') as f:
    f.write('# qid\tname\taliases (|)\tpositions (| of role;position;country;start;end)\n')
    for q, e in sorted(heads.items(), key=lambda kv: kv[1]['name']):
        if count[e['name']] > 1: continue
        f.write('\t'.join([q, e['name'], '|'.join(sorted(a for a in e['aliases'] if count[a] == 1)), '|'.join(e['pos'])]) + '\n')
