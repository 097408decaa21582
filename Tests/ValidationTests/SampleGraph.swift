/// A small NewsGraph graph written by hand from Schemas/MODEL.md: one node of every kind.
/// The shape tests validate it as is (it must conform) and in broken copies.
let sampleGraphTurtle = """
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix schema: <http://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix grasp:  <http://groundedannotationframework.org/grasp#> .
@prefix graspf: <http://groundedannotationframework.org/grasp/factuality#> .
@prefix wd:     <http://www.wikidata.org/entity/> .
@prefix ng:     <https://w3id.org/newsgraph/ontology#> .
@prefix id:     <https://w3id.org/newsgraph/id/> .

id:doc-a1 a schema:NewsArticle, nif:Context ;
    schema:name "a1.txt" ;
    schema:datePublished "2025-02-13"^^xsd:date ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ;
    nif:endIndex "120"^^xsd:nonNegativeInteger ;
    nif:isString "Donald Trump said he spoke with Vladimir Putin by phone on Wednesday, the Kremlin confirmed. Officials in Kyiv were not told." .

id:person-donald-trump a schema:Person ;
    schema:name "Donald Trump" ;
    schema:alternateName "Trump" ;
    schema:jobTitle "President" ;
    schema:nationality id:country-united-states ;
    schema:memberOf id:role-donald-trump-president-united-states ;
    schema:sameAs wd:Q22686 ;
    prov:wasDerivedFrom id:doc-a1 .

id:person-vladimir-putin a schema:Person ;
    schema:name "Vladimir Putin" ;
    schema:sameAs wd:Q7747 ;
    owl:sameAs wd:Q7747 ;
    prov:wasDerivedFrom id:doc-a1 .

id:country-united-states a schema:Country ;
    schema:name "United States" ;
    schema:identifier "US" ;
    schema:sameAs wd:Q30 ;
    prov:wasDerivedFrom id:doc-a1 .

id:country-russia a schema:Country ;
    schema:name "Russia" ;
    schema:sameAs wd:Q159 ;
    prov:wasDerivedFrom id:doc-a1 .

id:org-kremlin a schema:GovernmentOrganization ;
    schema:name "Kremlin" ;
    schema:areaServed id:country-russia ;
    prov:wasDerivedFrom id:doc-a1 .

id:place-kyiv a schema:City ;
    schema:name "Kyiv" ;
    schema:containedInPlace id:country-ukraine ;
    prov:wasDerivedFrom id:doc-a1 .

id:country-ukraine a schema:Country ;
    schema:name "Ukraine" ;
    prov:wasDerivedFrom id:doc-a1 .

id:role-donald-trump-president-united-states a schema:OrganizationRole ;
    schema:roleName "President" ;
    schema:memberOf id:country-united-states ;
    schema:startDate "2025-01-20"^^xsd:date ;
    prov:wasDerivedFrom id:doc-a1 .

id:event-2025-02-12-phone-call-donald-trump-vladimir-putin a schema:Event, ng:PhoneCall ;
    schema:name "Phone call between Donald Trump and Vladimir Putin" ;
    schema:participant id:person-donald-trump, id:person-vladimir-putin ;
    schema:startDate "2025-02-12"^^xsd:date ;
    ng:dateStatus "relative" ;
    schema:location id:place-kyiv ;
    grasp:hasAttribution id:attr-event-2025-02-12-phone-call-donald-trump-vladimir-putin-org-kremlin ;
    ng:contested false ;
    prov:wasDerivedFrom id:doc-a1 .

id:attr-event-2025-02-12-phone-call-donald-trump-vladimir-putin-org-kremlin a grasp:Attribution ;
    rdf:value graspf:CERTAIN, graspf:POS ;
    prov:wasAttributedTo id:org-kremlin ;
    grasp:isAttributionFor id:event-2025-02-12-phone-call-donald-trump-vladimir-putin ;
    prov:wasDerivedFrom id:doc-a1 .

id:quote-a1-0 a schema:Quotation ;
    schema:text "he spoke with Vladimir Putin by phone" ;
    schema:spokenByCharacter id:person-donald-trump ;
    schema:about id:event-2025-02-12-phone-call-donald-trump-vladimir-putin ;
    prov:wasDerivedFrom id:doc-a1 .

<https://w3id.org/newsgraph/id/doc-a1#char=0,12> a nif:Phrase ;
    nif:referenceContext id:doc-a1 ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ;
    nif:endIndex "12"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Donald Trump" ;
    itsrdf:taIdentRef id:person-donald-trump ;
    itsrdf:taClassRef schema:Person .

"""

