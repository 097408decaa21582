import RDF
