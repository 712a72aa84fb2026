package org.entitybase.entity.service;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void appliesEveryOperationInOrder() throws Exception {
        JsonNode doc = json("{\"a\":1,\"b\":{\"c\":[1,2]},\"d\":\"x\"}");
        JsonNode patched = patch("[{\"op\":\"add\",\"path\":\"/b/c/-\",\"value\":3},"
                        + "{\"op\":\"add\",\"path\":\"/b/c/0\",\"value\":0},"
                        + "{\"op\":\"remove\",\"path\":\"/a\"},"
                        + "{\"op\":\"replace\",\"path\":\"/d\",\"value\":\"y\"},"
                        + "{\"op\":\"copy\",\"from\":\"/d\",\"path\":\"/e\"},"
                        + "{\"op\":\"move\",\"from\":\"/b/c/1\",\"path\":\"/f\"},"
                        + "{\"op\":\"test\",\"path\":\"/b/c\",\"value\":[0,2,3]}]")
                .apply(doc);
        assertThat(patched).isEqualTo(json("{\"b\":{\"c\":[0,2,3]},\"d\":\"y\",\"e\":\"y\",\"f\":1}"));
        assertThat(doc).as("the input is not changed").isEqualTo(json("{\"a\":1,\"b\":{\"c\":[1,2]},\"d\":\"x\"}"));
    }

    @Test
    void replaceKeepsKeyOrderAndPointersUnescape() throws Exception {
        JsonNode patched = patch("[{\"op\":\"replace\",\"path\":\"/a~1b\",\"value\":2},"
                        + "{\"op\":\"add\",\"path\":\"/m~0n\",\"value\":3}]")
                .apply(json("{\"a/b\":1,\"z\":0}"));
        assertThat(JSON.writeValueAsString(patched)).isEqualTo("{\"a/b\":2,\"z\":0,\"m~n\":3}");
    }

    @Test
    void testComparesNumbersByValueAndObjectsByContent() throws Exception {
        JsonNode doc = json("{\"n\":1,\"o\":{\"x\":1,\"y\":2}}");
        patch("[{\"op\":\"test\",\"path\":\"/n\",\"value\":1.0},"
                        + "{\"op\":\"test\",\"path\":\"/o\",\"value\":{\"y\":2,\"x\":1}}]")
                .apply(doc);
        assertThatThrownBy(() -> patch("[{\"op\":\"test\",\"path\":\"/n\",\"value\":\"1\"}]")
                        .apply(doc))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getMessage()).contains("test operation 0"))
                .hasFieldOrPropertyWithValue("code", "patch-test-failed");
    }

    @Test
    void missingTargetsAre409AndMalformedPatches400() throws Exception {
        JsonNode doc = json("{\"a\":[1]}");
        for (String bad : new String[] {
            "[{\"op\":\"remove\",\"path\":\"/b\"}]",
            "[{\"op\":\"replace\",\"path\":\"/a/1\",\"value\":0}]",
            "[{\"op\":\"add\",\"path\":\"/a/01\",\"value\":0}]",
            "[{\"op\":\"add\",\"path\":\"/x/y\",\"value\":0}]"
        }) {
            assertThatThrownBy(() -> patch(bad).apply(doc))
                    .as(bad)
                    .hasFieldOrPropertyWithValue("code", "patch-target-not-found");
        }
        for (String bad : new String[] {
            "{}",
            "[1]",
            "[{\"op\":\"jump\",\"path\":\"/a\"}]",
            "[{\"op\":\"add\",\"path\":\"a\",\"value\":1}]",
            "[{\"op\":\"add\",\"path\":\"/a\"}]",
            "[{\"op\":\"move\",\"path\":\"/a\"}]",
            "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a/0\"}]",
            "[{\"op\":\"remove\",\"path\":\"/a~2\"}]"
        }) {
            assertThatThrownBy(() -> patch(bad)).as(bad).hasFieldOrPropertyWithValue("code", "invalid-patch");
        }
    }

    private static JsonPatch patch(String json) throws Exception {
        return JsonPatch.parse(JSON.readTree(json));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
