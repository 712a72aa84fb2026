package org.entitybase.rdf.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

import org.entitybase.model.id.EntityId;
import org.entitybase.testkit.WikidataFixtures;

/**
 * What the real Wikidata pairs need besides the entity JSON, and where the test gets it.
 *
 * <ul>
 *   <li>Property datatypes: {@code properties-datatypes.tsv} (independent of the Turtle).
 *   <li>Sites: {@link WikimediaSites} (independent).
 *   <li>Unit conversions: the four units the pairs use, from their definitions (kilometre = 1000 metre; metre,
 *       kilogram and kilogram per cubic metre are SI units).
 *   <li>Entities that redirect to the pair's entity (Wikibase reads them from its database; here: the
 *       {@code owl:sameAs} triples of the expected Turtle).
 *   <li>Stubs of mentioned entities (their English and "mul" labels and descriptions) and external-id URI patterns
 *       (P1921): this repository has no data for the ~1,000 entities and ~300 properties involved, so they are read
 *       from the expected Turtle itself. The mapping decides which entities get stubs, how stubs and property
 *       declarations are shaped and where {@code wdtn:}/{@code psn:}/{@code pqn:}/{@code prn:} go; only the label
 *       and description texts and the patterns come from the expected output.
 * </ul>
 */
public final class WikidataPairEnvironment {
    private static final String WD = RdfVocabulary.WIKIDATA_CONCEPT_BASE;
    private static final String WIKIBASE = "http://wikiba.se/ontology#";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    private static final String SCHEMA_DESCRIPTION = "http://schema.org/description";
    private static final String OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs";
    private static final String PROP = "http://www.wikidata.org/prop/";

    static final UnitConverter UNITS = UnitConversionTable.builder(WD)
            .conversion("Q828224", "1000", "Q11573")
            .standardUnit("Q11573")
            .standardUnit("Q11570")
            .standardUnit("Q844211")
            .build();

    /** Wikidata's Turtle of the pair, parsed. */
    public final Model expected;

    final List<EntityId> redirectsToEntity;
    final EntityStubLookup stubs;
    final ExternalIdUriLookup uriPatterns;

    /**
     * The stubs and URI patterns by id, for a test that builds these entities on a real stack (their ids, terms and
     * P1921) instead of handing them to the mapping.
     */
    public final Map<EntityId, EntityStub> stubsById;

    public final Map<String, String> uriPatternsById;
    final int stubCount;
    final int patternCount;

    private WikidataPairEnvironment(
            Model expected, List<EntityId> redirects, Map<EntityId, EntityStub> stubs, Map<String, String> patterns) {
        this.expected = expected;
        this.redirectsToEntity = redirects;
        this.stubs = stubs::get;
        this.uriPatterns = patterns::get;
        this.stubsById = Map.copyOf(stubs);
        this.uriPatternsById = Map.copyOf(patterns);
        this.stubCount = stubs.size();
        this.patternCount = patterns.size();
    }

    public static WikidataPairEnvironment of(WikidataFixtures.WikidataPair pair) {
        Model expected = parse(pair.turtle());
        EntityId main = EntityId.parse(pair.id());
        return new WikidataPairEnvironment(
                expected, redirectsTo(expected, main), stubsOf(expected, main), uriPatternsOf(expected));
    }

    static PropertyDatatypeLookup datatypes() {
        return PropertyDatatypeLookup.of(WikidataFixtures.propertyDatatypes());
    }

    static Model parse(Path turtle) {
        try (InputStream in = Files.newInputStream(turtle)) {
            return Rio.parse(in, "", RDFFormat.TURTLE);
        } catch (IOException e) {
            throw new UncheckedIOException(turtle.toString(), e);
        }
    }

    /** Entities that redirect to the main entity ({@code owl:sameAs} it): Wikibase lists them from its database. */
    private static List<EntityId> redirectsTo(Model model, EntityId main) {
        List<EntityId> redirects = new ArrayList<>();
        for (Statement s : model) {
            if (s.getPredicate().stringValue().equals(OWL_SAME_AS)
                    && s.getObject() instanceof IRI target
                    && main.equals(entityId(target))) {
                EntityId from = entityId(s.getSubject());
                if (from != null) {
                    redirects.add(from);
                }
            }
        }
        return redirects;
    }

