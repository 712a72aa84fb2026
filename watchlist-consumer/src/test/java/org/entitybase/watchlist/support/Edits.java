package org.entitybase.watchlist.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Edits through the real entity-service of {@link NotifyStack}, watches through its user-service. */
public final class Edits {

    private Edits() {}

    /** A write as {@code user}. */
    public static RequestSpecification as(long user) {
        return given().contentType(ContentType.JSON).header("X-User-ID", user).header("X-Edit-Summary", "by " + user);
    }

    private static String api(String path) {
        return NotifyStack.get().entities().apiUrl() + path;
    }

    /** A new string-valued property; its id. */
    public static String createProperty(long user, String label) {
        String body = """
                {"type":"property","datatype":"string","labels":{"en":{"language":"en","value":"%s"}},
                 "descriptions":{},"aliases":{},"claims":{}}""".formatted(label);
        Response r = as(user).body(body).post(api("/entities/properties"));
        assertThat(r.statusCode()).as("create property: %s", r.asString()).isEqualTo(201);
        return r.jsonPath().getString("id");
    }

    /** A new item with {@code claims} (property → string values); its id and revision. */
    public static String createItem(long user, String label, Map<String, List<String>> claims) {
        Response r = as(user).body(item(null, label, claims)).post(api("/entities/items"));
        assertThat(r.statusCode()).as("create item: %s", r.asString()).isEqualTo(201);
        return r.jsonPath().getString("id");
    }

    /** A new revision of item {@code id} with this label and these claims; its revision id. */
    public static long edit(long user, String id, String label, Map<String, List<String>> claims) {
        Response r = as(user).body(item(id, label, claims)).put(api("/entities/items/" + id));
        assertThat(r.statusCode()).as("edit: %s", r.asString()).isEqualTo(200);
        return r.jsonPath().getLong("lastrevid");
    }

    /** {@code user} watches {@code entity} (properties null: every change) through user-service. */
    public static void watch(long user, String entity, List<String> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity_id", entity);
        if (properties != null) {
            body.put("properties", properties);
        }
        Response r = as(user).body(body).post(NotifyStack.get().usersApi() + "/users/" + user + "/watchlist");
        assertThat(r.statusCode()).as("watch: %s", r.asString()).isIn(200, 201);
    }

    static String item(String id, String label, Map<String, List<String>> claims) {
        StringBuilder json = new StringBuilder("{");
        if (id != null) {
            json.append("\"id\":\"").append(id).append("\",");
        }
        json.append("\"type\":\"item\",\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"")
                .append(label)
                .append("\"}},\"descriptions\":{},\"aliases\":{},\"sitelinks\":{},\"claims\":{");
        boolean first = true;
        for (Map.Entry<String, List<String>> e : claims.entrySet()) {
            json.append(first ? "" : ",").append('"').append(e.getKey()).append("\":[");
            first = false;
            for (int i = 0; i < e.getValue().size(); i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"type\":\"statement\",\"rank\":\"normal\",\"mainsnak\":{\"snaktype\":\"value\","
                                + "\"property\":\"")
                        .append(e.getKey())
                        .append("\",\"datavalue\":{\"type\":\"string\",\"value\":\"")
                        .append(e.getValue().get(i))
                        .append("\"}}}");
            }
            json.append(']');
        }
        return json.append("}}").toString();
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