/// One broken copy of the sample per constraint: the text to replace, its replacement, and the
/// result every SHACL engine must report (focus node IRI, constraint component local name).
struct ShapeMutant {
    var name: String
    var old: String
    var new: String
    var focus: String
    var component: String
}

let idNS = "https://w3id.org/newsgraph/id/"
let eventIRI = idNS + "event-2025-02-12-phone-call-donald-trump-vladimir-putin"
let attributionIRI = idNS + "attr-event-2025-02-12-phone-call-donald-trump-vladimir-putin-org-kremlin"
let mentionIRI = idNS + "doc-a1#char=0,12"

let shapeMutants: [ShapeMutant] = [
    ShapeMutant(name: "person without name", old: "    schema:name \"Donald Trump\" ;\n", new: "",
                focus: idNS + "person-donald-trump", component: "MinCountConstraintComponent"),
    ShapeMutant(name: "country with two names", old: "schema:name \"Russia\" ;", new: "schema:name \"Russia\", \"Russian Federation\" ;",
                focus: idNS + "country-russia", component: "MaxCountConstraintComponent"),
    ShapeMutant(name: "organization name not a string", old: "schema:name \"Kremlin\" ;", new: "schema:name 42 ;",
                focus: idNS + "org-kremlin", component: "DatatypeConstraintComponent"),
    ShapeMutant(name: "place without name", old: "    schema:name \"Kyiv\" ;\n", new: "",
                focus: idNS + "place-kyiv", component: "MinCountConstraintComponent"),
    ShapeMutant(name: "event without name", old: "    schema:name \"Phone call between Donald Trump and Vladimir Putin\" ;\n", new: "",
                focus: eventIRI, component: "MinCountConstraintComponent"),
    ShapeMutant(name: "event without specific type", old: "a schema:Event, ng:PhoneCall ;", new: "a schema:Event ;",
                focus: eventIRI, component: "QualifiedMinCountConstraintComponent"),
    ShapeMutant(name: "event without participants",
                old: "    schema:participant id:person-donald-trump, id:person-vladimir-putin ;\n", new: "",
                focus: eventIRI, component: "MinCountConstraintComponent"),
    ShapeMutant(name: "event date as string", old: "schema:startDate \"2025-02-12\"^^xsd:date ;", new: "schema:startDate \"2025-02-12\" ;",
                focus: eventIRI, component: "DatatypeConstraintComponent"),
    ShapeMutant(name: "event date as dateTime", old: "schema:startDate \"2025-02-12\"^^xsd:date ;",
                new: "schema:startDate \"2025-02-12T10:00:00Z\"^^xsd:dateTime ;",
                focus: eventIRI, component: "DatatypeConstraintComponent"),
    ShapeMutant(name: "ill-formed date", old: "schema:startDate \"2025-02-12\"^^xsd:date ;", new: "schema:startDate \"2025-02-30\"^^xsd:date ;",
                focus: eventIRI, component: "DatatypeConstraintComponent"),
    ShapeMutant(name: "bad dateStatus", old: "ng:dateStatus \"relative\"", new: "ng:dateStatus \"yesterday\"",
                focus: eventIRI, component: "InConstraintComponent"),
    ShapeMutant(name: "datePublished as dateTime", old: "\"2025-02-13\"^^xsd:date", new: "\"2025-02-13T00:00:00Z\"^^xsd:dateTime",
                focus: idNS + "doc-a1", component: "DatatypeConstraintComponent"),
    ShapeMutant(name: "role startDate as string", old: "schema:startDate \"2025-01-20\"^^xsd:date", new: "schema:startDate \"January 2025\"",
                focus: idNS + "role-donald-trump-president-united-states", component: "DatatypeConstraintComponent"),
    ShapeMutant(name: "sameAs not Wikidata", old: "schema:sameAs wd:Q22686 ;", new: "schema:sameAs <https://en.wikipedia.org/wiki/Donald_Trump> ;",
                focus: idNS + "person-donald-trump", component: "PatternConstraintComponent"),
    ShapeMutant(name: "sameAs Wikidata property, not entity", old: "schema:sameAs wd:Q30 ;", new: "schema:sameAs <http://www.wikidata.org/entity/P30> ;",
                focus: idNS + "country-united-states", component: "PatternConstraintComponent"),
    ShapeMutant(name: "owl:sameAs https Wikidata", old: "owl:sameAs wd:Q7747 ;", new: "owl:sameAs <https://www.wikidata.org/entity/Q7747> ;",
                focus: idNS + "person-vladimir-putin", component: "PatternConstraintComponent"),
    ShapeMutant(name: "sameAs literal", old: "schema:sameAs wd:Q159 ;", new: "schema:sameAs \"Q159\" ;",
                focus: idNS + "country-russia", component: "NodeKindConstraintComponent"),
    ShapeMutant(name: "mention begin not before end", old: "nif:beginIndex \"0\"^^xsd:nonNegativeInteger ;\n    nif:endIndex \"12\"",
                new: "nif:beginIndex \"12\"^^xsd:nonNegativeInteger ;\n    nif:endIndex \"12\"",
                focus: mentionIRI, component: "LessThanConstraintComponent"),
    ShapeMutant(name: "mention negative begin", old: "nif:beginIndex \"0\"^^xsd:nonNegativeInteger ;\n    nif:endIndex \"12\"",
                new: "nif:beginIndex -1 ;\n    nif:endIndex \"12\"",
                focus: mentionIRI, component: "MinInclusiveConstraintComponent"),
    ShapeMutant(name: "mention without end", old: "    nif:endIndex \"12\"^^xsd:nonNegativeInteger ;\n", new: "",
                focus: mentionIRI, component: "MinCountConstraintComponent"),
    ShapeMutant(name: "mention without referenceContext", old: "    nif:referenceContext id:doc-a1 ;\n", new: "",
                focus: mentionIRI, component: "MinCountConstraintComponent"),
    ShapeMutant(name: "referenceContext not a nif:Context", old: "    nif:referenceContext id:doc-a1 ;\n", new: "    nif:referenceContext id:person-donald-trump ;\n",
                focus: mentionIRI, component: "ClassConstraintComponent"),
    ShapeMutant(name: "anchorOf language-tagged", old: "nif:anchorOf \"Donald Trump\" ;", new: "nif:anchorOf \"Donald Trump\"@en ;",
                focus: mentionIRI, component: "DatatypeConstraintComponent"),
    ShapeMutant(name: "attribution with unknown value", old: "rdf:value graspf:CERTAIN, graspf:POS ;", new: "rdf:value graspf:CERTAIN, graspf:MAYBE ;",
                focus: attributionIRI, component: "InConstraintComponent"),
    ShapeMutant(name: "attribution without value", old: "    rdf:value graspf:CERTAIN, graspf:POS ;\n", new: "",
                focus: attributionIRI, component: "MinCountConstraintComponent"),
    ShapeMutant(name: "attribution without source", old: "    prov:wasAttributedTo id:org-kremlin ;\n", new: "",
                focus: attributionIRI, component: "MinCountConstraintComponent"),
    ShapeMutant(name: "role without roleName", old: "    schema:roleName \"President\" ;\n", new: "",
                focus: idNS + "role-donald-trump-president-united-states", component: "MinCountConstraintComponent"),
    ShapeMutant(name: "quotation without text", old: "    schema:text \"he spoke with Vladimir Putin by phone\" ;\n", new: "",
                focus: idNS + "quote-a1-0", component: "MinCountConstraintComponent"),
    ShapeMutant(name: "quotation without speaker", old: "    schema:spokenByCharacter id:person-donald-trump ;\n", new: "",
                focus: idNS + "quote-a1-0", component: "MinCountConstraintComponent"),
    ShapeMutant(name: "entity without provenance", old: "    schema:identifier \"US\" ;\n    schema:sameAs wd:Q30 ;\n    prov:wasDerivedFrom id:doc-a1 .",
                new: "    schema:identifier \"US\" ;\n    schema:sameAs wd:Q30 .",
                focus: idNS + "country-united-states", component: "MinCountConstraintComponent"),
    ShapeMutant(name: "blank node subject", old: "id:country-ukraine a schema:Country ;", new: "_:ukraine a schema:Country ;\n    owl:sameAs wd:Q212 .\nid:country-ukraine a schema:Country ;",
                focus: "_:", component: "NodeKindConstraintComponent"),
    ShapeMutant(name: "blank node participant", old: "schema:participant id:person-donald-trump, id:person-vladimir-putin ;",
                new: "schema:participant id:person-donald-trump, [ schema:name \"someone\" ] ;",
                focus: "_:", component: "NodeKindConstraintComponent"),
]
