#!/usr/bin/env python3
"""Writes a synthetic N-Triples file shaped like NewsGraph output (persons, countries, events,
mentions; IRIs, plain, typed and language-tagged literals, a few blank nodes), deterministically."""
import sys

def main(n: int, out) -> None:
    ng = "https://w3id.org/newsgraph/id/"
    s = "http://schema.org/"
    count = 0
    i = 0
    w = out.write
    while count < n:
        p = f"<{ng}person-{i}>"
        lines = [
            f'{p} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{s}Person> .\n',
            f'{p} <{s}name> "Person number {i} \\"quoted\\"" .\n',
            f'{p} <{s}alternateName> "P. {i}"@en .\n',
            f'{p} <{s}nationality> <{ng}country-{i % 200}> .\n',
            f'{p} <{s}sameAs> <http://www.wikidata.org/entity/Q{i + 1}> .\n',
            f'<{ng}event-{i}> <{s}participant> {p} .\n',
            f'<{ng}event-{i}> <{s}startDate> "2024-11-{(i % 28) + 1:02d}"^^<http://www.w3.org/2001/XMLSchema#date> .\n',
            f'<{ng}doc-{i % 1000}#char={i},{i + 7}> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> "{i}"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .\n',
            f'_:b{i} <{s}text> "Line one\\nline two — Orbán" .\n',
            f'<{ng}event-{i}> <{s}about> _:b{i} .\n',
        ]
        for line in lines:
            if count >= n:
                break
            w(line)
            count += 1
        i += 1

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000, sys.stdout)
