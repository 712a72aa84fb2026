package org.entitybase.rdf.mapping;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.rio.RDFHandler;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.MediaInfo;
import org.entitybase.model.entity.PageMetadata;
import org.entitybase.model.entity.Property;
import org.entitybase.model.hash.wikibase.RdfNodeNames;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.PhpNumbers;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;

/**
 * Wikibase's RDF mapping of entities (Wikibase's {@code RdfBuilder} and its parts), streamed to an RDF4J
 * {@link RDFHandler}: any Rio writer (Turtle, N-Triples, RDF/XML) serializes as the triples come, nothing is
 * buffered. What is written is decided by the {@link Flavor} and named by the {@link RdfVocabulary}; lookups supply
 * what the entity itself does not hold (datatypes of properties used, stubs of mentioned entities, sites, external-id
 * URI patterns, unit conversions).
 *
 * <p>A writer is for one document (a Special:EntityData response, a dump): it remembers which value and reference
 * nodes it described and which entities it mentioned. Not thread-safe; create one per document. Typical use:
 *
 * <pre>{@code
 * EntityRdfWriter writer = EntityRdfWriter.builder(RdfVocabulary.wikidata(), Flavor.FULL)
 *         .datatypes(lookup).stubs(stubs).sites(WikimediaSites.INSTANCE)
 *         .build(Rio.createWriter(RDFFormat.TURTLE, out));
 * writer.writeDocument(entity);
 * }</pre>
 */
public final class EntityRdfWriter {

    /** Datatypes whose properties are {@code owl:ObjectProperty} (their values are IRIs). */
    private static final Set<String> OBJECT_PROPERTY_DATATYPES =
            Set.of("wikibase-item", "wikibase-property", "url", "commonsMedia", "geo-shape", "tabular-data");

    private static final List<IRI> DEFAULT_LABEL_PREDICATES =
            List.of(Iris.RDFS_LABEL, Iris.SKOS_PREF_LABEL, Iris.SCHEMA_NAME);

    /** What PHP reads as the number at the start of a string. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static final DateTimeFormatter MEDIAWIKI_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final RdfVocabulary vocabulary;
    private final Flavor flavor;
    private final TripleSink out;
    private final DedupeBag dedupe;
    private final StatementWriter statements;
    private final PropertyDatatypeLookup datatypes;
    private final SiteLookup sites;
    private final EntityStubLookup stubs;
    private final Set<String> termLanguages;
    private final Set<String> stubLanguages;
    private final Set<String> sitelinkSites;
    private final List<IRI> labelPredicates;
    private final boolean trackProperties;
    private final boolean trackEntities;

    /** Mentioned entities: false while still to be resolved, true once written (fully, as a stub or redirect). */
    private final Map<EntityId, Boolean> mentioned = new LinkedHashMap<>();

    /** Sub-entities (forms, senses, entities announced with {@link #subEntityMentioned}) to write after the main one. */
    private final Deque<Object> subEntities = new ArrayDeque<>();

    private EntityRdfWriter(Builder b, RDFHandler handler) {
        this.vocabulary = b.vocabulary;
        this.flavor = b.flavor;
        this.out = new TripleSink(handler);
        this.dedupe = new DedupeBag(b.dedupeBits);
        this.datatypes = b.datatypes;
        this.sites = b.sites;
        this.stubs = b.stubs;
        this.termLanguages = b.termLanguages;
        this.stubLanguages = b.stubLanguages;
        this.sitelinkSites = b.sitelinkSites;
        this.labelPredicates = b.labelPredicates;
        this.trackProperties = flavor.has(Flavor.Part.PROPERTIES);
        this.trackEntities = flavor.has(Flavor.Part.RESOLVED_ENTITIES);
        StatementWriter.Mentions mentions = new StatementWriter.Mentions() {
            @Override
            public void property(EntityId propertyId) {
                if (trackProperties) {
                    toResolve(propertyId);
                }
            }

            @Override
            public void entity(EntityId id) {
                if (trackEntities) {
                    toResolve(id);
                }
            }
        };
        this.statements = new StatementWriter(
                vocabulary, flavor, out, dedupe, mentions, b.datatypes, b.externalIdUris, b.unitConverter);
    }

    public static Builder builder(RdfVocabulary vocabulary, Flavor flavor) {
        return new Builder(vocabulary, flavor);
    }

    // ---------------------------------------------------------------- documents

