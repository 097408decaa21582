// JSON-LD 1.1 processing (context processing, expansion, compaction, flattening, RDF conversion).
