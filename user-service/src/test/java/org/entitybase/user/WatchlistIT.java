package org.entitybase.user;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.user.events.UserRevisionRecorder;
import org.entitybase.user.support.Edits;
import org.entitybase.user.support.UserStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code GET|POST|DELETE /users/{id}/watchlist}: its rules, and entity existence answered from the revision index
 * alone (entity-service up or down).
 */
@QuarkusTest
class WatchlistIT {

    private static final String WATCHLIST = "/v1/entitybase/users/{id}/watchlist";

    @Inject
    Pool pool;

    @Inject
    UserRevisionRecorder recorder;

    @Test
    void watchFilterListUnwatchAndTheWatchersTableFollows() {
        long user = 41;
        String a = Edits.createIndexedItem(pool, recorder, 51, "watched a");
        String b = Edits.createIndexedItem(pool, recorder, 51, "watched b");
        as(user).body("{\"entity_id\":\"" + a + "\"}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(201);
        as(user).body("{\"entity_id\":\"" + b + "\",\"properties\":[\"P569\",\"P31\",\"P31\"]}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(201)
                .body("properties", equalTo(List.of("P31", "P569")));
        // the same again changes nothing; another filter replaces it
        as(user).body("{\"entity_id\":\"" + a + "\"}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(200);
        as(user).body("{\"entity_id\":\"" + a + "\",\"properties\":[\"P18\"]}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(200);
        as(user).get(WATCHLIST, user)
                .then()
                .statusCode(200)
                .body("count", equalTo(2))
                .body("entries.entity_id", equalTo(sorted(a, b)))
                .body("entries.find { it.entity_id == '" + a + "' }.properties", equalTo(List.of("P18")))
                .body("entries[0].since", notNullValue());
        assertThat(watchers(a)).isEqualTo(1);
        assertThat(watchers(b)).isEqualTo(1);

        as(user).delete(WATCHLIST + "?entity_id=" + a, user).then().statusCode(204);
        as(user).delete(WATCHLIST + "?entity_id=" + a, user)
                .then()
                .statusCode(404)
                .body("code", equalTo("not-watched"));
        assertThat(watchers(a)).isZero();
        assertConsistent();
    }

    @Test
    void refusalsStoreNothing() {
        long user = 42;
        String a = Edits.createIndexedItem(pool, recorder, 51, "refusals");
        long before = UserStack.count("SELECT COUNT(*) FROM user_watchlist");
        // another user's watchlist, anonymous, no header
        as(43).body("{\"entity_id\":\"" + a + "\"}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(403)
                .body("code", equalTo("not-your-resource"));
        as(43).get(WATCHLIST, user).then().statusCode(403);
        as(0).body("{\"entity_id\":\"" + a + "\"}")
                .post(WATCHLIST, 0)
                .then()
                .statusCode(400)
                .body("context.parameter", equalTo("id"));
        as(0).body("{\"entity_id\":\"" + a + "\"}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(403)
                .body("code", equalTo("anonymous-not-allowed"));
        given().contentType(ContentType.JSON)
                .body("{\"entity_id\":\"" + a + "\"}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(400)
                .body("code", equalTo("missing-user-id"));
        // no such entity (not in the index after the wait), bad ids, bad filters
        as(user).body("{\"entity_id\":\"Q987654321\"}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(404)
                .body("code", equalTo("entity-not-found"))
                .body("context.entity_id", equalTo("Q987654321"));
        as(user).body("{\"entity_id\":\"banana\"}").post(WATCHLIST, user).then().statusCode(400);
        as(user).body("{\"entity_id\":\"" + a + "\",\"properties\":[\"Q5\"]}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(400)
                .body("context.parameter", equalTo("properties[0]"));
        as(user).body("{\"entity_id\":\"" + a + "\",\"properties\":[]}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(400);
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_watchlist")).isEqualTo(before);
        assertConsistent();
    }

    @Test
    void aFullWatchlistIs422() {
        long user = 44;
        for (int i = 0; i < UserStack.WATCHLIST_LIMIT; i++) {
            String id = Edits.createIndexedItem(pool, recorder, 51, "full " + i);
            as(user).body("{\"entity_id\":\"" + id + "\"}")
                    .post(WATCHLIST, user)
                    .then()
                    .statusCode(201);
        }
        String oneMore = Edits.createIndexedItem(pool, recorder, 51, "one too many");
        as(user).body("{\"entity_id\":\"" + oneMore + "\"}")
                .post(WATCHLIST, user)
                .then()
                .statusCode(422)
                .body("code", equalTo("watchlist-full"))
                .body("context.limit", equalTo(UserStack.WATCHLIST_LIMIT));
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_watchlist WHERE user_id = 44"))
                .isEqualTo(UserStack.WATCHLIST_LIMIT);
        assertThat(watchers(oneMore)).isZero();
        // pages of 2 cover it all
        String next = as(user).get(WATCHLIST + "?limit=2", user)
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        assertThat(next).isNotNull();
        as(user).get(WATCHLIST + "?limit=2&after=" + next, user)
                .then()
                .statusCode(200)
                .body("entries.size()", equalTo(2));
    }

    @Test
    void theIndexAloneAnswersWithEntityServiceKilledAndAMissIs404AfterTheWait() {
        long user = 45;
        String indexed = Edits.createIndexedItem(pool, recorder, 52, "indexed before the outage");
        String unindexed = Edits.createItem(53, "not indexed before the outage");
        List<EntityChangeEvent> late = Edits.awaitEvents(e -> e.entityId().equals(unindexed), 1);
        UserStack.entities().entityService().kill();
        try {
            as(user).body("{\"entity_id\":\"" + unindexed + "\"}")
                    .post(WATCHLIST, user)
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("entity-not-found"));
            assertThat(UserStack.count("SELECT COUNT(*) FROM user_watchlist WHERE user_id = 45"))
                    .isZero();
            as(user).body("{\"entity_id\":\"" + indexed + "\"}")
                    .post(WATCHLIST, user)
                    .then()
                    .statusCode(201);
            Edits.record(pool, recorder, late);
            as(user).body("{\"entity_id\":\"" + unindexed + "\"}")
                    .post(WATCHLIST, user)
                    .then()
                    .statusCode(201);
        } finally {
            UserStack.entities().entityService().restart();
        }
        assertConsistent();
    }

    static RequestSpecification as(long user) {
        return given().contentType(ContentType.JSON).header("X-User-ID", user);
    }

    private static List<String> sorted(String a, String b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    private static long watchers(String entityId) {
        return UserStack.count("SELECT COUNT(*) FROM entity_watchers WHERE entity_id = '" + entityId + "'");
    }

    /** entity_watchers holds exactly the (entity, user) pairs of user_watchlist. */
    private static void assertConsistent() {
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_watchlist w LEFT JOIN entity_watchers e"
                        + " ON e.entity_id = w.entity_id AND e.user_id = w.user_id WHERE e.user_id IS NULL"))
                .isZero();
        assertThat(UserStack.count("SELECT COUNT(*) FROM entity_watchers e LEFT JOIN user_watchlist w"
                        + " ON e.entity_id = w.entity_id AND e.user_id = w.user_id WHERE w.user_id IS NULL"))
                .isZero();
    }
}
