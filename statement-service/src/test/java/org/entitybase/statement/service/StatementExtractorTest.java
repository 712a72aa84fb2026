package org.entitybase.statement.service;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.statement.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class StatementExtractorTest {

    private static String itemValue(String property, String id) {
        return """
                {"snaktype":"value","property":"%s","datavalue":{"value":{"entity-type":"item",\
                "numeric-id":%s,"id":"%s"},"type":"wikibase-entityid"},"datatype":"wikibase-item"}""".formatted(property, id.substring(1), id);
    }

    private static String statement(String guid, String mainsnak, String qualifiers, String references) {
        return """
                {"mainsnak":%s,"type":"statement","id":"%s","rank":"normal"%s%s}""".formatted(
                        mainsnak,
                        guid,
                        qualifiers == null ? "" : ",\"qualifiers\":" + qualifiers,
                        references == null ? "" : ",\"references\":" + references);
    }

    private static final String STRING_SNAK =
            "{\"snaktype\":\"value\",\"property\":\"P1\",\"datavalue\":{\"value\":\"x\",\"type\":\"string\"},"
                    + "\"datatype\":\"string\"}";

    private static final String ITEM = """
            {"type":"item","id":"Q10","labels":{},"descriptions":{},"aliases":{},"sitelinks":{},"claims":{
              "P31":[%s,%s],
              "P1":[%s],
              "P2":[%s]
            }}""".formatted(
                    statement("Q10$00000000-0000-0000-0000-000000000001", itemValue("P31", "Q5"), null, null),
                    // the same claim again under another GUID: the same address
                    statement("Q10$00000000-0000-0000-0000-000000000002", itemValue("P31", "Q5"), null, null),
                    statement(
                            "Q10$00000000-0000-0000-0000-000000000003",
                            STRING_SNAK,
                            "{\"P3\":[" + itemValue("P3", "Q7") + "]}",
                            "[{\"snaks\":{\"P4\":[" + itemValue("P4", "Q8") + "]},\"snaks-order\":[\"P4\"]}]"),
                    statement(
                            "Q10$00000000-0000-0000-0000-000000000004",
                            "{\"snaktype\":\"somevalue\",\"property\":\"P2\",\"datatype\":\"wikibase-item\"}",
                            null,
                            null));

    private final StatementExtractor extractor = new StatementExtractor();

    @Test
    void equalClaimsShareOneAddressCountedOnceWithItsOccurrences() {
        RevisionStatements revision = extractor.extract(ITEM.getBytes(StandardCharsets.UTF_8));

        assertThat(revision.statements()).hasSize(3);
        assertThat(revision.occurrences().values()).containsExactlyInAnyOrder(2, 1, 1);
        assertThat(revision.statements().values())
                .extracting(RevisionStatements.StatementContent::property)
                .containsExactlyInAnyOrder("P31", "P1", "P2");
    }

    @Test
    void addressesAreTheSplittersAndTheStoredJsonHasNoGuid() {
        RevisionStatements revision = extractor.extract(ITEM.getBytes(StandardCharsets.UTF_8));
        List<Statement> p1 =
                WikibaseJsonReader.lenient().readEntity(ITEM).claims().get("P1");
        String address = new EntitySplitter().statementAddress(p1.get(0)).sha256();

        byte[] json = revision.statements().get(address).json();
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text)
                .doesNotContain("Q10$00000000-0000-0000-0000-000000000003")
                .contains("\"qualifiers\"")
                .contains("\"references\"");
    }

    @Test
    void backlinksComeFromMainSnaksQualifiersAndReferencesWithTheSnaksProperty() {
        RevisionStatements revision = extractor.extract(ITEM.getBytes(StandardCharsets.UTF_8));

        assertThat(revision.backlinks())
                .containsExactlyInAnyOrder(
                        new Backlink("Q5", "Q10", "P31"),
                        new Backlink("Q7", "Q10", "P3"),
                        new Backlink("Q8", "Q10", "P4"));
    }

    @Test
    void lexemeFormAndSenseStatementsCountAndLinkFromTheLexeme() {
        String lexeme = """
                {"type":"lexeme","id":"L1","lemmas":{"en":{"language":"en","value":"a"}},"lexicalCategory":"Q1",
                 "language":"Q2","claims":{},
                 "forms":[{"id":"L1-F1","representations":{"en":{"language":"en","value":"a"}},
                   "grammaticalFeatures":[],"claims":{"P5":[%s]}}],
                 "senses":[{"id":"L1-S1","glosses":{"en":{"language":"en","value":"g"}},"claims":{"P6":[%s]}}]}""".formatted(
                        statement("L1-F1$00000000-0000-0000-0000-000000000001", itemValue("P5", "Q9"), null, null),
                        statement(
                                "L1-S1$00000000-0000-0000-0000-000000000001",
                                "{\"snaktype\":\"value\",\"property\":\"P6\",\"datavalue\":{\"value\":{\"entity-type\":"
                                        + "\"sense\",\"id\":\"L2-S3\"},\"type\":\"wikibase-entityid\"},"
                                        + "\"datatype\":\"wikibase-sense\"}",
                                null,
                                null));

        RevisionStatements revision = extractor.extract(lexeme.getBytes(StandardCharsets.UTF_8));

        assertThat(revision.statements()).hasSize(2);
        assertThat(revision.backlinks())
                .containsExactlyInAnyOrder(new Backlink("Q9", "L1", "P5"), new Backlink("L2-S3", "L1", "P6"));
    }
}
