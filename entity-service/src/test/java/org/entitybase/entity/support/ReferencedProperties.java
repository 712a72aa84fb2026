package org.entitybase.entity.support;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;

import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.writer;

/**
 * Makes the properties that entities' snaks use exist before copies of those entities are written: the real ones of
 * ../shared/data imported as they are, the others as bare properties with the snaks' datatype.
 */
public final class ReferencedProperties {

    private ReferencedProperties() {}

    /** Imports (as {@code user}) every property a snak of {@code entities} names. */
    public static void importFor(Iterable<JsonNode> entities, long user) {
        Map<String, String> fixtures = new HashMap<>();
        for (FixtureEntity fixture : WikidataFixtures.entities()) {
            if ("property".equals(fixture.type())) {
                fixtures.put(fixture.id(), fixture.json());
            }
        }
        Map<String, String> referenced = new LinkedHashMap<>();
        entities.forEach(entity -> collectSnakDatatypes(entity, referenced));
        referenced.forEach((property, datatype) -> {
            String body = fixtures.getOrDefault(property, """
                    {"type":"property","id":"%s","datatype":"%s","labels":{},"descriptions":{},"aliases":{},
                     "claims":{}}""".formatted(property, datatype));
            Response imported = writer(user).body(body).post(path("/import"));
            assertThat(imported.statusCode())
                    .as(property + ": " + imported.asString())
                    .isIn(200, 201);
        });
    }

    private static void collectSnakDatatypes(JsonNode node, Map<String, String> datatypes) {
        if (node.has("snaktype") && node.has("property")) {
            String property = node.get("property").asText();
            String datatype = node.has("datatype")
                    ? node.get("datatype").asText()
                    : WikidataFixtures.propertyDatatypes().get(property);
            if (datatype != null) {
                datatypes.putIfAbsent(property, datatype);
            }
        }
        node.forEach(child -> collectSnakDatatypes(child, datatypes));
    }
}
