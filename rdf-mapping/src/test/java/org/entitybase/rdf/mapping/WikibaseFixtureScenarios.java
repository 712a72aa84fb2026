package org.entitybase.rdf.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.entity.Property;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.term.Term;

/**
 * How each case of the Wikibase fixtures is produced with {@link EntityRdfWriter}: the PHP test's environment
 * (cases.json {@code test_environment}: the {@code http://acme.test/} vocabularies, test property datatypes, sites,
 * the mock repository, revision 42 at 2013-10-04T03:31:05Z) and its builder calls, per group.
 */
final class WikibaseFixtureScenarios {

    /** What to run for a case and what it must give; {@code skipReason} set for reviewed, explained skips. */
    record Scenario(
            EntityRdfWriter.Builder writer,
            Consumer<EntityRdfWriter> actions,
            Set<String> expected,
            String skipReason) {

        static Scenario skip(String reason) {
            return new Scenario(null, null, null, reason);
        }
    }

    /**
     * Cases that cannot be produced from the data we have, with the reason. Reviewed: each entry was checked against
     * the PHP test sources described in cases.json.
     */
    static final Map<String, String> REVIEWED_SKIPS = Map.of(
            "predicate.Q2_terms_labels*.nt and RdfDumpGenerator/refs.nt are present in the data dir but no current test"
                    + " references them by name (they may be loaded indirectly or be leftovers)",
            "refs.nt is the dump of Q7/Q9 variants whose references use properties of a foreign repository with"
                    + " prefixed ids (foreign:P11 → Q303); no JSON fixture holds those entities, and current"
                    + " Wikibase has no prefixed ids. The two predicate.*.nt files of this case are checked separately"
                    + " (custom label predicate wikibase:test) by predicateLabelFiles().");

    static final String ACME = "http://acme.test/";
    static final String ACME_DATA = "http://data.acme.test/";
    static final long REVISION = 42;
    static final String TIMESTAMP = "2013-10-04T03:31:05Z";

    static final RdfVocabulary DEFAULT =
            RdfVocabulary.builder(ACME, ACME_DATA).sourceName("test").build();
    static final RdfVocabulary FOREIGN = RdfVocabulary.builder(ACME, ACME_DATA)
            .sourceName("test")
            .propertySource("foreign", "http://foreign.test/", "http://data.foreign.test/", "foreign")
            .build();
    static final RdfVocabulary DUMP = RdfVocabulary.builder(ACME, ACME_DATA)
            .sourceName("test")
            .canonicalLanguageCode("test", "en-x-test")
            .build();

    /** cases.json test_environment.property_datatypes. */
    static final Map<String, String> TEST_DATATYPES = Map.of(
            "P2", "wikibase-item",
            "P3", "commonsMedia",
            "P4", "globe-coordinate",
            "P5", "monolingualtext",
            "P6", "quantity",
            "P7", "string",
            "P8", "time",
            "P9", "url",
            "P10", "geo-shape",
            "P11", "external-id");

