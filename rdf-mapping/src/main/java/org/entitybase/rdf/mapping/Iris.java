package org.entitybase.rdf.mapping;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * The fixed IRIs of the Wikibase RDF mapping (RDF, OWL, schema.org, SKOS, Wikibase ontology, …), created once.
 * Wikibase writes these the same way for every repository, so they are not part of {@link RdfVocabulary}.
 */
final class Iris {
    static final ValueFactory VF = SimpleValueFactory.getInstance();

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String OWL = "http://www.w3.org/2002/07/owl#";
    static final String WIKIBASE = "http://wikiba.se/ontology#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String SCHEMA = "http://schema.org/";
    static final String CC = "http://creativecommons.org/ns#";
    static final String GEO = "http://www.opengis.net/ont/geosparql#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String ONTOLEX = "http://www.w3.org/ns/lemon/ontolex#";
    static final String DCT = "http://purl.org/dc/terms/";

    static final IRI RDF_TYPE = iri(RDF, "type");
    static final IRI RDFS_LABEL = iri(RDFS, "label");

    static final IRI XSD_INTEGER = iri(XSD, "integer");
    static final IRI XSD_DECIMAL = iri(XSD, "decimal");
    static final IRI XSD_DOUBLE = iri(XSD, "double");
    static final IRI XSD_DATE_TIME = iri(XSD, "dateTime");
    static final IRI XSD_BOOLEAN = iri(XSD, "boolean");

    static final IRI OWL_CLASS = iri(OWL, "Class");
    static final IRI OWL_RESTRICTION = iri(OWL, "Restriction");
    static final IRI OWL_COMPLEMENT_OF = iri(OWL, "complementOf");
    static final IRI OWL_ON_PROPERTY = iri(OWL, "onProperty");
    static final IRI OWL_SOME_VALUES_FROM = iri(OWL, "someValuesFrom");
    static final IRI OWL_THING = iri(OWL, "Thing");
    static final IRI OWL_OBJECT_PROPERTY = iri(OWL, "ObjectProperty");
    static final IRI OWL_DATATYPE_PROPERTY = iri(OWL, "DatatypeProperty");
    static final IRI OWL_SAME_AS = iri(OWL, "sameAs");
    static final IRI OWL_ONTOLOGY = iri(OWL, "Ontology");
    static final IRI OWL_IMPORTS = iri(OWL, "imports");

    static final IRI SKOS_PREF_LABEL = iri(SKOS, "prefLabel");
    static final IRI SKOS_ALT_LABEL = iri(SKOS, "altLabel");
    static final IRI SKOS_DEFINITION = iri(SKOS, "definition");

    static final IRI SCHEMA_NAME = iri(SCHEMA, "name");
    static final IRI SCHEMA_DESCRIPTION = iri(SCHEMA, "description");
    static final IRI SCHEMA_ARTICLE = iri(SCHEMA, "Article");
    static final IRI SCHEMA_ABOUT = iri(SCHEMA, "about");
    static final IRI SCHEMA_IN_LANGUAGE = iri(SCHEMA, "inLanguage");
    static final IRI SCHEMA_IS_PART_OF = iri(SCHEMA, "isPartOf");
    static final IRI SCHEMA_DATASET = iri(SCHEMA, "Dataset");
    static final IRI SCHEMA_VERSION = iri(SCHEMA, "version");
    static final IRI SCHEMA_DATE_MODIFIED = iri(SCHEMA, "dateModified");
    static final IRI SCHEMA_SOFTWARE_VERSION = iri(SCHEMA, "softwareVersion");

    static final IRI CC_LICENSE = iri(CC, "license");
    static final IRI GEO_WKT_LITERAL = iri(GEO, "wktLiteral");
    static final IRI PROV_WAS_DERIVED_FROM = iri(PROV, "wasDerivedFrom");
    static final IRI DCT_LANGUAGE = iri(DCT, "language");

    static final IRI ONTOLEX_LEXICAL_ENTRY = iri(ONTOLEX, "LexicalEntry");
    static final IRI ONTOLEX_FORM = iri(ONTOLEX, "Form");
    static final IRI ONTOLEX_LEXICAL_SENSE = iri(ONTOLEX, "LexicalSense");
    static final IRI ONTOLEX_LEXICAL_FORM = iri(ONTOLEX, "lexicalForm");
    static final IRI ONTOLEX_SENSE = iri(ONTOLEX, "sense");
    static final IRI ONTOLEX_REPRESENTATION = iri(ONTOLEX, "representation");

