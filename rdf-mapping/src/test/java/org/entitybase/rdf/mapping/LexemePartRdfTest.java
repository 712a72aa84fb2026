package org.entitybase.rdf.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Special:EntityData of forms and senses by their own id ({@code L42-F1.ttl}): for every form and sense of the real
 * lexeme pairs, the part's document is isomorphic to its subset of Wikidata's lexeme document ({@link
 * LexemePartGraphs}), with the same stubs and patterns the pair conformance takes from the Turtle.
 */
class LexemePartRdfTest {

    @TestFactory
    Stream<DynamicTest> everyFormAndSenseOfTheRealLexemes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (WikidataFixtures.WikidataPair pair : WikidataFixtures.wikidataPairs()) {
            if (!pair.id().startsWith("L")) {
                continue;
            }
            WikidataPairEnvironment environment = WikidataPairEnvironment.of(pair);
            Lexeme lexeme = (Lexeme)
                    WikibaseJsonReader.lenient().readEntity(pair.entity().json());
            List<EntityId> parts = new ArrayList<>();
            lexeme.forms().forEach(f -> parts.add(f.id()));
            lexeme.senses().forEach(s -> parts.add(s.id()));
            for (EntityId part : parts) {
                tests.add(DynamicTest.dynamicTest(part.value(), () -> {
                    Model actual = write(environment, lexeme, part);
                    Model expected = LexemePartGraphs.partDocument(environment.expected, part);
                    assertThat(RdfComparison.isomorphic(actual, expected))
                            .as(
                                    "%s: %d triples, expected %d%n%s",
                                    part, actual.size(), expected.size(), RdfComparison.groundDiff(expected, actual))
                            .isTrue();
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(3);
        return tests.stream();
    }

    @Test
    void theDataNodeIsThePartsWithTheLexemesRevisionAndPageProperties() {
        WikidataFixtures.WikidataPair pair = pair("L42");
        Lexeme lexeme =
                (Lexeme) WikibaseJsonReader.lenient().readEntity(pair.entity().json());
        Model form = write(WikidataPairEnvironment.of(pair), lexeme, EntityId.parse("L42-F1"));
        String data = RdfVocabulary.WIKIDATA_DATA_BASE;
        assertThat(Models.objectLiteral(
                                form.filter(Values.iri(data + "L42-F1"), Values.iri("http://schema.org/version"), null))
                        .orElseThrow()
                        .longValue())
                .isEqualTo(pair.revision());
        assertThat(Models.objectIRI(
                                form.filter(Values.iri(data + "L42-F1"), Values.iri("http://schema.org/about"), null))
                        .orElseThrow()
                        .stringValue())
                .isEqualTo(RdfVocabulary.WIKIDATA_CONCEPT_BASE + "L42-F1");
        assertThat(form.filter(Values.iri(data + "L42"), null, null)).isEmpty();
        assertThat(form.filter(Values.iri(RdfVocabulary.WIKIDATA_CONCEPT_BASE + "L42-S1"), null, null))
                .isEmpty();
    }

    @Test
    void aPartTheLexemeDoesNotHaveIsRefused() {
        Lexeme lexeme = (Lexeme)
                WikibaseJsonReader.lenient().readEntity(pair("L42").entity().json());
        assertThat(EntityRdfWriter.hasPart(lexeme, EntityId.parse("L42-F1"))).isTrue();
        assertThat(EntityRdfWriter.hasPart(lexeme, EntityId.parse("L42-F999"))).isFalse();
        assertThat(EntityRdfWriter.hasPart(lexeme, EntityId.parse("L42-S999"))).isFalse();
        EntityRdfWriter writer = EntityRdfWriter.builder(RdfVocabulary.wikidata(), Flavor.FULL)
                .build(Rio.createWriter(RDFFormat.NTRIPLES, new ByteArrayOutputStream()));
        assertThatThrownBy(() -> writer.writePartDocument(lexeme, EntityId.parse("L42-F999")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static WikidataFixtures.WikidataPair pair(String id) {
        return WikidataFixtures.wikidataPairs().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Model write(WikidataPairEnvironment environment, Lexeme lexeme, EntityId part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EntityRdfWriter.builder(RdfVocabulary.wikidata(), Flavor.FULL)
                .datatypes(WikidataPairEnvironment.datatypes())
                .sites(WikimediaSites.INSTANCE)
                .stubs(environment.stubs)
                .externalIdUris(environment.uriPatterns)
                .unitConverter(WikidataPairEnvironment.UNITS)
                .build(RdfWriterSettings.createRioWriter(RDFFormat.TURTLE, out))
                .writePartDocument(lexeme, part);
        try {
            return Rio.parse(new ByteArrayInputStream(out.toByteArray()), "", RDFFormat.TURTLE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