    static final SiteLookup SITES = SiteLookup.of(
            new Site("enwiki", "en", "wikipedia", "http://enwiki.acme.test/$1"),
            new Site("ruwiki", "ru", null, "http://ruwiki.acme.test/$1"),
            new Site("test", "test", "acmetest", "http://test.acme.test/$1"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WikibaseFixtureScenarios() {}

    static Scenario scenario(WikibaseFixtureCase c) {
        String skip = REVIEWED_SKIPS.get(c.name());
        if (skip != null) {
            return Scenario.skip(skip);
        }
        Set<String> expected =
                c.expectedFiles().isEmpty() ? new TreeSet<>() : TripleLines.ofNTriplesFiles(c.expectedPaths());
        Flavor flavor = c.mask() == null ? Flavor.FULL : Flavor.ofMask(c.mask());
        RdfVocabulary vocabulary = c.vocabulary().startsWith("foreign") ? FOREIGN : DEFAULT;
        return switch (c.group()) {
            case "RdfBuilder full entity (all flavors)", "RdfBuilder full entity, properties from another Wikibase" -> {
                Entity entity = entity(c.inputs().get(0));
                yield new Scenario(
                        writer(vocabulary, flavor),
                        w -> {
                            w.addEntity(entity);
                            w.addEntityRevisionInfo(entity.id(), REVISION, TIMESTAMP);
                        },
                        expected,
                        null);
            }
            case "RdfBuilder produce options (flavor subsets)" -> {
                Entity entity = entity(c.inputs().get(0));
                yield new Scenario(
                        writer(vocabulary, flavor),
                        w -> {
                            w.addEntity(entity);
                            w.addEntityRevisionInfo(entity.id(), REVISION, TIMESTAMP);
                            w.resolveMentionedEntities();
                        },
                        expected,
                        null);
            }
            case "RdfBuilder stub" -> {
                Entity q2 = entity(c.inputs().get(0));
                EntityStubLookup stubs = EntityStubLookup.of(List.of(EntityStub.of(q2)));
                yield new Scenario(
                        writer(vocabulary, flavor).stubs(stubs).stubLanguages(List.of("en")),
                        w -> w.addEntityStub(q2.id()),
                        expected,
                        null);
            }
            case "RdfBuilder sub-entity" -> {
                Entity q2 = entity(c.inputs().get(0));
                Entity q3 = entity(c.inputs().get(1));
                yield new Scenario(
                        writer(vocabulary, flavor),
                        w -> {
                            w.subEntityMentioned(q3);
                            w.addEntity(q2);
                            w.addEntityRevisionInfo(q2.id(), REVISION, TIMESTAMP);
                            w.addEntityRevisionInfo(q3.id(), REVISION, TIMESTAMP);
                        },
                        expected,
                        null);
            }
            case "RdfBuilder dedup" -> {
                Entity q7 = entity(c.inputs().get(0));
                Entity q9 = entity(c.inputs().get(1));
                yield new Scenario(
                        writer(vocabulary, flavor),
                        w -> {
                            w.addEntity(q7);
                            w.addEntity(q9);
                        },
                        expected,
                        null);
            }
            case "RdfBuilder dump header" ->
                new Scenario(
                        writer(vocabulary, flavor),
                        w -> w.addDumpHeader(Instant.ofEpochSecond(1426110695)),
                        expected,
                        null);
            case "RdfBuilder page props" -> pageProps(c, flavor, expected);
            case "RdfBuilder redirect" -> {
                // expected inline in the PHP test: the one owl:sameAs triple
                Set<String> sameAs =
                        Set.of("<" + ACME + "Q11> <http://www.w3.org/2002/07/owl#sameAs> <" + ACME + "Q1> .");
                yield new Scenario(
                        writer(vocabulary, flavor),
                        w -> w.addEntityRedirect(EntityId.parse("Q11"), EntityId.parse("Q1")),
                        sameAs,
                        null);
            }
            case "TermsRdfBuilder" -> terms(c, expected);
            case "ItemStubRdfBuilder" -> {
                Entity q2 = entity(c.inputs().get(0));
                List<String> languages = c.name().contains("[ru]") ? List.of("ru") : List.of("en", "ru");
                yield new Scenario(
                        writer(vocabulary, Flavor.FULL).stubLanguages(languages),
                        w -> w.addStub(EntityStub.of(q2)),
                        expected,
                        null);
            }
            case "SiteLinksRdfBuilder" -> {
                Item q3 = (Item) entity(c.inputs().get(0));
                List<String> sites = c.name().contains("[ruwiki]") ? List.of("ruwiki") : null;
                yield new Scenario(
                        writer(vocabulary, Flavor.FULL).sitelinkSites(sites), w -> w.addSitelinks(q3), expected, null);
            }
            case "PropertySpecificComponentsRdfBuilder" -> {
                Property p2 = (Property) entity(c.inputs().get(0));
                yield new Scenario(writer(vocabulary, Flavor.FULL), w -> w.addPropertyComponents(p2), expected, null);
            }
            case "PropertyStubRdfBuilder" -> {
                Property p2 = (Property) entity(c.inputs().get(0));
                // these tests declare P2 as string, matching entities/P2.json
                yield new Scenario(
                        writer(vocabulary, Flavor.FULL).datatypes(PropertyDatatypeLookup.of(Map.of("P2", "string"))),
                        w -> w.addStub(EntityStub.of(p2)),
                        expected,
                        null);
            }
            case "RdfDumpGenerator" -> dump(c, expected);
            case "WikibaseLexeme" -> lexeme(c, flavor, expected);
            default -> throw new IllegalStateException("no scenario for group " + c.group());
        };
    }

    /** The PHP test environment's writer: test datatypes, sites and the mock repository for stubs. */
    static EntityRdfWriter.Builder writer(RdfVocabulary vocabulary, Flavor flavor) {
        return EntityRdfWriter.builder(vocabulary, flavor)
                .datatypes(PropertyDatatypeLookup.of(TEST_DATATYPES))
                .sites(SITES)
                .stubs(mockRepository());
    }

    /**
     * cases.json mock_terms / mock_revisions: properties P2..P11 labelled "Property<N>" in English, Q42 labelled
     * "Item42", Q4242 a redirect to Q42.
     */
    static EntityStubLookup mockRepository() {
        List<EntityStub> stubs = new ArrayList<>();
        for (int n = 2; n <= 11; n++) {
            stubs.add(EntityStub.of(EntityId.parse("P" + n), Map.of("en", "Property" + n), Map.of()));
        }
        stubs.add(EntityStub.of(EntityId.parse("Q42"), Map.of("en", "Item42"), Map.of()));
        stubs.add(EntityStub.redirect(EntityId.parse("Q4242"), EntityId.parse("Q42")));
        return EntityStubLookup.of(stubs);
    }

    /**
     * An entity of the fixtures. Their statement ids ({@code TEST-Qualifiers}, …) are not GUIDs, which even the
     * lenient reader refuses; they are swapped for GUIDs to read the JSON and restored on the model afterwards, so the
     * statement IRIs are the fixtures'.
     */
    static Entity entity(String relativePath) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(
                    WikibaseFixtureCase.dir().resolve(relativePath).toFile());
            Map<String, String> originalIds = new HashMap<>();
            JsonNode claims = tree.get("claims");
            if (claims != null && claims.isObject()) {
                String owner = tree.path("id").asText();
                for (JsonNode group : claims) {
                    for (JsonNode statement : group) {
                        String id = statement.path("id").asText(null);
                        if (id != null && WikibaseSyntax.statementGuidSubject(id) == null) {
                            String guid = String.format("%s$00000000-0000-0000-0000-%012d", owner, originalIds.size());
                            ((ObjectNode) statement).put("id", guid);
                            originalIds.put(guid, id);
                        }
                    }
                }
            }
            Entity entity = WikibaseJsonReader.lenient().readEntity(MAPPER.writeValueAsString(tree));
            if (originalIds.isEmpty()) {
                return entity;
            }
            Map<String, List<Statement>> restored = new LinkedHashMap<>();
            entity.claims()
                    .forEach((property, statements) -> restored.put(
                            property,
                            statements.stream()
                                    .map(st -> st.withId(originalIds.getOrDefault(st.id(), st.id())))
                                    .toList()));
            return entity.withClaims(restored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Scenario pageProps(WikibaseFixtureCase c, Flavor flavor, Set<String> expected) {
        JsonNode notes = c.notes();
        RdfVocabulary.Builder vocabulary =
                RdfVocabulary.builder(ACME, ACME_DATA).sourceName("test");
        notes.get("page_props_config")
                .properties()
                .forEach(e -> vocabulary.pageProperty(
                        e.getKey(),
                        e.getValue().get("name").asText(),
                        e.getValue().has("type") ? e.getValue().get("type").asText() : null));
        Map<String, Object> values = new LinkedHashMap<>();
        notes.get("page_property_values_from_mocked_content")
                .properties()
                .forEach(e -> values.put(
                        e.getKey(),
                        e.getValue().isNumber()
                                ? (Object) e.getValue().asLong()
                                : e.getValue().asText()));
        Entity q9 = entity(c.inputs().get(0));
        return new Scenario(
                writer(vocabulary.build(), flavor), w -> w.addEntityPageProps(q9.id(), values), expected, null);
    }

    private static Scenario terms(WikibaseFixtureCase c, Set<String> expected) {
        Item q2 = (Item) entity(c.inputs().get(0));
        Fingerprint all = q2.fingerprint();
        String name = c.name();
        Fingerprint fingerprint;
        if (name.contains("labels only")) {
            fingerprint = new Fingerprint(all.labels(), Map.of(), Map.of());
        } else if (name.contains("descriptions only")) {
            fingerprint = new Fingerprint(Map.of(), all.descriptions(), Map.of());
        } else if (name.contains("aliases only")) {
            fingerprint = new Fingerprint(Map.of(), Map.of(), all.aliases());
        } else {
            fingerprint = all;
        }
        Item subject = new Item(q2.id(), fingerprint, Map.of(), Map.of(), null);
        List<String> languages = name.contains("languages=[ru]") ? List.of("ru") : null;
        return new Scenario(
                writer(DEFAULT, Flavor.FULL).termLanguages(languages), w -> w.addTerms(subject), expected, null);
    }

    /**
     * RdfDumpGeneratorTest: entities made by JsonDumpGeneratorTest (English label "label:<id>", items with a
     * sitelink to site "test" titled "Foo<id>", revision 12 at 19700112134640), P10 of unknown datatype
     * "Wibblywobbly", Q4242 a redirect to Q42 without revision, dump timestamp 1000000.
     */
    private static Scenario dump(WikibaseFixtureCase c, Set<String> expected) {
        boolean truthy = "truthy-dump".equals(c.notes().path("dump_flavor").asText());
        Flavor flavor = truthy ? Flavor.TRUTHY_DUMP : Flavor.FULL_DUMP;
        List<Entity> entities = new ArrayList<>();
        if (c.inputs().isEmpty()) {
            for (JsonNode id : c.notes().get("entity_ids")) {
                entities.add(dumpEntity(EntityId.parse(id.asText())));
            }
        } else {
            for (String input : c.inputs()) {
                entities.add(entity(input));
            }
        }
        EntityRdfWriter.Builder writer = EntityRdfWriter.builder(DUMP, flavor)
                .datatypes(PropertyDatatypeLookup.of(Map.of("P10", "Wibblywobbly")))
                .sites(SITES);
        return new Scenario(
                writer,
                w -> {
                    w.addDumpHeader(Instant.ofEpochSecond(1000000));
                    for (Entity entity : entities) {
                        if (entity == null) {
                            w.addEntityRedirect(EntityId.parse("Q4242"), EntityId.parse("Q42"));
                            continue;
                        }
                        w.addEntityRevisionInfo(entity.id(), 12, "19700112134640");
                        w.addEntityPageProps(entity);
                        w.addEntity(entity);
                    }
                },
                expected,
                null);
    }

    /** The dump test's entity for {@code id}; null for the redirect Q4242. */
    private static Entity dumpEntity(EntityId id) {
        if (id.value().equals("Q4242")) {
            return null;
        }
        Fingerprint terms = new Fingerprint(Map.of("en", new Term("en", "label:" + id.value())), Map.of(), Map.of());
        if (id.value().startsWith("P")) {
            return new Property(id, "Wibblywobbly", terms, Map.of(), null);
        }
        Sitelink sitelink = new Sitelink("test", "Foo" + id.value(), List.of(), null);
        return new Item(id, terms, Map.of(), Map.of("test", sitelink), null);
    }

    private static Scenario lexeme(WikibaseFixtureCase c, Flavor flavor, Set<String> expected) {
        Lexeme l2 = (Lexeme) entity(c.inputs().get(0));
        String name = c.name();
        Consumer<EntityRdfWriter> actions;
        if (name.startsWith("L2 full serialization")) {
            actions = w -> w.addEntity(l2);
        } else if (name.equals("L2 lexeme-specific triples")) {
            actions = w -> w.addLexemeComponents(l2);
        } else if (name.equals("L2-F1 form")) {
            actions = w -> w.addFormComponents(l2.forms().get(0));
        } else if (name.equals("L2-S1 sense")) {
            actions = w -> w.addSenseComponents(l2.senses().get(0));
        } else if (name.equals("L2 lexeme stub")) {
            actions = w -> w.addStub(EntityStub.of(l2));
        } else if (name.equals("L2-F1 form stub")) {
            actions = w -> w.addStub(EntityStub.of(l2.forms().get(0)));
        } else if (name.equals("L2-S1 sense stub")) {
            actions = w -> w.addStub(EntityStub.of(l2.senses().get(0)));
        } else {
            throw new IllegalStateException("no scenario for lexeme case " + name);
        }
        return new Scenario(writer(DEFAULT, flavor), actions, expected, null);
    }

    /**
     * The two {@code predicate.Q2_terms_labels*.nt} files: TermsRdfBuilder with the single label predicate {@code
     * wikibase:test}, all languages and Russian only.
     */
    static List<Scenario> predicateLabelFiles() {
        Item q2 = (Item) entity("wikibase/entities/Q2.json");
        Item labelsOnly = new Item(
                q2.id(), new Fingerprint(q2.fingerprint().labels(), Map.of(), Map.of()), Map.of(), Map.of(), null);
        var test = SimpleValueFactory.getInstance().createIRI("http://wikiba.se/ontology#", "test");
        List<Scenario> scenarios = new ArrayList<>();
        for (String suffix : List.of("", "_ru")) {
            String file = "wikibase/TermsRdfBuilder/predicate.Q2_terms_labels" + suffix + ".nt";
            scenarios.add(new Scenario(
                    writer(DEFAULT, Flavor.FULL)
                            .labelPredicates(List.of(test))
                            .termLanguages(suffix.isEmpty() ? null : List.of("ru")),
                    w -> w.addTerms(labelsOnly),
                    TripleLines.ofNTriplesFiles(
                            List.of(WikibaseFixtureCase.dir().resolve(file))),
                    null));
        }
        return scenarios;
    }
}
