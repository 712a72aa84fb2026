package org.entitybase.rdf.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.ParserConfig;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Isomorphism ignores blank-node labels, but Wikibase's are stable names (somevalue snaks, {@code wdno:} classes) that
 * WDQS turns into IRIs: ours must be Wikidata's, label for label.
 */
class WikidataBlankNodeLabelsTest {

    @TestFactory
    Stream<DynamicTest> blankNodeLabelsAreWikidatas() {
        return WikidataFixtures.wikidataPairs().stream()
                .map(pair -> DynamicTest.dynamicTest(pair.id(), () -> {
                    WikidataPairEnvironment environment = WikidataPairEnvironment.of(pair);
                    Entity entity = WikibaseJsonReader.lenient()
                            .readEntity(pair.entity().json());
                    LabelCollector ours = new LabelCollector();
                    EntityRdfWriter.builder(RdfVocabulary.wikidata(), Flavor.FULL)
                            .datatypes(WikidataPairEnvironment.datatypes())
                            .sites(WikimediaSites.INSTANCE)
                            .stubs(environment.stubs)
                            .externalIdUris(environment.uriPatterns)
                            .unitConverter(WikidataPairEnvironment.UNITS)
                            .build(ours)
                            .writeDocument(entity, environment.redirectsToEntity);

                    LabelCollector wikidata = new LabelCollector();
                    ParserConfig config = new ParserConfig();
                    config.set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
                    try (InputStream in = Files.newInputStream(pair.turtle())) {
                        Rio.createParser(RDFFormat.TURTLE)
                                .setParserConfig(config)
                                .setRDFHandler(wikidata)
                                .parse(in, "");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }

                    assertThat(ours.labels).isNotEmpty().isEqualTo(wikidata.labels);
                }));
    }

    private static final class LabelCollector extends AbstractRDFHandler {
        final Set<String> labels = new TreeSet<>();

        @Override
        public void handleStatement(Statement st) {
            add(st.getSubject());
            add(st.getObject());
        }

        private void add(Value value) {
            if (value instanceof BNode b) {
                labels.add(b.getID());
            }
        }
    }
}