    /** Starts the RDF document: the vocabulary's prefixes, then {@link RDFHandler#startRDF()}. */
    public void startDocument() {
        RDFHandler handler = out.handler();
        handler.startRDF();
        vocabulary.prefixes().forEach(handler::handleNamespace);
    }

    public void finishDocument() {
        out.handler().endRDF();
    }

    /** {@link #writeDocument(Entity, Collection)} for an entity no other entity redirects to. */
    public void writeDocument(Entity entity) {
        writeDocument(entity, List.of());
    }

    /**
     * A complete Special:EntityData document of {@code entity}: prefixes, revision info (when the entity carries its
     * revision and timestamp), page properties, the entity with its forms and senses, an {@code owl:sameAs} for each
     * entity that redirects to it, and stubs of the entities it mentions.
     */
    void writeDocument(Entity entity, Collection<EntityId> redirectsToEntity) {
        startDocument();
        PageMetadata page = entity.page();
        if (page.lastRevisionId() != null && page.modified() != null) {
            addEntityRevisionInfo(entity.id(), page.lastRevisionId(), page.modified());
        }
        addEntityPageProps(entity);
        addEntity(entity);
        for (EntityId redirect : redirectsToEntity) {
            addEntityRedirect(redirect, entity.id());
        }
        resolveMentionedEntities();
        finishDocument();
    }

    /**
     * Special:EntityData of a form or sense by its own id ({@code L42-F1.ttl}): Wikibase looks the part up through its
     * lexeme, so the data node is the part's ({@code data:L42-F1 schema:about wd:L42-F1}) with the lexeme's revision,
     * timestamp and page properties (page_props belong to the lexeme's page), then the part's triples exactly as the
     * lexeme's document has them, and stubs of what the part alone mentions.
     *
     * @throws IllegalArgumentException when {@code lexeme} has no such form or sense (see {@link #hasPart})
     */
    public void writePartDocument(Lexeme lexeme, EntityId part) {
        Object found = part(lexeme, part);
        if (found == null) {
            throw new IllegalArgumentException(lexeme.id() + " has no " + part);
        }
        startDocument();
        PageMetadata page = lexeme.page();
        if (page.lastRevisionId() != null && page.modified() != null) {
            addEntityRevisionInfo(part, page.lastRevisionId(), page.modified());
        }
        if (flavor.has(Flavor.Part.PAGE_PROPS) && !vocabulary.pageProperties().isEmpty()) {
            addEntityPageProps(part, pageProperties(lexeme));
        }
        if (found instanceof Form form) {
            addForm(form);
        } else {
            addSense((Sense) found);
        }
        resolveMentionedEntities();
        finishDocument();
    }

    /** Does {@code lexeme} have the form or sense {@code part}? */
    public static boolean hasPart(Lexeme lexeme, EntityId part) {
        return part(lexeme, part) != null;
    }

    private static Object part(Lexeme lexeme, EntityId part) {
        if (part.type() == EntityType.FORM) {
            return lexeme.forms().stream()
                    .filter(f -> f.id().equals(part))
                    .findFirst()
                    .orElse(null);
        }
        if (part.type() == EntityType.SENSE) {
            return lexeme.senses().stream()
                    .filter(s -> s.id().equals(part))
                    .findFirst()
                    .orElse(null);
        }
        return null;
    }

    /** Triples emitted so far (duplicates included). */
    public long tripleCount() {
        return out.count();
    }

    // ---------------------------------------------------------------- document metadata

    /**
     * The data node of a revision: {@code data:Q42 a schema:Dataset; schema:about wd:Q42; schema:version;
     * schema:dateModified}, with license and software version when the flavor has {@link Flavor.Part#VERSION_INFO}.
     *
     * @param timestamp ISO 8601 ({@code 2013-10-04T03:31:05Z}) or MediaWiki's {@code 20131004033105}
     */
    void addEntityRevisionInfo(EntityId id, long revision, String timestamp) {
        IRI data = vocabulary.dataIri(id);
        out.emit(data, Iris.RDF_TYPE, Iris.SCHEMA_DATASET);
        out.emit(data, Iris.SCHEMA_ABOUT, vocabulary.entityIri(id));
        if (flavor.has(Flavor.Part.VERSION_INFO)) {
            out.emit(data, Iris.CC_LICENSE, vocabulary.license());
            out.emit(data, Iris.SCHEMA_SOFTWARE_VERSION, TripleSink.plain(Iris.FORMAT_VERSION));
        }
        out.emit(data, Iris.SCHEMA_VERSION, TripleSink.typed(Long.toString(revision), Iris.XSD_INTEGER));
        out.emit(data, Iris.SCHEMA_DATE_MODIFIED, TripleSink.typed(isoTimestamp(timestamp), Iris.XSD_DATE_TIME));
    }

