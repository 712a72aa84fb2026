package org.entitybase.rdf.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.rdf4j.model.IRI;

import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;

/**
 * The URI bases of a Wikibase repository's RDF ({@code RdfVocabulary} in Wikibase): where entity, data, statement,
 * reference, value and property-predicate IRIs live, the license, the BCP 47 overrides for sitelink languages and the
 * page properties written on data nodes. {@link #wikidata()} is Wikidata's; {@link #builder} makes others (the
 * Wikibase test fixtures use {@code http://acme.test/}, with properties from a second repository in some cases).
 *
 * <p>Immutable and thread-safe; the per-property IRIs ({@link PropertyIris}) and datatype IRIs are created once and
 * cached, so writers share one vocabulary.
 */
public final class RdfVocabulary {

    /** Wikidata's concept URI base. */
    static final String WIKIDATA_CONCEPT_BASE = "http://www.wikidata.org/entity/";

    /** Wikidata's data (document) URI base, as Special:EntityData writes it. */
    static final String WIKIDATA_DATA_BASE = "https://www.wikidata.org/wiki/Special:EntityData/";

    static final String CC0 = "http://creativecommons.org/publicdomain/zero/1.0/";

    /** A page property written on data nodes: {@code wikibase:<predicate>}, converted to {@code type} if set. */
    record PageProperty(String name, IRI predicate, String type) {}

    /**
     * One entity source (repository): its concept and data bases and the IRI namespaces derived from them, as
     * Wikibase's {@code RdfVocabulary::getConceptNamespaces} derives them.
     */
    static final class Source {
        final String name;
        final String nodePrefix;
        final String predicatePrefix;
        final String entity;
        final String data;
        final String statement;
        final String reference;
        final String value;
        final String direct;
        final String directNormalized;
        final String claim;
        final String statementProperty;
        final String statementValue;
        final String statementValueNormalized;
        final String qualifier;
        final String qualifierValue;
        final String qualifierValueNormalized;
        final String referenceProperty;
        final String referenceValue;
        final String referenceValueNormalized;
        final String novalue;

        Source(String name, String conceptBase, String dataBase, String nodePrefix, String predicatePrefix) {
            this.name = name;
            this.nodePrefix = nodePrefix;
            this.predicatePrefix = predicatePrefix;
            // "http://www.wikidata.org/entity/" → "http://www.wikidata.org/" for everything but entities
            String top = conceptBase.endsWith("entity/")
                    ? conceptBase.substring(0, conceptBase.length() - "entity/".length())
                    : conceptBase;
            String prop = top + "prop/";
            this.entity = conceptBase;
            this.data = dataBase;
            this.statement = conceptBase + "statement/";
            this.reference = top + "reference/";
            this.value = top + "value/";
            this.direct = prop + "direct/";
            this.directNormalized = prop + "direct-normalized/";
            this.claim = prop;
            this.statementProperty = prop + "statement/";
            this.statementValue = prop + "statement/value/";
            this.statementValueNormalized = prop + "statement/value-normalized/";
            this.qualifier = prop + "qualifier/";
            this.qualifierValue = prop + "qualifier/value/";
            this.qualifierValueNormalized = prop + "qualifier/value-normalized/";
            this.referenceProperty = prop + "reference/";
            this.referenceValue = prop + "reference/value/";
            this.referenceValueNormalized = prop + "reference/value-normalized/";
            this.novalue = prop + "novalue/";
        }

        /** The source name, part of the {@code owl:complementOf} blank-node labels ({@code wikidata}). */
        public String name() {
            return name;
        }

        public String conceptBase() {
            return entity;
        }

        public String dataBase() {
            return data;
        }

        /** The namespace a snak's property IRI is in for {@code role} (part of somevalue blank-node labels). */
        String simpleNamespace(SnakRole role) {
            return switch (role) {
                case DIRECT -> direct;
                case STATEMENT -> statementProperty;
                case QUALIFIER -> qualifier;
                case REFERENCE -> referenceProperty;
            };
        }

        void addPrefixes(Map<String, String> prefixes) {
            String n = nodePrefix;
            String p = predicatePrefix;
            prefixes.put(n, entity);
            prefixes.put(p + "data", data);
            prefixes.put(n + "s", statement);
            prefixes.put(n + "ref", reference);
            prefixes.put(n + "v", value);
            prefixes.put(n + "t", direct);
            prefixes.put(n + "tn", directNormalized);
            prefixes.put(p + "p", claim);
            prefixes.put(p + "ps", statementProperty);
            prefixes.put(p + "psv", statementValue);
            prefixes.put(p + "psn", statementValueNormalized);
            prefixes.put(p + "pq", qualifier);
            prefixes.put(p + "pqv", qualifierValue);
            prefixes.put(p + "pqn", qualifierValueNormalized);
            prefixes.put(p + "pr", referenceProperty);
            prefixes.put(p + "prv", referenceValue);
            prefixes.put(p + "prn", referenceValueNormalized);
            prefixes.put(n + "no", novalue);
        }
    }

