#!/usr/bin/env python3
"""Turns annotations.txt (hand annotation by surface, in text order) into gold.tsv (code-point
offsets into the document text) and docs.txt, reading the documents from the corpus JSONL.

  python3 Benchmarks/heldout/make_gold.py [CORPUS_JSONL]

It fails on a surface it cannot find in order on its line, and warns about every further
word-bounded occurrence of an annotated surface inside the annotated region that is not annotated,
so a forgotten repeat mention is caught (the warnings left are deliberate: demonym compounds such
as "Malta-flagged" or names inside longer names)."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "..", "..", "shared", "corpus", "wikipedia-current-events", "corpus.jsonl")
TYPES = {"PER", "ORG", "GPE", "LOC", "-"}  # "-": an occurrence that is not a mention (skipped)


def slug(s: str) -> str:
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def parse(path):
    """Returns [(doc_id, last_line, [(line, [(surface, type, entity)])])]."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("# "):
                continue
            if line.startswith("## "):
                doc_id, last = line[3:].split()
                docs.append((doc_id, int(last), []))
                continue
            num, rest = line.split("\t", 1)
            mentions = []
            for m in rest.split(" ; "):
                parts = m.split("|")
                if len(parts) == 2:
                    parts.append(parts[0])
                surface, typ, entity = parts
                if typ not in TYPES:
                    sys.exit(f"annotations.txt:{n}: unknown type {typ}")
                mentions.append((surface, typ, entity))
            docs[-1][2].append((int(num), mentions))
    return docs


def bounded(text, i, j):
    return (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum())


def occurrences(text, surface, start, end):
    i = text.find(surface, start, end)
    while i >= 0:
        if bounded(text, i, i + len(surface)):
            yield i
        i = text.find(surface, i + 1, end)


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_CORPUS
    texts = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts[d["id"]] = d["text"]
    rows, regions, warnings = [], [], 0
    for doc_id, last_line, lines in parse(os.path.join(HERE, "annotations.txt")):
        text = texts[doc_id]
        starts = [0]
        for k, ch in enumerate(text):
            if ch == "\n":
                starts.append(k + 1)
        line_span = lambda ln: (starts[ln - 1], (starts[ln] - 1) if ln < len(starts) else len(text))
        region_end = line_span(last_line)[1]
        spans, skipped = [], []
        for ln, mentions in lines:
            b, e = line_span(ln)
            cursor = b
            for surface, typ, entity in mentions:
                found = next(occurrences(text, surface, cursor, e), None)
                if found is None:
                    sys.exit(f"{doc_id} line {ln}: '{surface}' not found (in order)")
                cursor = found + len(surface)
                if typ == "-":
                    skipped.append((found, cursor))
                    continue
                spans.append((found, found + len(surface), typ, surface, f"{doc_id}#{slug(entity)}"))
        spans.sort()
        for a, b2 in zip(spans, spans[1:]):
            if b2[0] < a[1]:
                sys.exit(f"{doc_id}: overlapping gold spans {a} {b2}")
        annotated = {(s[0], s[1]) for s in spans}
        covered = [(s[0], s[1]) for s in spans] + skipped
        for surface in sorted({s[3] for s in spans}):
            for i in occurrences(text, surface, 0, region_end):
                j = i + len(surface)
                if (i, j) not in annotated and not any(a <= i and j <= b and (a, b) != (i, j) for a, b in covered):
                    ctx = text[max(0, i - 25):j + 25].replace("\n", " ")
                    print(f"warning: {doc_id}: unannotated '{surface}' at {i}: …{ctx}…", file=sys.stderr)
                    warnings += 1
        rows.extend((doc_id,) + s for s in spans)
        regions.append((doc_id, region_end, last_line))
    with open(os.path.join(HERE, "gold.tsv"), "w", encoding="utf-8") as f:
        f.write("doc_id\tbegin\tend\ttype\tsurface\tentity_id\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    with open(os.path.join(HERE, "docs.txt"), "w", encoding="utf-8") as f:
        for doc_id, end, last_line in regions:
            f.write(f"{doc_id}\t{end}\t{last_line}\n")
    print(f"{len(rows)} gold mentions in {len(regions)} documents, {warnings} warnings", file=sys.stderr)


if __name__ == "__main__":
    main()