    /**
     * Stubs of the entities the Turtle describes but that are not the main entity or one of its forms and senses:
     * their {@code rdfs:label} (labels, lemmas, representations or glosses) and {@code schema:description} texts,
     * and {@code owl:sameAs} redirects.
     */
    private static Map<EntityId, EntityStub> stubsOf(Model model, EntityId main) {
        Map<EntityId, Map<String, String>> labels = new LinkedHashMap<>();
        Map<EntityId, Map<String, String>> descriptions = new LinkedHashMap<>();
        Map<EntityId, EntityId> redirects = new LinkedHashMap<>();
        for (Statement s : model) {
            EntityId subject = entityId(s.getSubject());
            if (subject == null || isPartOf(subject, main)) {
                continue;
            }
            String predicate = s.getPredicate().stringValue();
            Value object = s.getObject();
            if (predicate.equals(RDF_TYPE) && object.stringValue().startsWith(WIKIBASE)) {
                labels.computeIfAbsent(subject, k -> new LinkedHashMap<>());
            } else if (predicate.equals(RDFS_LABEL) && object instanceof Literal l) {
                labels.computeIfAbsent(subject, k -> new LinkedHashMap<>())
                        .put(l.getLanguage().orElseThrow(), l.getLabel());
            } else if (predicate.equals(SCHEMA_DESCRIPTION) && object instanceof Literal l) {
                descriptions
                        .computeIfAbsent(subject, k -> new LinkedHashMap<>())
                        .put(l.getLanguage().orElseThrow(), l.getLabel());
            } else if (predicate.equals(OWL_SAME_AS)) {
                EntityId target = entityId((Resource) object);
                if (target != null && !target.equals(main)) {
                    redirects.put(subject, target);
                }
            }
        }
        Map<EntityId, EntityStub> stubs = new LinkedHashMap<>();
        labels.forEach((id, texts) -> stubs.put(id, EntityStub.of(id, texts, descriptions.get(id))));
        redirects.forEach((from, to) -> stubs.put(from, EntityStub.redirect(from, to)));
        return stubs;
    }

    private static boolean isPartOf(EntityId id, EntityId main) {
        return id.equals(main) || id.value().startsWith(main.value() + "-");
    }

    private static EntityId entityId(Resource resource) {
        if (!(resource instanceof IRI iri) || !iri.stringValue().startsWith(WD)) {
            return null;
        }
        return EntityId.tryParse(iri.stringValue().substring(WD.length()));
    }

    /**
     * URI patterns of external-id properties, from nodes that hold exactly one simple and one normalized value of a
     * property ({@code ps:}/{@code psn:}, {@code pq:}/{@code pqn:}, {@code pr:}/{@code prn:}): the normalized IRI with
     * the encoded id replaced by {@code $1}.
     */
    private static Map<String, String> uriPatternsOf(Model model) {
        Map<String, String> patterns = new LinkedHashMap<>();
        for (String[] kind : List.of(
                new String[] {"statement/", "statement/value-normalized/"},
                new String[] {"qualifier/", "qualifier/value-normalized/"},
                new String[] {"reference/", "reference/value-normalized/"})) {
            Map<String, Map<String, String>> ids = new LinkedHashMap<>();
            Map<String, Map<String, String>> uris = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Statement s : model) {
                String predicate = s.getPredicate().stringValue();
                if (predicate.startsWith(PROP + kind[1]) && s.getObject() instanceof IRI uri) {
                    String property = predicate.substring((PROP + kind[1]).length());
                    put(uris, counts, s.getSubject().stringValue(), property, uri.stringValue(), "n");
                } else if (predicate.startsWith(PROP + kind[0])
                        && !predicate.substring((PROP + kind[0]).length()).contains("/")
                        && s.getObject() instanceof Literal id) {
                    String property = predicate.substring((PROP + kind[0]).length());
                    put(ids, counts, s.getSubject().stringValue(), property, id.getLabel(), "s");
                }
            }
            uris.forEach((subject, byProperty) -> byProperty.forEach((property, uri) -> {
                String id = ids.getOrDefault(subject, Map.of()).get(property);
                if (id == null
                        || counts.get(subject + "|" + property + "|n") != 1
                        || counts.get(subject + "|" + property + "|s") != 1) {
                    return;
                }
                String encoded = UrlEncoding.escapeIri(UrlEncoding.wfUrlEncode(id));
                int at = uri.lastIndexOf(encoded);
                if (at >= 0) {
                    patterns.putIfAbsent(property, uri.substring(0, at) + "$1" + uri.substring(at + encoded.length()));
                }
            }));
        }
        return patterns;
    }

    private static void put(
            Map<String, Map<String, String>> map,
            Map<String, Integer> counts,
            String subject,
            String property,
            String value,
            String kind) {
        map.computeIfAbsent(subject, k -> new LinkedHashMap<>()).put(property, value);
        counts.merge(subject + "|" + property + "|" + kind, 1, Integer::sum);
    }
}
