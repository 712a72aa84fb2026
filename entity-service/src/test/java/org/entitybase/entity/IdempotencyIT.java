package org.entitybase.entity;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.testkit.http.RawHttpConnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.writer;

/**
 * {@code Idempotency-Key} (issue 9): a retried create gets the first answer and no second entity, even when the
 * first request's connection was cut after sending; the same key with another body is 422.
 */
@QuarkusTest
class IdempotencyIT {

    private static long nextUser = 7_000_000 + (System.nanoTime() % 1_000_000) * 10;

    private static synchronized long newUser() {
        return ++nextUser;
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() {
        long user = newUser();
        String key = UUID.randomUUID().toString();
        String body = EntityApiIT.item("idempotent");
        Response first = create(user, key, body);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);

        Response retry = create(user, key, body);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("X-Revision-ID")).isEqualTo(first.header("X-Revision-ID"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(revisionsBy(user)).isEqualTo(1);

        // another user's key of the same name is another key
        Response other = create(newUser(), key, body);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.jsonPath().getString("id"))
                .isNotEqualTo(first.jsonPath().getString("id"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        long user = newUser();
        String key = UUID.randomUUID().toString();
        assertThat(create(user, key, EntityApiIT.item("first")).statusCode()).isEqualTo(201);

        Response reused = create(user, key, EntityApiIT.item("second"));
        assertThat(reused.statusCode()).as(reused.asString()).isEqualTo(422);
        assertThat(reused.jsonPath().getString("code")).isEqualTo("idempotency-key-reused");
        assertThat(reused.jsonPath().getMap("context")).containsKey("idempotency_key");
        assertThat(revisionsBy(user)).isEqualTo(1);
    }

    @Test
    void aBadKeyIs400() {
        Response bad = create(newUser(), "two words", EntityApiIT.item("bad key"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.jsonPath().getString("code")).isEqualTo("invalid-idempotency-key");
    }

    @Test
    void aCreateWhoseConnectionWasCutIsRetriedIntoOneEntity() throws Exception {
        long user = newUser();
        String key = UUID.randomUUID().toString();
        String body = EntityApiIT.item("cut connection");
        // the whole request goes out, then the client closes the socket without reading the answer
        try (RawHttpConnection connection =
                RawHttpConnection.open(URI.create("http://127.0.0.1:" + RestAssured.port))) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-User-ID", String.valueOf(user));
            headers.put("Idempotency-Key", key);
            connection.send("POST", path("/entities/items"), headers, body);
        }
        Response retry = create(user, key, body);
        assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(201);
        String id = retry.jsonPath().getString("id");
        // the first request may still be committing when the retry arrives: wait for it to end either way
        for (int i = 0; i < 50 && revisionsBy(user) < 1; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertThat(revisionsBy(user)).as("one entity, not two").isEqualTo(1);
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions WHERE entity_id = ?", id))
                .isEqualTo(1);
        assertThat(create(user, key, body).jsonPath().getString("id")).isEqualTo(id);
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneEntity() throws Exception {
        long user = newUser();
        String key = UUID.randomUUID().toString();
        String body = EntityApiIT.item("raced");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bodies.add(body);
        }
        List<Response> responses = ParallelCreateIT.concurrently(bodies, b -> create(user, key, b));
        Set<String> ids = new HashSet<>();
        for (Response response : responses) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            ids.add(response.jsonPath().getString("id"));
        }
        assertThat(ids).hasSize(1);
        assertThat(revisionsBy(user)).isEqualTo(1);
    }

    @Test
    void aRetriedStatementAddIsOneStatement() {
        long user = newUser();
        String id = EntityApiIT.createdId("items", EntityApiIT.item("statement target"));
        String property = EntityApiIT.createdId("properties", EntityApiIT.property("string", "idempotent statement"));
        String statement = """
                {"mainsnak":{"snaktype":"value","property":"%s","datavalue":{"value":"once","type":"string"}},
                 "type":"statement","rank":"normal"}""".formatted(property);
        String key = UUID.randomUUID().toString();
        Response first = writer(user)
                .header("Idempotency-Key", key)
                .body(statement)
                .post(path("/entities/" + id + "/properties/" + property));
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        Response retry = writer(user)
                .header("Idempotency-Key", key)
                .body(statement)
                .post(path("/entities/" + id + "/properties/" + property));
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(revisionsBy(user)).isEqualTo(1);
    }

    private static Response create(long user, String key, String body) {
        return writer(user).header("Idempotency-Key", key).body(body).post(path("/entities/items"));
    }

    private static long revisionsBy(long user) {
        return EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions WHERE user_id = ?", user);
    }
}
