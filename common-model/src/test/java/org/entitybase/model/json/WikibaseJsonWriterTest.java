package org.entitybase.model.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Item;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.snak.NoValueSnak;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Rank;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class WikibaseJsonWriterTest {
    private final WikibaseJsonReader reader = WikibaseJsonReader.strict();
    private final WikibaseJsonWriter writer = new WikibaseJsonWriter();

    /** Special:EntityData output of 2024–2026 is canonical: the writer reproduces its key order in every object. */
    @Test
    void writesWikidatasKeyOrder() {
        List<String> checked = new ArrayList<>();
        for (WikidataFixtures.WikidataPair pair : WikidataFixtures.wikidataPairs()) {
            JsonNode input = WikidataFixtures.tree(pair.entity().json());
            JsonNode output = WikidataFixtures.tree(
                    writer.toBytes(reader.readEntity(pair.entity().json())));
            assertThat(keyOrderDifference(input, output, pair.id())).isNull();
            Entity entity = reader.readEntity(pair.entity().json());
            assertThat(writer.size(entity)).as("size of " + pair.id()).isEqualTo(writer.toBytes(entity).length);
            checked.add(pair.id());
        }
        assertThat(checked).hasSize(11).contains("Q42", "L1883");
    }

    @Test
    void writesLegacyFieldsInCanonicalForm() {
        String legacy = """
                {"claims":{"P31":[{"rank":"normal","type":"claim","id":"q1$8983b0ea-4a9c-0902-c0db-785db33f767c",
                  "references":[],
                  "qualifiers":{"P580":[{"snaktype":"novalue","property":"P580"}]},
                  "mainsnak":{"datavalue":{"type":"wikibase-entityid","value":{"numeric-id":36906466,"entity-type":"item"}},
                              "property":"P31","snaktype":"value"}}]},
                 "sitelinks":[],"labels":[],"id":"Q1","type":"item","redirects":{"from":"Q2","to":"Q1"}}""";
        String written = new String(writer.toBytes(reader.readEntity(legacy)), StandardCharsets.UTF_8);
        assertThat(written)
                .isEqualTo("{\"type\":\"item\",\"id\":\"Q1\",\"labels\":{},\"descriptions\":{},\"aliases\":{},"
                        + "\"claims\":{\"P31\":[{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P31\","
                        + "\"datavalue\":{\"value\":{\"entity-type\":\"item\",\"numeric-id\":36906466,\"id\":\"Q36906466\"},"
                        + "\"type\":\"wikibase-entityid\"}},\"type\":\"statement\","
                        + "\"qualifiers\":{\"P580\":[{\"snaktype\":\"novalue\",\"property\":\"P580\"}]},"
                        + "\"qualifiers-order\":[\"P580\"],\"id\":\"q1$8983b0ea-4a9c-0902-c0db-785db33f767c\","
                        + "\"rank\":\"normal\"}]},\"sitelinks\":{}}");
    }

    @Test
    void writesGlobeCoordinatesLikePhp() {
        String json = """
                {"value":{"latitude":51.56652777777778,"longitude":-0.14544444444444443,"altitude":null,
                          "precision":2.777777777777778e-05},"type":"globecoordinate"}""";
        String written = new String(writer.toBytes(reader.readDataValue(json)), StandardCharsets.UTF_8);
        assertThat(written)
                .isEqualTo("{\"value\":{\"latitude\":51.56652777777778,\"longitude\":-0.14544444444444443,"
                        + "\"altitude\":null,\"precision\":2.777777777777778e-5,"
                        + "\"globe\":\"http://www.wikidata.org/entity/Q2\"},\"type\":\"globecoordinate\"}");
        assertThat(new String(
                        writer.toBytes(new GlobeCoordinateValue(45, -1, null, 1.0, null)), StandardCharsets.UTF_8))
                .contains("\"latitude\":45,\"longitude\":-1,\"altitude\":null,\"precision\":1,");
    }

    /** A model built in code (no order lists, no hashes) still gives complete canonical JSON. */
    @Test
    void writesAModelBuiltInCode() {
        Snak qualifier = new NoValueSnak("P580", "time", null);
        Snak referenceSnak =
                new ValueSnak("P854", "url", new org.entitybase.model.value.StringValue("https://example.org/"), null);
        Statement statement = new Statement(
                null,
                new NoValueSnak("P31", "wikibase-item", null),
                Rank.PREFERRED,
                Map.of("P580", List.of(qualifier)),
                List.of(),
                List.of(new Reference(null, Map.of("P854", List.of(referenceSnak)), List.of())));
        Entity item = new Item(EntityId.parse("Q7"), null, Map.of("P31", List.of(statement)), Map.of(), null);
        String written = writer.toJson(item);
        assertThat(written)
                .isEqualTo(
                        "{\"type\":\"item\",\"id\":\"Q7\",\"labels\":{},\"descriptions\":{},\"aliases\":{},"
                                + "\"claims\":{\"P31\":[{\"mainsnak\":{\"snaktype\":\"novalue\",\"property\":\"P31\","
                                + "\"datatype\":\"wikibase-item\"},\"type\":\"statement\",\"qualifiers\":{\"P580\":[{"
                                + "\"snaktype\":\"novalue\",\"property\":\"P580\",\"datatype\":\"time\"}]},"
                                + "\"qualifiers-order\":[\"P580\"],\"rank\":\"preferred\",\"references\":[{\"snaks\":{\"P854\":[{"
                                + "\"snaktype\":\"value\",\"property\":\"P854\",\"datavalue\":{\"value\":\"https://example.org/\","
                                + "\"type\":\"string\"},\"datatype\":\"url\"}]},\"snaks-order\":[\"P854\"]}]}]},\"sitelinks\":{}}");
        assertThat(writer.toJson(reader.readEntity(written))).isEqualTo(written);
    }

    /** The first object whose keys differ in order, or null. */
    private static String keyOrderDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            List<String> expectedKeys = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedKeys::add);
            List<String> actualKeys = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualKeys::add);
            if (!expectedKeys.equals(actualKeys)) {
                return path + ": " + expectedKeys + " written as " + actualKeys;
            }
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String d = keyOrderDifference(expected.get(name), actual.get(name), path + "." + name);
                if (d != null) {
                    return d;
                }
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                String d = keyOrderDifference(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }
}
