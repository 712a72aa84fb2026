package org.entitybase.entity.service;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.entitybase.entity.service.EntityPreparer.Mode;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.hash.wikibase.HashFiller;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.statement.Statement;
import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityPreparerTest {

    private static final EntityId Q7 = EntityId.parse("Q7");

    private static Entity parse(String json) {
        return WikibaseJsonReader.strict().readEntity(json);
    }

    private static String itemWith(String snak, String extra) {
        return """
                {"type":"item","lastrevid":99,"modified":"2020-01-01T00:00:00Z","pageid":5,
                 "claims":{"P1":[{"mainsnak":%s,"type":"statement","rank":"normal"%s}]}}""".formatted(snak, extra);
    }

    private static final String STRING_SNAK =
            "{\"snaktype\":\"value\",\"property\":\"P1\",\"datavalue\":{\"value\":\"abc\",\"type\":\"string\"}}";

    @Test
    void clientInputGetsIdGuidDatatypeAndHashesAndLosesRevisionFields() {
        Item prepared = (Item)
                EntityPreparer.prepare(parse(itemWith(STRING_SNAK, "")), Q7, Map.of("P1", "external-id"), Mode.CLIENT);

        assertThat(prepared.id()).isEqualTo(Q7);
        assertThat(prepared.page().lastRevisionId()).isNull();
        assertThat(prepared.page().modified()).isNull();
        assertThat(prepared.page().pageId()).isEqualTo(5L);
        Statement statement = prepared.claims().get("P1").get(0);
        assertThat(statement.id()).matches("Q7\\$[0-9A-F-]{36}");
        assertThat(statement.mainsnak().datatype()).isEqualTo("external-id");
        assertThat(statement.mainsnak().hash())
                .isEqualTo(HashFiller.withHash(statement.mainsnak()).hash())
                .isNotNull();
    }

    @Test
    void aGuidNamingTheEntityIsKeptAnotherIsReplaced() {
        String own = ",\"id\":\"Q7$5E7B0D4A-0000-4000-8000-000000000001\"";
        Item kept = (Item)
                EntityPreparer.prepare(parse(itemWith(STRING_SNAK, own)), Q7, Map.of("P1", "string"), Mode.CLIENT);
        assertThat(kept.claims().get("P1").get(0).id()).isEqualTo("Q7$5E7B0D4A-0000-4000-8000-000000000001");

        Entity foreign = WikibaseJsonReader.lenient()
                .readEntity(itemWith(STRING_SNAK, ",\"id\":\"Q8$5E7B0D4A-0000-4000-8000-000000000001\""));
        Item replaced = (Item) EntityPreparer.prepare(foreign, Q7, Map.of("P1", "string"), Mode.CLIENT);
        assertThat(replaced.claims().get("P1").get(0).id()).startsWith("Q7$");
        Item imported = (Item) EntityPreparer.prepare(foreign, Q7, Map.of("P1", "string"), Mode.IMPORT);
        assertThat(imported.claims().get("P1").get(0).id()).startsWith("Q8$");
    }

    @Test
    void unknownPropertyIs422ForClientsAndToleratedOnImport() {
        Entity entity = parse(itemWith(STRING_SNAK, ""));
        assertThatThrownBy(() -> EntityPreparer.prepare(entity, Q7, Map.of(), Mode.CLIENT))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("property-not-found");
                    assertThat(e.context()).containsEntry("path", "claims.P1[0].mainsnak");
                });
        Item imported = (Item) EntityPreparer.prepare(entity, Q7, Map.of(), Mode.IMPORT);
        assertThat(imported.claims().get("P1").get(0).mainsnak().datatype()).isNull();
    }

    @Test
    void aStoredStatementIsNotCheckedAgainButANewOneIs() {
        // stored by an import while P1 did not exist; a client now edits something else of the entity
        Item stored = (Item) EntityPreparer.prepare(parse(itemWith(STRING_SNAK, "")), Q7, Map.of(), Mode.IMPORT);
        Set<Statement> base = EntityPreparer.statements(stored);

        Item kept = (Item) EntityPreparer.prepare(stored, Q7, Map.of(), Mode.CLIENT, base);
        assertThat(kept.claims().get("P1")).isEqualTo(stored.claims().get("P1"));

        Entity added = parse(itemWith(STRING_SNAK, ""));
        assertThatThrownBy(() -> EntityPreparer.prepare(added, Q7, Map.of(), Mode.CLIENT, base))
                .as("the same claim as a new statement (no GUID yet) is checked")
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("property-not-found"));
    }

    @Test
    void valueOfTheWrongTypeIs422InBothModes() {
        Entity entity = parse(itemWith(STRING_SNAK, ""));
        for (Mode mode : Mode.values()) {
            assertThatThrownBy(() -> EntityPreparer.prepare(entity, Q7, Map.of("P1", "wikibase-item"), mode))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.code()).isEqualTo("datatype-mismatch");
                    });
        }
        String lexemeValue = "{\"snaktype\":\"value\",\"property\":\"P1\",\"datavalue\":{\"value\":"
                + "{\"entity-type\":\"lexeme\",\"id\":\"L5\"},\"type\":\"wikibase-entityid\"}}";
        assertThatThrownBy(() -> EntityPreparer.prepare(
                        parse(itemWith(lexemeValue, "")), Q7, Map.of("P1", "wikibase-item"), Mode.CLIENT))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("wikibase-item");
    }

    @Test
    void qualifierAndReferenceSnaksAreCheckedWithTheirPaths() {
        String extra = """
                ,"references":[{"snaks":{"P2":[{"snaktype":"somevalue","property":"P2"}]},"snaks-order":["P2"]}]""";
        Entity entity = parse(itemWith(STRING_SNAK, extra));
        assertThatThrownBy(() -> EntityPreparer.prepare(entity, Q7, Map.of("P1", "string"), Mode.CLIENT))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.context()).containsEntry("path", "claims.P1[0].references[0].snaks.P2[0]"));
        assertThat(EntityPreparer.referencedProperties(entity)).containsExactly("P1", "P2");
    }

    @Test
    void snakWithAnotherDatatypeThanItsPropertyIs422() {
        String snak = "{\"snaktype\":\"novalue\",\"property\":\"P1\",\"datatype\":\"url\"}";
        assertThatThrownBy(() ->
                        EntityPreparer.prepare(parse(itemWith(snak, "")), Q7, Map.of("P1", "string"), Mode.CLIENT))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("datatype-mismatch"));
    }

    @Test
    void newFormsAndSensesGetIdsAfterTheLexemesCounters() {
        String json = """
                {"type":"lexeme","lemmas":{"en":{"language":"en","value":"run"}},"lexicalCategory":"Q1084",
                 "language":"Q1860","claims":{},
                 "forms":[{"representations":{"en":{"language":"en","value":"runs"}},"grammaticalFeatures":[],
                   "claims":{"P1":[{"mainsnak":%s,"type":"statement","rank":"normal"}]}}],
                 "senses":[{"glosses":{"en":{"language":"en","value":"move fast"}},"claims":{}}]}""".formatted(STRING_SNAK);
        Lexeme lexeme =
                (Lexeme) EntityPreparer.prepare(parse(json), EntityId.parse("L9"), Map.of("P1", "string"), Mode.CLIENT);
        assertThat(lexeme.forms().get(0).id().value()).isEqualTo("L9-F1");
        assertThat(lexeme.senses().get(0).id().value()).isEqualTo("L9-S1");
        assertThat(lexeme.nextFormId()).isEqualTo(2);
        assertThat(lexeme.nextSenseId()).isEqualTo(2);
        assertThat(lexeme.forms().get(0).claims().get("P1").get(0).id()).startsWith("L9-F1$");
        assertThat(EntityPreparer.referencedProperties(parse(json))).isEqualTo(Set.of("P1"));
    }

    @Test
    void propertyNeedsAKnownDatatype() {
        Entity property = WikibaseJsonReader.lenient().readEntity("{\"type\":\"property\",\"datatype\":\"colour\"}");
        assertThatThrownBy(() -> EntityPreparer.prepare(property, EntityId.parse("P3"), Map.of(), Mode.IMPORT))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("unknown-datatype"));
    }

    @Test
    void sitelinkTitlesOfItemsOnly() {
        Entity item = parse(
                "{\"type\":\"item\",\"sitelinks\":{\"enwiki\":{\"site\":\"enwiki\",\"title\":\"Run\",\"badges\":[]}}}");
        assertThat(EntityPreparer.sitelinkTitles(item)).containsExactly(Map.entry("enwiki", "Run"));
        assertThat(EntityPreparer.sitelinkTitles(parse("{\"type\":\"property\",\"datatype\":\"string\"}")))
                .isEmpty();
    }
}