    private static final RdfVocabulary WIKIDATA = builder(WIKIDATA_CONCEPT_BASE, WIKIDATA_DATA_BASE)
            .sourceName("wikidata")
            // Wikidata's canonicalLanguageCodes setting ("nrm" is confirmed by real Turtle)
            .canonicalLanguageCode("simple", "en-simple")
            .canonicalLanguageCode("crh", "crh-Latn")
            .canonicalLanguageCode("cbk-zam", "cbk-x-zam")
            .canonicalLanguageCode("map-bms", "jv-x-bms")
            .canonicalLanguageCode("nrm", "fr-x-nrm")
            .canonicalLanguageCode("roa-tara", "it-x-tara")
            .canonicalLanguageCode("de-formal", "de-x-formal")
            .canonicalLanguageCode("es-formal", "es-x-formal")
            .canonicalLanguageCode("hu-formal", "hu-x-formal")
            .canonicalLanguageCode("nl-informal", "nl-x-informal")
            .pageProperty("wb-claims", "statements", "integer")
            .pageProperty("wb-sitelinks", "sitelinks", "integer")
            .pageProperty("wb-identifiers", "identifiers", "integer")
            .build();

    private final Source local;
    private final Source properties;
    private final IRI license;
    private final Map<String, String> canonicalLanguageCodes;
    private final Map<String, PageProperty> pageProperties;
    private final Map<String, String> prefixes;
    private final Map<String, PropertyIris> propertyIris = new ConcurrentHashMap<>();
    private final Map<String, IRI> datatypeIris = new ConcurrentHashMap<>();
    private final Map<String, String> canonicalCache = new ConcurrentHashMap<>();

