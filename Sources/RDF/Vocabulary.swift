/// A namespace IRI; calling it with a local name gives the term, so code never spells out IRIs.
public struct Namespace: Sendable, Hashable {
    public let prefix: String
    public let iri: String
    public init(prefix: String, iri: String) { self.prefix = prefix; self.iri = iri }
    @inlinable public func callAsFunction(_ local: String) -> IRI { IRI(unchecked: iri + local) }
}

/// The standard vocabularies NewsGraph writes, with the terms the code refers to by name.
public enum Vocab {
    public enum rdf {
        public static let ns = Namespace(prefix: "rdf", iri: "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
        public static let type = ns("type")
        public static let first = ns("first")
        public static let rest = ns("rest")
        public static let `nil` = ns("nil")
        public static let langString = ns("langString")
        public static let dirLangString = ns("dirLangString")
        public static let XMLLiteral = ns("XMLLiteral")
        public static let HTML = ns("HTML")
        public static let JSON = ns("JSON")
        public static let Statement = ns("Statement")
        public static let subject = ns("subject")
        public static let predicate = ns("predicate")
        public static let object = ns("object")
        public static let value = ns("value")
        public static let language = ns("language")
        public static let direction = ns("direction")
        public static let List = ns("List")
    }
    public enum rdfs {
        public static let ns = Namespace(prefix: "rdfs", iri: "http://www.w3.org/2000/01/rdf-schema#")
        public static let label = ns("label")
        public static let comment = ns("comment")
        public static let subClassOf = ns("subClassOf")
        public static let subPropertyOf = ns("subPropertyOf")
        public static let domain = ns("domain")
        public static let range = ns("range")
        public static let Class = ns("Class")
        public static let seeAlso = ns("seeAlso")
    }
    public enum xsd {
        public static let ns = Namespace(prefix: "xsd", iri: "http://www.w3.org/2001/XMLSchema#")
        public static let string = ns("string")
        public static let boolean = ns("boolean")
        public static let integer = ns("integer")
        public static let decimal = ns("decimal")
        public static let double = ns("double")
        public static let float = ns("float")
        public static let date = ns("date")
        public static let dateTime = ns("dateTime")
        public static let nonNegativeInteger = ns("nonNegativeInteger")
        public static let anyURI = ns("anyURI")
    }
    public enum owl {
        public static let ns = Namespace(prefix: "owl", iri: "http://www.w3.org/2002/07/owl#")
        public static let sameAs = ns("sameAs")
        public static let Class = ns("Class")
        public static let ObjectProperty = ns("ObjectProperty")
        public static let DatatypeProperty = ns("DatatypeProperty")
        public static let Ontology = ns("Ontology")
    }
    /// schema.org, pinned to `http://schema.org/`, the namespace its own JSON-LD context expands to.
    public enum schema {
        public static let ns = Namespace(prefix: "schema", iri: "http://schema.org/")
        public static let name = ns("name")
        public static let alternateName = ns("alternateName")
        public static let sameAs = ns("sameAs")
        public static let Person = ns("Person")
        public static let Country = ns("Country")
        public static let Organization = ns("Organization")
        public static let Place = ns("Place")
        public static let Event = ns("Event")
    }
    public enum prov {
        public static let ns = Namespace(prefix: "prov", iri: "http://www.w3.org/ns/prov#")
        public static let wasDerivedFrom = ns("wasDerivedFrom")
    }
    public enum nif {
        public static let ns = Namespace(prefix: "nif", iri: "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
        public static let beginIndex = ns("beginIndex")
        public static let endIndex = ns("endIndex")
        public static let anchorOf = ns("anchorOf")
        public static let referenceContext = ns("referenceContext")
        public static let isString = ns("isString")
        public static let Context = ns("Context")
        public static let Phrase = ns("Phrase")
        public static let String = ns("String")
    }
    public enum itsrdf {
        public static let ns = Namespace(prefix: "itsrdf", iri: "http://www.w3.org/2005/11/its/rdf#")
        public static let taIdentRef = ns("taIdentRef")
        public static let taClassRef = ns("taClassRef")
    }
    public enum dcterms {
        public static let ns = Namespace(prefix: "dcterms", iri: "http://purl.org/dc/terms/")
        public static let source = ns("source")
        public static let created = ns("created")
        public static let title = ns("title")
    }
    public enum sh {
        public static let ns = Namespace(prefix: "sh", iri: "http://www.w3.org/ns/shacl#")
    }
    public enum wd {
        public static let ns = Namespace(prefix: "wd", iri: "http://www.wikidata.org/entity/")
    }

    /// The prefixes every writer knows by default, in a stable order.
    public static let wellKnown: [Namespace] = [
        rdf.ns, rdfs.ns, xsd.ns, owl.ns, schema.ns, prov.ns, nif.ns, itsrdf.ns, dcterms.ns, sh.ns, wd.ns,
    ]
}