    /** The page properties Wikibase records for {@code entity}, written as the vocabulary's definitions say. */
    void addEntityPageProps(Entity entity) {
        if (flavor.has(Flavor.Part.PAGE_PROPS) && !vocabulary.pageProperties().isEmpty()) {
            addEntityPageProps(entity.id(), pageProperties(entity));
        }
    }

    /**
     * Page properties from elsewhere (name → value): those the vocabulary defines are written on the data node, as
     * {@code xsd:integer} for integers, {@code xsd:double} for floating point numbers and plain literals otherwise.
     */
    void addEntityPageProps(EntityId id, Map<String, ?> values) {
        if (!flavor.has(Flavor.Part.PAGE_PROPS)) {
            return;
        }
        IRI data = vocabulary.dataIri(id);
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            RdfVocabulary.PageProperty definition = vocabulary.pageProperties().get(entry.getKey());
            if (definition == null || entry.getValue() == null) {
                continue;
            }
            out.emit(data, definition.predicate(), pagePropertyLiteral(convert(entry.getValue(), definition.type())));
        }
    }

    /** The dump header: {@code wikibase:Dump}, its license, software version, date and ontology import. */
    void addDumpHeader(Instant timestamp) {
        IRI dump = Iris.WB_DUMP;
        out.emit(dump, Iris.RDF_TYPE, Iris.SCHEMA_DATASET);
        out.emit(dump, Iris.RDF_TYPE, Iris.OWL_ONTOLOGY);
        out.emit(dump, Iris.CC_LICENSE, vocabulary.license());
        out.emit(dump, Iris.SCHEMA_SOFTWARE_VERSION, TripleSink.plain(Iris.FORMAT_VERSION));
        out.emit(
                dump,
                Iris.SCHEMA_DATE_MODIFIED,
                TripleSink.typed(
                        Instant.ofEpochSecond(timestamp.getEpochSecond()).toString(), Iris.XSD_DATE_TIME));
        out.emit(dump, Iris.OWL_IMPORTS, Iris.ONTOLOGY_DOCUMENT);
    }

    // ---------------------------------------------------------------- entities

    /** The entity with everything the flavor asks for, then its sub-entities (a lexeme's forms and senses). */
    void addEntity(Entity entity) {
        addSingleEntity(entity);
        while (!subEntities.isEmpty()) {
            Object next = subEntities.poll();
            if (next instanceof Entity e) {
                addSingleEntity(e);
            } else if (next instanceof Form form) {
                addForm(form);
            } else {
                addSense((Sense) next);
            }
        }
    }

    /** {@code entity} is part of the next entity written and is written in full after it. */
    void subEntityMentioned(Entity entity) {
        subEntities.add(entity);
    }

    private void addSingleEntity(Entity entity) {
        EntityId id = entity.id();
        addTypeTriple(id);
        if (entity instanceof Item item) {
            if (flavor.has(Flavor.Part.SITELINKS)) {
                addSitelinks(item);
            }
            statements.addStatements(id, item.claims());
            addTerms(entity);
        } else if (entity instanceof Property property) {
            statements.addStatements(id, property.claims());
            addTerms(entity);
            addPropertyComponents(property);
        } else if (entity instanceof Lexeme lexeme) {
            statements.addStatements(id, lexeme.claims());
            addLexemeComponents(lexeme);
            subEntities.addAll(lexeme.forms());
            subEntities.addAll(lexeme.senses());
        } else {
            statements.addStatements(id, entity.claims());
            addTerms(entity);
        }
        resolved(id);
    }

    private void addForm(Form form) {
        addTypeTriple(form.id());
        statements.addStatements(form.id(), form.claims());
        addFormComponents(form);
        resolved(form.id());
    }

    private void addSense(Sense sense) {
        addTypeTriple(sense.id());
        statements.addStatements(sense.id(), sense.claims());
        addSenseComponents(sense);
        resolved(sense.id());
    }

    /** {@code wd:Q42 a wikibase:Item} (the type named after the entity type). */
    private void addTypeTriple(EntityId id) {
        out.emit(vocabulary.entityIri(id), Iris.RDF_TYPE, typeIri(id.type()));
    }

    private static IRI typeIri(EntityType type) {
        String name = type.jsonName();
        return Iris.VF.createIRI(Iris.WIKIBASE, Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }

    /** Labels (with the label predicates), descriptions ({@code schema:description}) and aliases ({@code skos:altLabel}). */
    void addTerms(Entity entity) {
        Fingerprint fingerprint;
        if (entity instanceof Item item) {
            fingerprint = item.fingerprint();
        } else if (entity instanceof Property property) {
            fingerprint = property.fingerprint();
        } else if (entity instanceof MediaInfo mediaInfo) {
            fingerprint = mediaInfo.fingerprint();
        } else {
            return;
        }
        IRI subject = vocabulary.entityIri(entity.id());
        for (Term label : fingerprint.labels().values()) {
            if (included(termLanguages, label.language())) {
                addLabel(subject, label.value(), label.language());
            }
        }
        for (Term description : fingerprint.descriptions().values()) {
            if (included(termLanguages, description.language())) {
                out.emit(
                        subject, Iris.SCHEMA_DESCRIPTION, TripleSink.text(description.value(), description.language()));
            }
        }
        for (Map.Entry<String, List<Term>> group : fingerprint.aliases().entrySet()) {
            if (!included(termLanguages, group.getKey())) {
                continue;
            }
            for (Term alias : group.getValue()) {
                out.emit(subject, Iris.SKOS_ALT_LABEL, TripleSink.text(alias.value(), alias.language()));
            }
        }
    }

    private void addLabel(IRI subject, String text, String language) {
        Literal literal = TripleSink.text(text, language);
        for (IRI predicate : labelPredicates) {
            out.emit(subject, predicate, literal);
        }
    }

    private static boolean included(Set<String> filter, String key) {
        return filter == null || filter.contains(key);
    }

    /**
     * The item's sitelinks: one {@code schema:Article} per link to a known site (language, site, title, badges) and
     * each site's {@code wikibase:wikiGroup} once.
     */
    void addSitelinks(Item item) {
        IRI entity = vocabulary.entityIri(item.id());
        for (Sitelink sitelink : item.sitelinks().values()) {
            if (!included(sitelinkSites, sitelink.site())) {
                continue;
            }
            Site site = sites.site(sitelink.site());
            if (site == null) {
                continue; // Wikibase leaves out links to sites it does not know
            }
            String title = sitelink.title();
            String url = site.linkPath().replace("$1", UrlEncoding.wfUrlEncode(title.replace(' ', '_')));
            if (url.indexOf("://") < 0) {
                url = "http:" + url;
            }
            String siteUrl = siteRoot(url);
            String language = vocabulary.canonicalLanguageCode(site.languageCode() == null ? "" : site.languageCode());
            IRI article = StatementWriter.uri(url);
            IRI siteIri = StatementWriter.uri(siteUrl);
            if (article == null || siteIri == null) {
                continue;
            }
            out.emit(article, Iris.RDF_TYPE, Iris.SCHEMA_ARTICLE);
            out.emit(article, Iris.SCHEMA_ABOUT, entity);
            out.emit(article, Iris.SCHEMA_IN_LANGUAGE, TripleSink.plain(language));
            out.emit(article, Iris.SCHEMA_IS_PART_OF, siteIri);
            out.emit(article, Iris.SCHEMA_NAME, TripleSink.text(title, language));
            for (String badge : sitelink.badges()) {
                EntityId badgeId = EntityId.tryParse(badge);
                if (badgeId != null) {
                    out.emit(article, Iris.WB_BADGE, vocabulary.entityIri(badgeId));
                }
            }
            String group = site.group() == null ? "none" : site.group();
            if (!dedupe.alreadySeen('S', siteUrl + '\n' + group)) {
                out.emit(siteIri, Iris.WB_WIKI_GROUP, TripleSink.plain(group));
            }
        }
    }

    /** PHP {@code parse_url} scheme and host, as {@code scheme://host/}. */
    private static String siteRoot(String url) {
        int schemeEnd = url.indexOf("://");
        int hostStart = schemeEnd + 3;
        int hostEnd = hostStart;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String authority = url.substring(hostStart, hostEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.indexOf(']') < colon) {
            authority = authority.substring(0, colon);
        }
        return url.substring(0, schemeEnd) + "://" + authority + "/";
    }

    /** The property-specific triples of a property entity: datatype, predicates, their OWL types, novalue class. */
    void addPropertyComponents(Property property) {
        String datatype = property.datatype() != null
                ? property.datatype()
                : datatypes.datatypeOf(property.id().value());
        if (datatype != null) {
            addPropertyComponents(property.id().value(), datatype);
        }
    }

    private void addPropertyComponents(String propertyId, String datatype) {
        PropertyIris p = vocabulary.property(propertyId);
        IRI owlType =
                OBJECT_PROPERTY_DATATYPES.contains(datatype) ? Iris.OWL_OBJECT_PROPERTY : Iris.OWL_DATATYPE_PROPERTY;
        IRI normalizedType = switch (datatype) {
            case "quantity" -> Iris.OWL_DATATYPE_PROPERTY;
            case "external-id" -> Iris.OWL_OBJECT_PROPERTY;
            default -> null;
        };
        out.emit(p.entity, Iris.WB_PROPERTY_TYPE, vocabulary.datatypeIri(datatype));
        out.emit(p.entity, Iris.WB_DIRECT_CLAIM, p.direct);
        out.emit(p.entity, Iris.WB_CLAIM, p.claim);
        out.emit(p.entity, Iris.WB_STATEMENT_PROPERTY, p.statement);
        out.emit(p.entity, Iris.WB_STATEMENT_VALUE, p.statementValue);
        out.emit(p.entity, Iris.WB_QUALIFIER, p.qualifier);
        out.emit(p.entity, Iris.WB_QUALIFIER_VALUE, p.qualifierValue);
        out.emit(p.entity, Iris.WB_REFERENCE_PROPERTY, p.reference);
        out.emit(p.entity, Iris.WB_REFERENCE_VALUE, p.referenceValue);
        out.emit(p.entity, Iris.WB_NOVALUE, p.novalue);
        if (normalizedType != null) {
            out.emit(p.entity, Iris.WB_DIRECT_CLAIM_NORMALIZED, p.directNormalized);
            out.emit(p.entity, Iris.WB_STATEMENT_VALUE_NORMALIZED, p.statementValueNormalized);
            out.emit(p.entity, Iris.WB_QUALIFIER_VALUE_NORMALIZED, p.qualifierValueNormalized);
            out.emit(p.entity, Iris.WB_REFERENCE_VALUE_NORMALIZED, p.referenceValueNormalized);
        }
        out.emit(p.claim, Iris.RDF_TYPE, Iris.OWL_OBJECT_PROPERTY);
        out.emit(p.statementValue, Iris.RDF_TYPE, Iris.OWL_OBJECT_PROPERTY);
        out.emit(p.qualifierValue, Iris.RDF_TYPE, Iris.OWL_OBJECT_PROPERTY);
        out.emit(p.referenceValue, Iris.RDF_TYPE, Iris.OWL_OBJECT_PROPERTY);
        out.emit(p.direct, Iris.RDF_TYPE, owlType);
        out.emit(p.statement, Iris.RDF_TYPE, owlType);
        out.emit(p.qualifier, Iris.RDF_TYPE, owlType);
        out.emit(p.reference, Iris.RDF_TYPE, owlType);
        if (normalizedType != null) {
            out.emit(p.statementValueNormalized, Iris.RDF_TYPE, Iris.OWL_OBJECT_PROPERTY);
            out.emit(p.qualifierValueNormalized, Iris.RDF_TYPE, Iris.OWL_OBJECT_PROPERTY);
            out.emit(p.referenceValueNormalized, Iris.RDF_TYPE, Iris.OWL_OBJECT_PROPERTY);
            out.emit(p.directNormalized, Iris.RDF_TYPE, normalizedType);
        }
        // wdno:P a owl:Class, the complement of "has some wdt:P value"; the blank node label is stable
        BNode restriction = Iris.VF.createBNode(RdfNodeNames.complementOfLabel(p.source.name(), propertyId));
        out.emit(p.novalue, Iris.RDF_TYPE, Iris.OWL_CLASS);
        out.emit(p.novalue, Iris.OWL_COMPLEMENT_OF, restriction);
        out.emit(restriction, Iris.RDF_TYPE, Iris.OWL_RESTRICTION);
        out.emit(restriction, Iris.OWL_ON_PROPERTY, p.direct);
        out.emit(restriction, Iris.OWL_SOME_VALUES_FROM, Iris.OWL_THING);
    }

    /** The lexeme-specific triples: types, lemmas, language, lexical category, links to forms and senses. */
    void addLexemeComponents(Lexeme lexeme) {
        IRI subject = vocabulary.entityIri(lexeme.id());
        out.emit(subject, Iris.RDF_TYPE, Iris.ONTOLEX_LEXICAL_ENTRY);
        for (Term lemma : lexeme.lemmas().values()) {
            Literal literal = TripleSink.text(lemma.value(), lemma.language());
            out.emit(subject, Iris.RDFS_LABEL, literal);
            out.emit(subject, Iris.WB_LEMMA, literal);
        }
        addItemLink(subject, Iris.DCT_LANGUAGE, lexeme.language());
        addItemLink(subject, Iris.WB_LEXICAL_CATEGORY, lexeme.lexicalCategory());
        for (Form form : lexeme.forms()) {
            out.emit(subject, Iris.ONTOLEX_LEXICAL_FORM, vocabulary.entityIri(form.id()));
        }
        for (Sense sense : lexeme.senses()) {
            out.emit(subject, Iris.ONTOLEX_SENSE, vocabulary.entityIri(sense.id()));
        }
    }

    /** The form-specific triples: type, representations, grammatical features. */
    void addFormComponents(Form form) {
        IRI subject = vocabulary.entityIri(form.id());
        out.emit(subject, Iris.RDF_TYPE, Iris.ONTOLEX_FORM);
        addLabelledTerms(subject, form.representations(), Iris.ONTOLEX_REPRESENTATION);
        for (String feature : form.grammaticalFeatures()) {
            addItemLink(subject, Iris.WB_GRAMMATICAL_FEATURE, feature);
        }
    }

    /** The sense-specific triples: type and glosses. */
    void addSenseComponents(Sense sense) {
        IRI subject = vocabulary.entityIri(sense.id());
        out.emit(subject, Iris.RDF_TYPE, Iris.ONTOLEX_LEXICAL_SENSE);
        addLabelledTerms(subject, sense.glosses(), Iris.SKOS_DEFINITION);
    }

    private void addLabelledTerms(IRI subject, Map<String, Term> terms, IRI predicate) {
        for (Term term : terms.values()) {
            Literal literal = TripleSink.text(term.value(), term.language());
            out.emit(subject, Iris.RDFS_LABEL, literal);
            out.emit(subject, predicate, literal);
        }
    }

    private void addItemLink(IRI subject, IRI predicate, String itemId) {
        EntityId id = itemId == null ? null : EntityId.tryParse(itemId);
        if (id == null) {
            return;
        }
        out.emit(subject, predicate, vocabulary.entityIri(id));
        if (trackEntities) {
            toResolve(id);
        }
    }

    // ---------------------------------------------------------------- stubs, redirects, mentions

    /** {@code from owl:sameAs to}; the target is resolved later if the flavor resolves entities. */
    public void addEntityRedirect(EntityId from, EntityId to) {
        out.emit(vocabulary.entityIri(from), Iris.OWL_SAME_AS, vocabulary.entityIri(to));
        resolved(from);
        if (trackEntities) {
            toResolve(to);
        }
    }

    /** The stub of {@code id} (its type triple, then what {@link #addStub} writes) from the stub lookup. */
    void addEntityStub(EntityId id) {
        addTypeTriple(id);
        EntityStub stub = stubs.find(id);
        if (stub != null && !stub.isRedirect()) {
            addStub(stub);
        }
    }

    /**
     * The stub triples of an entity, without its type triple: labels and descriptions of items and properties (in
     * the stub languages) plus a property's datatype and predicates; types and lemmas, representations or glosses of
     * lexemes, forms and senses.
     */
    void addStub(EntityStub stub) {
        EntityId id = stub.id();
        IRI subject = vocabulary.entityIri(id);
        switch (id.type()) {
            case LEXEME -> {
                out.emit(subject, Iris.RDF_TYPE, Iris.ONTOLEX_LEXICAL_ENTRY);
                stub.labels().forEach((language, text) -> {
                    Literal literal = TripleSink.text(text, language);
                    out.emit(subject, Iris.RDFS_LABEL, literal);
                    out.emit(subject, Iris.WB_LEMMA, literal);
                });
            }
            case FORM -> {
                out.emit(subject, Iris.RDF_TYPE, Iris.ONTOLEX_FORM);
                stub.labels().forEach((language, text) -> {
                    Literal literal = TripleSink.text(text, language);
                    out.emit(subject, Iris.RDFS_LABEL, literal);
                    out.emit(subject, Iris.ONTOLEX_REPRESENTATION, literal);
                });
            }
            case SENSE -> {
                out.emit(subject, Iris.RDF_TYPE, Iris.ONTOLEX_LEXICAL_SENSE);
                stub.labels().forEach((language, text) -> {
                    Literal literal = TripleSink.text(text, language);
                    out.emit(subject, Iris.RDFS_LABEL, literal);
                    out.emit(subject, Iris.SKOS_DEFINITION, literal);
                });
            }
            default -> {
                stub.labels().forEach((language, text) -> {
                    if (included(stubLanguages, language)) {
                        addLabel(subject, text, language);
                    }
                });
                stub.descriptions().forEach((language, text) -> {
                    if (included(stubLanguages, language)) {
                        out.emit(subject, Iris.SCHEMA_DESCRIPTION, TripleSink.text(text, language));
                    }
                });
                if (id.type() == EntityType.PROPERTY) {
                    String datatype = datatypes.datatypeOf(id.value());
                    if (datatype != null) {
                        addPropertyComponents(id.value(), datatype);
                    }
                }
            }
        }
    }

    /**
     * Stubs for the entities the written snaks mentioned (properties with {@link Flavor.Part#PROPERTIES}, values with
     * {@link Flavor.Part#RESOLVED_ENTITIES}) and not written themselves: redirects become {@code owl:sameAs} (and their
     * targets are resolved in turn), entities the lookup does not know are left out.
     */
    public void resolveMentionedEntities() {
        boolean again = true;
        while (again) {
            again = false;
            List<EntityId> pending = new ArrayList<>();
            mentioned.forEach((id, done) -> {
                if (!done) {
                    pending.add(id);
                }
            });
            for (EntityId id : pending) {
                if (Boolean.TRUE.equals(mentioned.get(id))) {
                    continue;
                }
                EntityStub stub = stubs.find(id);
                if (stub == null) {
                    mentioned.put(id, Boolean.TRUE); // does not exist: nothing to write
                } else if (stub.isRedirect()) {
                    addEntityRedirect(id, stub.redirectTarget());
                    again = true;
                } else {
                    addTypeTriple(id);
                    addStub(stub);
                    mentioned.put(id, Boolean.TRUE);
                }
            }
        }
    }

    private void toResolve(EntityId id) {
        mentioned.putIfAbsent(id, Boolean.FALSE);
    }

    private void resolved(EntityId id) {
        // only kept when stubs may be resolved: a dump of millions of entities would otherwise grow this map
        if (trackProperties || trackEntities) {
            mentioned.put(id, Boolean.TRUE);
        }
    }

    // ---------------------------------------------------------------- page properties

    /**
     * What Wikibase records in page_props for an entity: statements ({@code wb-claims}, for lexemes including those
     * of forms and senses), and for items sitelinks and statements whose main snak is an external id.
     */
    private Map<String, Object> pageProperties(Entity entity) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (entity instanceof Lexeme lexeme) {
            long count = countStatements(lexeme.claims());
            for (Form form : lexeme.forms()) {
                count += countStatements(form.claims());
            }
            for (Sense sense : lexeme.senses()) {
                count += countStatements(sense.claims());
            }
            values.put("wb-claims", count);
            return values;
        }
        values.put("wb-claims", countStatements(entity.claims()));
        if (entity instanceof Item item) {
            values.put("wb-sitelinks", (long) item.sitelinks().size());
            long identifiers = 0;
            for (List<Statement> group : item.claims().values()) {
                for (Statement statement : group) {
                    if ("external-id".equals(statements.datatypeOf(statement.mainsnak()))) {
                        identifiers++;
                    }
                }
            }
            values.put("wb-identifiers", identifiers);
        }
        return values;
    }

    private static long countStatements(Map<String, List<Statement>> claims) {
        long count = 0;
        for (List<Statement> group : claims.values()) {
            count += group.size();
        }
        return count;
    }

    /** PHP {@code settype}: integer and float conversions of strings take the leading number, else 0. */
    private static Object convert(Object value, String type) {
        if (type == null) {
            return value;
        }
        return switch (type) {
            case "integer", "int" -> value instanceof Number n ? n.longValue() : (long) leadingNumber(value.toString());
            case "float", "double" -> value instanceof Number n ? n.doubleValue() : leadingNumber(value.toString());
            case "boolean", "bool" ->
                value instanceof Boolean b
                        ? b
                        : !(value.toString().isEmpty() || value.toString().equals("0"));
            case "string" -> value.toString();
            default -> value;
        };
    }

    private static double leadingNumber(String s) {
        Matcher m = LEADING_NUMBER.matcher(s);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }

    private static Literal pagePropertyLiteral(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return TripleSink.typed(value.toString(), Iris.XSD_INTEGER);
        }
        if (value instanceof Number n) {
            return TripleSink.typed(PhpNumbers.phpString14(n.doubleValue()), Iris.XSD_DOUBLE);
        }
        if (value instanceof Boolean b) {
            return TripleSink.typed(b.toString(), Iris.XSD_BOOLEAN);
        }
        return TripleSink.plain(value.toString());
    }

    /** ISO 8601 without fractions, from ISO 8601 or MediaWiki's 14-digit timestamps. */
    private static String isoTimestamp(String timestamp) {
        if (timestamp.length() == 14 && timestamp.chars().allMatch(Character::isDigit)) {
            return LocalDateTime.parse(timestamp, MEDIAWIKI_TIMESTAMP)
                    .toInstant(ZoneOffset.UTC)
                    .toString();
        }
        return Instant.ofEpochSecond(Instant.parse(timestamp).getEpochSecond()).toString();
    }

    // ---------------------------------------------------------------- builder

    public static final class Builder {
        private final RdfVocabulary vocabulary;
        private final Flavor flavor;
        private PropertyDatatypeLookup datatypes = PropertyDatatypeLookup.NONE;
        private ExternalIdUriLookup externalIdUris = ExternalIdUriLookup.NONE;
        private SiteLookup sites = SiteLookup.NONE;
        private EntityStubLookup stubs = EntityStubLookup.NONE;
        private UnitConverter unitConverter;
        private Set<String> termLanguages;
        private Set<String> stubLanguages;
        private Set<String> sitelinkSites;
        private List<IRI> labelPredicates = DEFAULT_LABEL_PREDICATES;
        private int dedupeBits = 16;

        private Builder(RdfVocabulary vocabulary, Flavor flavor) {
            this.vocabulary = vocabulary;
            this.flavor = flavor;
        }

        public Builder datatypes(PropertyDatatypeLookup datatypes) {
            this.datatypes = datatypes;
            return this;
        }

        public Builder externalIdUris(ExternalIdUriLookup externalIdUris) {
            this.externalIdUris = externalIdUris;
            return this;
        }

        public Builder sites(SiteLookup sites) {
            this.sites = sites;
            return this;
        }

        public Builder stubs(EntityStubLookup stubs) {
            this.stubs = stubs;
            return this;
        }

        /** Without a converter no normalized quantity nodes are written, whatever the flavor. */
        Builder unitConverter(UnitConverter unitConverter) {
            this.unitConverter = unitConverter;
            return this;
        }

        /** Write terms (labels, descriptions, aliases) in these languages only; null (the default) for all. */
        Builder termLanguages(Collection<String> languages) {
            this.termLanguages = languages == null ? null : Set.copyOf(languages);
            return this;
        }

        /** Write stub labels and descriptions in these languages only; null (the default) for all. */
        public Builder stubLanguages(Collection<String> languages) {
            this.stubLanguages = languages == null ? null : Set.copyOf(languages);
            return this;
        }

        /** Write sitelinks to these sites only; null (the default) for all. */
        Builder sitelinkSites(Collection<String> siteIds) {
            this.sitelinkSites = siteIds == null ? null : Set.copyOf(siteIds);
            return this;
        }

        /** The predicates labels are written with; default {@code rdfs:label}, {@code skos:prefLabel}, {@code schema:name}. */
        Builder labelPredicates(List<IRI> predicates) {
            this.labelPredicates = List.copyOf(predicates);
            return this;
        }

        /** The dedupe table holds 2^bits node names (default 16); larger means fewer repeated descriptions in dumps. */
        Builder dedupeBits(int bits) {
            this.dedupeBits = bits;
            return this;
        }

        public EntityRdfWriter build(RDFHandler handler) {
            return new EntityRdfWriter(this, handler);
        }
    }
}