    private RdfVocabulary(Builder b) {
        this.local = new Source(b.sourceName, b.conceptBase, b.dataBase, b.nodePrefix, "");
        this.properties = b.propertyConceptBase == null
                ? local
                : new Source(
                        b.propertySourceName,
                        b.propertyConceptBase,
                        b.propertyDataBase,
                        b.propertyPrefix,
                        b.propertyPrefix);
        this.license = Iris.VF.createIRI(b.license);
        this.canonicalLanguageCodes = Map.copyOf(b.canonicalLanguageCodes);
        this.pageProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.pageProperties));
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("rdf", Iris.RDF);
        prefixes.put("xsd", Iris.XSD);
        prefixes.put("ontolex", Iris.ONTOLEX);
        prefixes.put("dct", Iris.DCT);
        prefixes.put("rdfs", Iris.RDFS);
        prefixes.put("owl", Iris.OWL);
        prefixes.put("wikibase", Iris.WIKIBASE);
        prefixes.put("skos", Iris.SKOS);
        prefixes.put("schema", Iris.SCHEMA);
        prefixes.put("cc", Iris.CC);
        prefixes.put("geo", Iris.GEO);
        prefixes.put("prov", Iris.PROV);
        local.addPrefixes(prefixes);
        if (properties != local) {
            properties.addPrefixes(prefixes);
        }
        this.prefixes = Collections.unmodifiableMap(prefixes);
    }

    /** Wikidata's vocabulary, with its page properties and sitelink language overrides. */
    public static RdfVocabulary wikidata() {
        return WIKIDATA;
    }

    /** A repository whose entities (all types) are under {@code conceptBase}, data documents under {@code dataBase}. */
    static Builder builder(String conceptBase, String dataBase) {
        return new Builder(conceptBase, dataBase);
    }

    /** The source of entities of {@code type}: properties may come from another repository. */
    Source sourceOf(EntityType type) {
        return type == EntityType.PROPERTY ? properties : local;
    }

    Source localSource() {
        return local;
    }

    Source propertySource() {
        return properties;
    }

    /** The concept IRI of an entity ({@code wd:Q42}). */
    IRI entityIri(EntityId id) {
        if (id.type() == EntityType.PROPERTY) {
            return property(id.value()).entity;
        }
        return Iris.VF.createIRI(local.entity + id.value());
    }

    /** The data (document) IRI of an entity ({@code data:Q42}). */
    IRI dataIri(EntityId id) {
        return Iris.VF.createIRI(sourceOf(id.type()).data + id.value());
    }

    /** The predicate IRIs of property {@code propertyId} ({@code P31}), created on first use. */
    PropertyIris property(String propertyId) {
        PropertyIris iris = propertyIris.get(propertyId);
        if (iris == null) {
            iris = propertyIris.computeIfAbsent(propertyId, id -> new PropertyIris(properties, id));
        }
        return iris;
    }

    /**
     * {@code wikibase:propertyType}: Wikibase's generic rule, {@code ucwords} over the {@code -}-separated parts with
     * non-word characters removed ({@code wikibase-item} → {@code WikibaseItem}).
     */
    IRI datatypeIri(String datatypeId) {
        IRI iri = datatypeIris.get(datatypeId);
        if (iri == null) {
            iri = datatypeIris.computeIfAbsent(datatypeId, RdfVocabulary::genericDatatypeIri);
        }
        return iri;
    }

    private static IRI genericDatatypeIri(String datatypeId) {
        StringBuilder name = new StringBuilder(datatypeId.length());
        boolean wordStart = true;
        for (int i = 0; i < datatypeId.length(); i++) {
            char c = datatypeId.charAt(i);
            if (c == '-' || c == ' ') {
                wordStart = true;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_') {
                name.append(wordStart ? Character.toUpperCase(c) : c);
            }
            wordStart = false;
        }
        return Iris.VF.createIRI(Iris.WIKIBASE, name.toString());
    }

    IRI license() {
        return license;
    }

    /** The BCP 47 code Wikibase writes for a site's language: the configured override, else MediaWiki's rules. */
    String canonicalLanguageCode(String code) {
        String canonical = canonicalCache.get(code);
        if (canonical == null) {
            String override = canonicalLanguageCodes.get(code);
            canonical = override != null ? override : LanguageCodes.bcp47(code);
            canonicalCache.put(code, canonical);
        }
        return canonical;
    }

    /** Page property name ({@code wb-claims}) → how it is written; empty when the repository writes none. */
    Map<String, PageProperty> pageProperties() {
        return pageProperties;
    }

    /** Prefix → namespace, for writers that abbreviate (Turtle, RDF/XML), in Wikidata's order and naming. */
    public Map<String, String> prefixes() {
        return prefixes;
    }

    static final class Builder {
        private final String conceptBase;
        private final String dataBase;
        private String sourceName = "local";
        private String nodePrefix = "wd";
        private String propertyConceptBase;
        private String propertyDataBase;
        private String propertySourceName;
        private String propertyPrefix;
        private String license = CC0;
        private final Map<String, String> canonicalLanguageCodes = new LinkedHashMap<>();
        private final Map<String, PageProperty> pageProperties = new LinkedHashMap<>();

        private Builder(String conceptBase, String dataBase) {
            this.conceptBase = requireBase(conceptBase);
            this.dataBase = requireBase(dataBase);
        }

        /** The repository's entity source name (used in {@code owl:complementOf} blank-node labels). */
        public Builder sourceName(String name) {
            this.sourceName = name;
            return this;
        }

        /** The Turtle prefix of entity IRIs ({@code wd}); other node prefixes derive from it. */
        public Builder nodePrefix(String prefix) {
            this.nodePrefix = prefix;
            return this;
        }

        /**
         * Properties come from another repository ("federated properties"): their entity and predicate IRIs use
         * that repository's bases, while statements, references and values stay in this one's.
         */
        public Builder propertySource(String name, String conceptBase, String dataBase, String prefix) {
            this.propertySourceName = name;
            this.propertyConceptBase = requireBase(conceptBase);
            this.propertyDataBase = requireBase(dataBase);
            this.propertyPrefix = prefix;
            return this;
        }

        public Builder license(String url) {
            this.license = url;
            return this;
        }

        /** Writes sitelink language {@code code} as {@code canonical} instead of MediaWiki's BCP 47 form. */
        public Builder canonicalLanguageCode(String code, String canonical) {
            canonicalLanguageCodes.put(code, canonical);
            return this;
        }

        /**
         * Writes page property {@code name} as {@code wikibase:<predicate>}, converting the value to {@code type}
         * ({@code integer}, {@code float}, {@code boolean}, {@code string}; null keeps it as it is).
         */
        public Builder pageProperty(String name, String predicate, String type) {
            pageProperties.put(name, new PageProperty(name, Iris.VF.createIRI(Iris.WIKIBASE, predicate), type));
            return this;
        }

        public RdfVocabulary build() {
            return new RdfVocabulary(this);
        }

        private static String requireBase(String base) {
            if (base == null || base.indexOf(':') < 0) {
                throw new IllegalArgumentException("not an absolute URI base: " + base);
            }
            return base;
        }
    }
}
