package org.entitybase.user;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.user.events.UserRevisionRecorder;
import org.entitybase.user.support.Edits;
import org.entitybase.user.support.UserStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /users/{id}/thank}, {@code GET /users/{id}/thanks}: the rules, answered from the revision index alone
 * (entity-service up or down).
 */
@QuarkusTest
class ThanksIT {

    private static final String THANK = "/v1/entitybase/users/{id}/thank";

    @Inject
    Pool pool;

    @Inject
    UserRevisionRecorder recorder;

    @Test
    void thanksGoToTheAuthorOnceAndRepeatTheFirstAnswer() {
        String id = Edits.createIndexedItem(pool, recorder, 61, "thanked");
        Edits.relabel(62, id, "thanked, relabelled");
        // indexed: the index names the author
        String first = as(63).body(body(id, 1))
                .post(THANK, 63)
                .then()
                .statusCode(201)
                .body("to_user_id", equalTo(61))
                .body("from_user_id", equalTo(63))
                .extract()
                .asString();
        String again = as(63).body(body(id, 1))
                .post(THANK, 63)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(again).isEqualTo(first);
        // the second revision once indexed
        Edits.record(pool, recorder, Edits.awaitEvents(e -> e.entityId().equals(id), 2));
        as(63).body(body(id, 2)).post(THANK, 63).then().statusCode(201).body("to_user_id", equalTo(62));
        as(61).body(body(id, 2)).post(THANK, 61).then().statusCode(201);
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_thanks WHERE from_user_id = 63"))
                .isEqualTo(2);

        JsonPath received = given().get("/v1/entitybase/users/62/thanks?direction=received")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(received.getList("thanks.from_user_id")).containsExactlyInAnyOrder(63, 61);
        // sent, newest first, one a page
        JsonPath page1 = given().get("/v1/entitybase/users/63/thanks?direction=sent&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page1.getList("thanks.revision_id")).containsExactly(2);
        JsonPath page2 = given().queryParam("after", page1.getString("next"))
                .get("/v1/entitybase/users/63/thanks?direction=sent&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page2.getList("thanks.revision_id")).containsExactly(1);
        assertThat(page2.getString("next")).isNull();
        given().get("/v1/entitybase/users/61")
                .then()
                .statusCode(404); // never registered: thanks work without registration
        given().get("/v1/entitybase/users/63/thanks?direction=sideways")
                .then()
                .statusCode(400)
                .body("context.parameter", equalTo("direction"));
    }

    @Test
    void refusalsStoreNothing() {
        String id = Edits.createIndexedItem(pool, recorder, 64, "refused thanks");
        String anonymous = Edits.createIndexedItem(pool, recorder, 0, "anonymous edit");
        long before = UserStack.count("SELECT COUNT(*) FROM user_thanks");
        expect(as(64).body(body(id, 1)).post(THANK, 64), 422, "own-revision");
        expect(as(65).body(body(anonymous, 1)).post(THANK, 65), 422, "anonymous-revision");
        expect(as(65).body(body(id, 99)).post(THANK, 65), 404, "revision-not-found");
        expect(as(65).body(body("Q987654321", 1)).post(THANK, 65), 404, "entity-not-found");
        expect(as(66).body(body(id, 1)).post(THANK, 65), 403, "not-your-resource");
        expect(as(0).body(body(id, 1)).post(THANK, 65), 403, "anonymous-not-allowed");
        expect(as(65).body("{\"entity_id\":\"" + id + "\"}").post(THANK, 65), 400, "invalid-body");
        expect(as(65).body("{\"entity_id\":\"" + id + "\",\"revision_id\":0}").post(THANK, 65), 400, "invalid-body");
        expect(given().contentType(ContentType.JSON).body(body(id, 1)).post(THANK, 65), 400, "missing-user-id");
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_thanks")).isEqualTo(before);
    }

    @Test
    void theIndexAloneAnswersWithEntityServiceKilledAndAMissIs404AfterTheWait() {
        String indexed = Edits.createIndexedItem(pool, recorder, 67, "indexed");
        String unindexed = Edits.createItem(67, "unindexed");
        List<EntityChangeEvent> late = Edits.awaitEvents(e -> e.entityId().equals(unindexed), 1);
        UserStack.entities().entityService().kill();
        try {
            long started = System.nanoTime();
            expect(as(68).body(body(unindexed, 1)).post(THANK, 68), 404, "entity-not-found");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("a miss waits for the index first")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(UserStack.count("SELECT COUNT(*) FROM user_thanks WHERE from_user_id = 68"))
                    .isZero();
            as(68).body(body(indexed, 1)).post(THANK, 68).then().statusCode(201).body("to_user_id", equalTo(67));
            Edits.record(pool, recorder, late);
            as(68).body(body(unindexed, 1)).post(THANK, 68).then().statusCode(201);
        } finally {
            UserStack.entities().entityService().restart();
        }
        assertThat(given().get("/v1/entitybase/users/67/thanks").jsonPath().getList("thanks"))
                .hasSize(2);
    }

    private static void expect(io.restassured.response.Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
        assertThat(r.jsonPath().getString("message")).isNotBlank();
        assertThat(r.jsonPath().getMap("context")).isNotNull();
    }

    private static String body(String entityId, long revision) {
        return "{\"entity_id\":\"" + entityId + "\",\"revision_id\":" + revision + "}";
    }

    static RequestSpecification as(long user) {
        return given().contentType(ContentType.JSON).header("X-User-ID", user);
    }
}
