package org.entitybase.rdf.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance suite of the RDF mapping, run once per output format (rdf4j's one-suite-for-all-formats idea): each
 * production is written through the format's Rio writer, parsed back, and compared.
 *
 * <ul>
 *   <li>Every case of the Wikibase RDF fixtures ({@code rdf/wikibase-fixtures/cases.json}): as N-Triples line sets
 *       with all blank nodes equal, the fixtures' own comparison. Cases that cannot be produced are skipped with a
 *       reviewed reason ({@link WikibaseFixtureScenarios#REVIEWED_SKIPS}), never silently.
 *   <li>Every real pair in {@code rdf/wikidata-pairs}: our Special:EntityData document of the JSON against Wikidata's
 *       Turtle of the same revision, by graph isomorphism ({@link Models#isomorphic}).
 * </ul>
 *
 * Subclasses pass the format and may adjust writer and parser settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractEntityRdfConformanceTest {

    private final RDFFormat format;
    private final List<String> fixtureFailures = new ArrayList<>();
    private final List<String> fixtureSkips = new ArrayList<>();
    private final List<String> pairFailures = new ArrayList<>();
    private int fixtureCases;
    private int fixturePassed;
    private int pairs;
    private int pairsPassed;
    private int stubsFromTurtle;
    private int patternsFromTurtle;

    protected AbstractEntityRdfConformanceTest(RDFFormat format) {
        this.format = format;
    }

    /** Hook for format quirks of the writer. */
    protected void setupWriterConfig(WriterConfig config) {}

    /**
     * The writer under test: RDF4J's for {@code format} by default (with {@link #setupWriterConfig}); subclasses run
     * the suite through other writers.
     */
    protected RDFWriter createWriter(OutputStream out) {
        RDFWriter rio = RdfWriterSettings.createRioWriter(format, out);
        setupWriterConfig(rio.getWriterConfig());
        return rio;
    }

    /** Hook for format quirks of the parser. */
    protected void setupParserConfig(ParserConfig config) {}

    @TestFactory
    Stream<DynamicTest> wikibaseFixtureCases() {
        return WikibaseFixtureCase.load().stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
                    fixtureCases++;
                    WikibaseFixtureScenarios.Scenario scenario = WikibaseFixtureScenarios.scenario(c);
                    if (scenario.skipReason() != null) {
                        fixtureSkips.add(c.name() + ": " + scenario.skipReason());
                        Assumptions.abort("reviewed skip: " + scenario.skipReason());
                    }
                    assertThat(scenario.expected())
                            .as("expected triples of %s", c)
                            .isNotEmpty();
                    Set<String> actual = TripleLines.of(roundTrip(scenario.writer(), framed(scenario.actions())));
                    if (!actual.equals(scenario.expected())) {
                        fixtureFailures.add(c.toString());
                    }
                    assertThat(actual)
                            .as("%s in %s:%n%s", c, format.getName(), TripleLines.diff(scenario.expected(), actual, 40))
                            .isEqualTo(scenario.expected());
                    fixturePassed++;
                }));
    }

    /** The two label-predicate files of the "unused?" case, which the skipped case cannot cover on its own. */
    @TestFactory
    Stream<DynamicTest> predicateLabelFiles() {
        List<WikibaseFixtureScenarios.Scenario> scenarios = WikibaseFixtureScenarios.predicateLabelFiles();
        return Stream.of(0, 1)
                .map(i -> DynamicTest.dynamicTest(i == 0 ? "all languages" : "languages=[ru]", () -> {
                    WikibaseFixtureScenarios.Scenario scenario = scenarios.get(i);
                    Set<String> actual = TripleLines.of(roundTrip(scenario.writer(), framed(scenario.actions())));
                    assertThat(actual)
                            .as(TripleLines.diff(scenario.expected(), actual, 40))
                            .isEqualTo(scenario.expected());
                }));
    }

    @TestFactory
    Stream<DynamicTest> wikidataPairs() {
        return WikidataFixtures.wikidataPairs().stream()
                .map(pair -> DynamicTest.dynamicTest(pair.id(), () -> {
                    pairs++;
                    WikidataPairEnvironment environment = WikidataPairEnvironment.of(pair);
                    stubsFromTurtle += environment.stubCount;
                    patternsFromTurtle += environment.patternCount;
                    Entity entity = WikibaseJsonReader.lenient()
                            .readEntity(pair.entity().json());
                    EntityRdfWriter.Builder writer = EntityRdfWriter.builder(RdfVocabulary.wikidata(), Flavor.FULL)
                            .datatypes(WikidataPairEnvironment.datatypes())
                            .sites(WikimediaSites.INSTANCE)
                            .stubs(environment.stubs)
                            .externalIdUris(environment.uriPatterns)
                            .unitConverter(WikidataPairEnvironment.UNITS);
                    assertThat(entity.page().lastRevisionId()).isEqualTo(pair.revision());
                    Model actual = roundTrip(writer, w -> w.writeDocument(entity, environment.redirectsToEntity));
                    boolean isomorphic = RdfComparison.isomorphic(actual, environment.expected);
                    if (!isomorphic) {
                        pairFailures.add(pair.id());
                    }
                    assertThat(isomorphic)
                            .as(
                                    "%s in %s is not isomorphic to Wikidata's Turtle (%d vs %d triples):%n%s",
                                    pair.id(),
                                    format.getName(),
                                    actual.size(),
                                    environment.expected.size(),
                                    groundDiff(environment.expected, actual))
                            .isTrue();
                    pairsPassed++;
                }));
    }

    @AfterAll
    void summary() {
        System.out.printf(
                "[%s] Wikibase fixtures: %d/%d passed, %d reviewed skip(s), %d failed %s%n",
                getClass().getSimpleName(),
                fixturePassed,
                fixtureCases,
                fixtureSkips.size(),
                fixtureFailures.size(),
                fixtureFailures);
        fixtureSkips.forEach(
                s -> System.out.printf("[%s]   skipped: %s%n", getClass().getSimpleName(), s));
        System.out.printf(
                "[%s] Wikidata pairs: %d/%d isomorphic %s(stub terms of %d mentioned entities and %d external-id URI"
                        + " patterns taken from the expected Turtle)%n",
                getClass().getSimpleName(),
                pairsPassed,
                pairs,
                pairFailures.isEmpty() ? "" : "failed " + pairFailures + " ",
                stubsFromTurtle,
                patternsFromTurtle);
    }

    /** {@code actions} between {@link EntityRdfWriter#startDocument()} and {@link EntityRdfWriter#finishDocument()}. */
    private static Consumer<EntityRdfWriter> framed(Consumer<EntityRdfWriter> actions) {
        return w -> {
            w.startDocument();
            actions.accept(w);
            w.finishDocument();
        };
    }

    /** Runs {@code actions} on a writer over the writer under test, then parses the bytes back with RDF4J. */
    Model roundTrip(EntityRdfWriter.Builder builder, Consumer<EntityRdfWriter> actions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        actions.accept(builder.build(createWriter(bytes)));
        ParserConfig parserConfig = new ParserConfig();
        setupParserConfig(parserConfig);
        try {
            return Rio.parse(new ByteArrayInputStream(bytes.toByteArray()), "", format, parserConfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String groundDiff(Model expected, Model actual) {
        return RdfComparison.groundDiff(expected, actual);
    }
}
