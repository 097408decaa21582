#!/usr/bin/env python3
"""Scores newsgraph and spaCy en_core_web_sm against the held-out gold (Benchmarks/heldout/).

  python3 Benchmarks/heldout_eval.py [--newsgraph .build/release/newsgraph] [--errors]

Both systems read the WHOLE text of each held-out document; only predictions that lie inside the
annotated region of the document (docs.txt, column 2 = end offset) are scored.

Predicted spans of both systems lose a leading "the"/"The" and a trailing possessive ('s, ') before
comparison, as the gold has them (OntoNotes-trained spaCy includes "the" in "the United States").

Mention level: exact span and type, per type PER / ORG / GPE and micro-averaged over the three
("ALL"), plus three diagnostic rows: "span only" (ALL, type ignored), "no demonym" (ALL, with
predicted mentions whose text is a demonym in countries.csv — "Israeli", "Palestinians" — left
out, to show what linking demonyms to countries costs), and "overlap" (ALL, typed, any overlap
instead of an exact span). A predicted mention that overlaps a gold LOC span (LOC is optional: named
facilities, seas, straits, islands, continents) and matches no gold PER/ORG/GPE span exactly is
neutral: neither right nor wrong.

Entity level, per document: a predicted entity is a cluster of mentions (newsgraph: the mentions
whose itsrdf:taIdentRef is the same node; spaCy: same label and same text after dropping a leading
"the" and a possessive, and a one-word PERSON joined to the longer PERSON in the same document whose
last word it is). It matches a gold entity of the same type when one of its mention spans overlaps
one of the gold entity's; the matching is one-to-one (greedy by number of overlapping mention
pairs), so one gold entity split into two predicted nodes costs precision.

newsgraph type mapping (rdf:type of the taIdentRef node): schema:Person -> PER; schema:Organization
and its subclasses (schema.org's and Schemas/ontology.ttl's) -> ORG; schema:Country, City,
AdministrativeArea, Place and other Place subclasses -> GPE; events and anonymous sources ignored.
spaCy: PERSON -> PER, ORG -> ORG, GPE -> GPE, LOC/FAC -> LOC (not scored), everything else ignored.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "wikipedia-current-events", "corpus.jsonl")
SCORED = ("PER", "ORG", "GPE")

SCHEMA = "http://schema.org/"
NG = "https://w3id.org/newsgraph/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITS = "http://www.w3.org/2005/11/its/rdf#"
ORG_CLASSES = {SCHEMA + c for c in (
    "Organization", "GovernmentOrganization", "NewsMediaOrganization", "Corporation", "EducationalOrganization",
    "NGO", "PoliticalParty", "SportsOrganization", "MedicalOrganization", "Airline", "ResearchOrganization",
    "LocalBusiness", "Consortium", "FundingScheme", "LibrarySystem", "OnlineBusiness", "PerformingGroup",
    "WorkersUnion", "CollegeOrUniversity", "MilitaryOrganization")}
PLACE_CLASSES = {SCHEMA + c for c in (
    "Place", "Country", "City", "AdministrativeArea", "State", "Continent", "Landform", "BodyOfWater",
    "CivicStructure", "LandmarksOrHistoricalBuildings", "TouristAttraction", "Airport")}


# ---------------------------------------------------------------- data

def load_gold():
    regions = {}
    with open(os.path.join(HERE, "heldout", "docs.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                doc_id, end, _ = line.rstrip("\n").split("\t")
                regions[doc_id] = int(end)
    gold = collections.defaultdict(list)
    with open(os.path.join(HERE, "heldout", "gold.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            doc_id, b, e, typ, surface, entity = line.rstrip("\n").split("\t")
            gold[doc_id].append((int(b), int(e), typ, entity))
    return regions, gold


def load_texts(ids):
    texts = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["id"] in ids:
                texts[d["id"]] = d
    return texts


# ---------------------------------------------------------------- systems

def ontology_org_classes():
    """Subclasses of schema:Organization declared in Schemas/ontology.ttl (ng:PoliticalParty, …)."""
    path = os.path.join(ROOT, "Schemas", "ontology.ttl")
    found = set()
    if os.path.exists(path):
        text = open(path, encoding="utf-8").read()
        for block in text.split(" .\n"):
            m = re.search(r"^\s*ng:(\w+)\s", block, re.M)
            if m and re.search(r"rdfs:subClassOf\s+schema:Organization\b", block):
                found.add(NG + m.group(1))
    return found


TERM = re.compile(r'<([^>]*)>|"((?:[^"\\]|\\.)*)"(?:\^\^<[^>]*>|@[\w-]+)?')


def parse_nquads(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            terms = [m.group(1) if m.group(1) is not None else m.group(2) for m in TERM.finditer(line)]
            if len(terms) >= 3:
                yield terms[0], terms[1], terms[2]


def run_newsgraph(binary, docs, workdir):
    """Returns {doc_id: [(begin, end, type, entity_iri)]} from newsgraph's NIF mentions."""
    corpus = os.path.join(workdir, "heldout.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        for d in docs.values():
            f.write(json.dumps({"id": d["id"], "title": d.get("title"), "text": d["text"], "date": d["id"],
                                "url": d.get("source")}, ensure_ascii=False) + "\n")
    out = os.path.join(workdir, "newsgraph")
    cmd = [binary, "build", corpus, "--output", out, "--formats", "nq", "--mentions", "--quiet", "--no-validate"]
    subprocess.run(cmd, check=True)
    org = ORG_CLASSES | ontology_org_classes()
    types = collections.defaultdict(set)
    mention = collections.defaultdict(dict)
    for s, p, o in parse_nquads(os.path.join(out, "graph.nq")):
        if p == RDF_TYPE:
            types[s].add(o)
        elif p in (NIF + "beginIndex", NIF + "endIndex", NIF + "referenceContext", ITS + "taIdentRef"):
            mention[s][p.rsplit("#", 1)[1]] = o
    result = collections.defaultdict(set)
    for m in mention.values():
        if not {"beginIndex", "endIndex", "referenceContext", "taIdentRef"} <= m.keys():
            continue
        doc_id = m["referenceContext"].rsplit("/doc-", 1)[-1]
        t = types.get(m["taIdentRef"], set())
        if SCHEMA + "Person" in t:
            typ = "PER"
        elif t & org:
            typ = "ORG"
        elif t & PLACE_CLASSES:
            typ = "GPE"
        else:
            continue  # events, anonymous sources, quotations
        result[doc_id].add((int(m["beginIndex"]), int(m["endIndex"]), typ, m["taIdentRef"]))
    return {k: sorted(v) for k, v in result.items()}


def spacy_model():
    sys.path.insert(0, HERE)
    from spacy_pipeline import load_model
    return load_model()


def norm(text):
    sys.path.insert(0, HERE)
    from spacy_pipeline import normalise
    return normalise(text)


def run_spacy(docs):
    nlp = spacy_model()
    labels = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC"}
    result = {}
    ids = list(docs)
    for doc_id, doc in zip(ids, nlp.pipe(docs[i]["text"] for i in ids)):
        ents = [(e.start_char, e.end_char, labels[e.label_], norm(e.text)) for e in doc.ents if e.label_ in labels]
        persons = sorted({t for _, _, typ, t in ents if typ == "PER"}, key=len, reverse=True)

        def cluster(typ, text):
            if typ == "PER" and " " not in text:
                for full in persons:
                    if full != text and full.split()[-1] == text:
                        return f"{typ}:{full}"
            return f"{typ}:{text}"
        result[doc_id] = [(b, e, typ, cluster(typ, t)) for b, e, typ, t in ents]
    return result


# ---------------------------------------------------------------- scoring

def trim(pred_by_doc, docs):
    """The same span convention for both systems and the gold: a leading "the" and a trailing
    possessive ('s, ') are not part of a name."""
    out = {}
    for doc_id, mentions in pred_by_doc.items():
        text = docs[doc_id]["text"] if doc_id in docs else ""
        fixed = []
        for b, e, t, ent in mentions:
            if text[b:b + 4] in ("the ", "The ") and e > b + 4:
                b += 4
            if text[e - 2:e] in ("'s", "\u2019s") and e - 2 > b:
                e -= 2
            elif text[e - 1:e] in ("'", "\u2019") and e - 1 > b:
                e -= 1
            fixed.append((b, e, t, ent))
        out[doc_id] = fixed
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def prf(tp_p, n_p, tp_r, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def demonyms():
    """Nationality adjectives and nouns ("Israeli", "Palestinians") from countries.csv."""
    path = os.path.join(ROOT, "..", "shared", "reference", "countries.csv")
    words = set()
    if os.path.exists(path):
        import csv
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for col in ("demonyms", "demonym_nouns"):
                    words.update(w for w in row.get(col, "").split("|") if w)
    return words


def score(pred_by_doc, gold_by_doc, regions, docs, errors=None):
    """Returns {row: (P, R, F1, n_pred, n_gold)} for mention rows and entity rows."""
    c = collections.Counter()
    nationality = demonyms()
    for doc_id, end in regions.items():
        gold = gold_by_doc.get(doc_id, [])
        gold_scored = [g for g in gold if g[2] in SCORED]
        gold_loc = [g for g in gold if g[2] == "LOC"]
        exact_gold = {(b, e) for b, e, _, _ in gold_scored}
        preds = []
        for m in pred_by_doc.get(doc_id, []):
            b, e, typ, ent = m
            if e > end or typ not in SCORED:
                continue
            if (b, e) not in exact_gold and any(overlaps((b, e), g) for g in gold_loc):
                continue  # neutral
            preds.append(m)
        gset = {(b, e, t) for b, e, t, _ in gold_scored}
        pset = {(b, e, t) for b, e, t, _ in preds}
        for t in SCORED:
            g_t = {x for x in gset if x[2] == t}
            p_t = {x for x in pset if x[2] == t}
            c[("m", t, "tp")] += len(g_t & p_t)
            c[("m", t, "np")] += len(p_t)
            c[("m", t, "ng")] += len(g_t)
        c[("span", "tp")] += len({x[:2] for x in gset} & {x[:2] for x in pset})
        c[("span", "np")] += len({x[:2] for x in pset})
        text = docs[doc_id]["text"]
        dset = {p for p in pset if text[p[0]:p[1]] not in nationality}
        c[("dem", "tp")] += len(gset & dset)
        c[("dem", "np")] += len(dset)
        c[("ov", "tp_p")] += sum(1 for p in pset if any(p[2] == g[2] and overlaps(p, g) for g in gset))
        c[("ov", "tp_r")] += sum(1 for g in gset if any(p[2] == g[2] and overlaps(p, g) for p in pset))
        if errors is not None:
            text_fp = sorted(pset - gset)
            text_fn = sorted(gset - pset)
            errors.append((doc_id, text_fp, text_fn))
        # entities
        gents = collections.defaultdict(list)
        for b, e, t, ent in gold_scored:
            gents[(t, ent)].append((b, e))
        pents = collections.defaultdict(list)
        for b, e, t, ent in preds:
            pents[(t, ent)].append((b, e))
        pairs = []
        for pk, pspans in pents.items():
            for gk, gspans in gents.items():
                if pk[0] == gk[0]:
                    n = sum(1 for a in pspans for g in gspans if overlaps(a, g))
                    if n:
                        pairs.append((-n, str(pk), str(gk), pk, gk))
        pairs.sort()
        used_p, used_g = set(), set()
        for _, _, _, pk, gk in pairs:
            if pk not in used_p and gk not in used_g:
                used_p.add(pk)
                used_g.add(gk)
                c[("e", pk[0], "tp")] += 1
        for t in SCORED:
            c[("e", t, "np")] += sum(1 for k in pents if k[0] == t)
            c[("e", t, "ng")] += sum(1 for k in gents if k[0] == t)
    rows = {}
    for level in ("m", "e"):
        for t in SCORED + ("ALL",):
            ts = SCORED if t == "ALL" else (t,)
            tp = sum(c[(level, x, "tp")] for x in ts)
            n_p = sum(c[(level, x, "np")] for x in ts)
            n_g = sum(c[(level, x, "ng")] for x in ts)
            rows[(level, t)] = prf(tp, n_p, tp, n_g) + (n_p, n_g)
    n_p = sum(c[("m", x, "np")] for x in SCORED)
    n_g = sum(c[("m", x, "ng")] for x in SCORED)
    rows[("m", "span only")] = prf(c[("span", "tp")], c[("span", "np")], c[("span", "tp")], n_g) + (c[("span", "np")], n_g)
    rows[("m", "no demonym")] = prf(c[("dem", "tp")], c[("dem", "np")], c[("dem", "tp")], n_g) + (c[("dem", "np")], n_g)
    rows[("m", "overlap")] = prf(c[("ov", "tp_p")], n_p, c[("ov", "tp_r")], n_g) + (n_p, n_g)
    return rows


def print_table(results):
    systems = list(results)
    print(f"{'level':<8} {'type':<10} " + " ".join(f"{s + ' P':>13} {'R':>6} {'F1':>6} {'pred':>5}" for s in systems) + f" {'gold':>5}")
    for level, name in (("m", "mention"), ("e", "entity")):
        keys = [k for k in results[systems[0]] if k[0] == level]
        for k in keys:
            cells = []
            for s in systems:
                p, r, f, n_p, n_g = results[s][k]
                cells.append(f"{p:13.3f} {r:6.3f} {f:6.3f} {n_p:5d}")
            print(f"{name:<8} {k[1]:<10} " + " ".join(cells) + f" {results[systems[0]][k][4]:5d}")


def main():
    ap = argparse.ArgumentParser(description="held-out entity scores: newsgraph vs spaCy en_core_web_sm")
    ap.add_argument("--newsgraph", default=os.path.join(ROOT, ".build", "release", "newsgraph"))
    ap.add_argument("--errors", action="store_true", help="list false positives and misses per document")
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()
    regions, gold = load_gold()
    docs = load_texts(set(regions))
    results, errs = {}, {}
    with tempfile.TemporaryDirectory() as work:
        if os.path.exists(args.newsgraph):
            errs["newsgraph"] = []
            results["newsgraph"] = score(trim(run_newsgraph(args.newsgraph, docs, work), docs), gold, regions, docs, errs["newsgraph"])
        else:
            print(f"heldout: {args.newsgraph} not built, newsgraph skipped", file=sys.stderr)
    if not args.no_spacy:
        try:
            import spacy  # noqa: F401
            errs["spaCy sm"] = []
            results["spaCy sm"] = score(trim(run_spacy(docs), docs), gold, regions, docs, errs["spaCy sm"])
        except ImportError:
            print("heldout: spaCy is not installed, skipped", file=sys.stderr)
    if not results:
        sys.exit("heldout: nothing to score")
    n_gold = sum(len(v) for v in gold.values())
    print(f"== held-out: {len(regions)} documents, {n_gold} gold mentions (Benchmarks/heldout)")
    print_table(results)
    if args.errors:
        for s, per_doc in errs.items():
            print(f"\n== {s}: false positives (+) and misses (-), span and type")
            for doc_id, fp, fn in per_doc:
                text = docs[doc_id]["text"]
                for b, e, t in fp:
                    print(f"{doc_id} + {t} {text[b:e]!r} [{b},{e}]")
                for b, e, t in fn:
                    print(f"{doc_id} - {t} {text[b:e]!r} [{b},{e}]")


if __name__ == "__main__":
    main()