    static final IRI WB_STATEMENT = iri(WIKIBASE, "Statement");
    static final IRI WB_REFERENCE = iri(WIKIBASE, "Reference");
    static final IRI WB_BEST_RANK = iri(WIKIBASE, "BestRank");
    static final IRI WB_PREFERRED_RANK = iri(WIKIBASE, "PreferredRank");
    static final IRI WB_NORMAL_RANK = iri(WIKIBASE, "NormalRank");
    static final IRI WB_DEPRECATED_RANK = iri(WIKIBASE, "DeprecatedRank");
    static final IRI WB_RANK = iri(WIKIBASE, "rank");
    static final IRI WB_BADGE = iri(WIKIBASE, "badge");
    static final IRI WB_WIKI_GROUP = iri(WIKIBASE, "wikiGroup");
    static final IRI WB_DUMP = iri(WIKIBASE, "Dump");
    static final IRI WB_PROPERTY_TYPE = iri(WIKIBASE, "propertyType");
    static final IRI WB_DIRECT_CLAIM = iri(WIKIBASE, "directClaim");
    static final IRI WB_DIRECT_CLAIM_NORMALIZED = iri(WIKIBASE, "directClaimNormalized");
    static final IRI WB_CLAIM = iri(WIKIBASE, "claim");
    static final IRI WB_STATEMENT_PROPERTY = iri(WIKIBASE, "statementProperty");
    static final IRI WB_STATEMENT_VALUE = iri(WIKIBASE, "statementValue");
    static final IRI WB_STATEMENT_VALUE_NORMALIZED = iri(WIKIBASE, "statementValueNormalized");
    static final IRI WB_QUALIFIER = iri(WIKIBASE, "qualifier");
    static final IRI WB_QUALIFIER_VALUE = iri(WIKIBASE, "qualifierValue");
    static final IRI WB_QUALIFIER_VALUE_NORMALIZED = iri(WIKIBASE, "qualifierValueNormalized");
    static final IRI WB_REFERENCE_PROPERTY = iri(WIKIBASE, "reference");
    static final IRI WB_REFERENCE_VALUE = iri(WIKIBASE, "referenceValue");
    static final IRI WB_REFERENCE_VALUE_NORMALIZED = iri(WIKIBASE, "referenceValueNormalized");
    static final IRI WB_NOVALUE = iri(WIKIBASE, "novalue");
    static final IRI WB_TIME_VALUE_CLASS = iri(WIKIBASE, "TimeValue");
    static final IRI WB_QUANTITY_VALUE_CLASS = iri(WIKIBASE, "QuantityValue");
    static final IRI WB_GLOBECOORDINATE_VALUE_CLASS = iri(WIKIBASE, "GlobecoordinateValue");
    static final IRI WB_TIME_VALUE = iri(WIKIBASE, "timeValue");
    static final IRI WB_TIME_PRECISION = iri(WIKIBASE, "timePrecision");
    static final IRI WB_TIME_TIMEZONE = iri(WIKIBASE, "timeTimezone");
    static final IRI WB_TIME_CALENDAR_MODEL = iri(WIKIBASE, "timeCalendarModel");
    static final IRI WB_QUANTITY_AMOUNT = iri(WIKIBASE, "quantityAmount");
    static final IRI WB_QUANTITY_UPPER_BOUND = iri(WIKIBASE, "quantityUpperBound");
    static final IRI WB_QUANTITY_LOWER_BOUND = iri(WIKIBASE, "quantityLowerBound");
    static final IRI WB_QUANTITY_UNIT = iri(WIKIBASE, "quantityUnit");
    static final IRI WB_QUANTITY_NORMALIZED = iri(WIKIBASE, "quantityNormalized");
    static final IRI WB_GEO_LATITUDE = iri(WIKIBASE, "geoLatitude");
    static final IRI WB_GEO_LONGITUDE = iri(WIKIBASE, "geoLongitude");
    static final IRI WB_GEO_PRECISION = iri(WIKIBASE, "geoPrecision");
    static final IRI WB_GEO_GLOBE = iri(WIKIBASE, "geoGlobe");
    static final IRI WB_GEO_AUTO_PRECISION = iri(WIKIBASE, "GeoAutoPrecision");
    static final IRI WB_LEMMA = iri(WIKIBASE, "lemma");
    static final IRI WB_LEXICAL_CATEGORY = iri(WIKIBASE, "lexicalCategory");
    static final IRI WB_GRAMMATICAL_FEATURE = iri(WIKIBASE, "grammaticalFeature");

    /** Wikibase writes unit {@code "1"} as this item, whatever the repository (T105432). */
    static final IRI UNIT_ONE = VF.createIRI("http://www.wikidata.org/entity/Q199");

    /** {@code RdfVocabulary::getOntologyURI()}, imported by the dump header. */
    static final IRI ONTOLOGY_DOCUMENT = VF.createIRI("http://wikiba.se/ontology-1.0.owl");

    static final String COMMONS_FILE_PATH = "http://commons.wikimedia.org/wiki/Special:FilePath/";
    static final String COMMONS_DATA = "http://commons.wikimedia.org/data/main/";
    static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    static final IRI MATHML_DATATYPE = VF.createIRI(MATHML);

    /** {@code RdfVocabulary::FORMAT_VERSION}. */
    static final String FORMAT_VERSION = "1.0.0";

    private Iris() {}

    private static IRI iri(String namespace, String localName) {
        return VF.createIRI(namespace, localName);
    }
}
