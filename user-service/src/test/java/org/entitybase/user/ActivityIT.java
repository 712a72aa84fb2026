package org.entitybase.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.testkit.WikidataFixtures;
import org.entitybase.testkit.WikidataFixtures.FixtureRevision;
import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.user.events.UserRevisionRecorder;
import org.entitybase.user.storage.StatementObjects;
import org.entitybase.user.support.Edits;
import org.entitybase.user.support.UserStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A scripted series of edits by three users on real Wikidata entities (imports, edits, reverts, deletes, redirects)
 * through the real entity-service; its entity_change events go through {@link UserRevisionRecorder}. Each user's
 * activity must equal the entity histories filtered by that user, and redelivering every event must change nothing.
 */
@QuarkusTest
class ActivityIT {

    // above every id the other ITs allocate or import; the one registered here is the highest, so AUTO_INCREMENT
    // continues past all three and no later registration gets an id that already has activity
    private static final long[] USERS = {7_000_001, 7_000_002, 7_000_003};

    @Inject
    Pool pool;

    @Inject
    UserRevisionRecorder recorder;

    @Inject
    S3Client s3;

    @Test
    void eachUsersActivityEqualsTheHistoriesFilteredByThemAndRedeliveryChangesNothing() {
        Set<String> touched = new LinkedHashSet<>();
        int i = 0;
        for (FixtureRevision revision : WikidataFixtures.revisions()) {
            long user = USERS[i++ % USERS.length];
            var r = Edits.as(user).body(revision.entity().json()).post(Edits.api("/import"));
            assertThat(r.statusCode()).as("import: %s", r.asString()).isIn(200, 201);
            touched.add(r.jsonPath().getString("id"));
        }
        // items only: a redirect joins two entities of one type
        List<String> ids = touched.stream().filter(id -> id.startsWith("Q")).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
        // an edit, a revert to the first revision, a delete, a redirect and its undoing, each by another user
        String created = Edits.createItem(USERS[0], "activity subject");
        touched.add(created);
        Edits.relabel(USERS[1], created, "activity subject, relabelled");
        var revert =
                Edits.as(USERS[2]).body("{\"to_revision_id\": 1}").post(Edits.api("/entities/" + created + "/revert"));
        assertThat(revert.statusCode()).as("revert: %s", revert.asString()).isEqualTo(200);
        Edits.as(USERS[0])
                .delete(Edits.api("/entities/" + ids.get(0)))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        Edits.as(USERS[1])
                .body("{\"from\":\"" + ids.get(1) + "\",\"to\":\"" + ids.get(2) + "\"}")
                .post(Edits.api("/redirects"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
        Edits.as(USERS[2])
                .post(Edits.api("/entities/" + ids.get(1) + "/revert-redirect"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);

        Map<Long, List<String>> expected = new HashMap<>();
        int revisions = 0;
        for (String id : touched) {
            for (Map<String, Object> rev : Edits.history(id)) {
                revisions++;
                long user = ((Number) rev.get("user_id")).longValue();
                expected.computeIfAbsent(user, k -> new ArrayList<>()).add(line(id, rev));
            }
        }
        List<EntityChangeEvent> events =
                Edits.awaitEvents(e -> e.userId() >= USERS[0] && e.userId() <= USERS[2], revisions);
        assertThat(Edits.record(pool, recorder, events)).isEqualTo(revisions);

        for (long user : USERS) {
            List<String> activity = activity(user, 4);
            assertThat(activity).as("activity of %d", user).containsExactlyInAnyOrderElementsOf(expected.get(user));
            assertThat(activity).hasSizeGreaterThan(1);
        }
        // the imports added statements: each has the author of the earliest revision that added it
        long statementAuthors = UserStack.count("SELECT COUNT(*) FROM statement_authors");
        assertThat(statementAuthors).isPositive();
        assertThat(UserStack.count("SELECT COUNT(*) FROM statement_authors a JOIN revision_authors r"
                        + " ON r.entity_id = a.entity_id AND r.revision_id = a.revision_id AND r.user_id = a.user_id"))
                .isEqualTo(statementAuthors);
        endorsementsOfIntroducedStatementsAreReceived();
        List<String> before = new ArrayList<>();
        for (long user : USERS) {
            before.addAll(activity(user, 1000));
        }

        // every event again, twice over: nothing new
        assertThat(Edits.record(pool, recorder, events)).isZero();
        assertThat(Edits.record(pool, recorder, events)).isZero();
        List<String> after = new ArrayList<>();
        for (long user : USERS) {
            after.addAll(activity(user, 1000));
        }
        assertThat(after).isEqualTo(before);
        assertThat(UserStack.count("SELECT COUNT(*) FROM user_activity WHERE user_id BETWEEN 7000001 AND 7000003"))
                .isEqualTo(revisions);
        assertThat(UserStack.count("SELECT COUNT(*) FROM revision_authors WHERE user_id BETWEEN 7000001 AND 7000003"))
                .isEqualTo(revisions);
        assertThat(UserStack.count("SELECT COUNT(*) FROM statement_authors")).isEqualTo(statementAuthors);

        // ?type= keeps one change type
        JsonPath deletes = given().get("/v1/entitybase/users/" + USERS[0] + "/activity?type=delete")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(deletes.getList("activity.entity_id")).containsExactly(ids.get(0));
        assertThat(deletes.getList("activity.change_type")).containsOnly("delete");
        given().get("/v1/entitybase/users/" + USERS[0] + "/activity?type=vandalism")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("context.parameter", equalTo("type"));
        given().get("/v1/entitybase/users/" + USERS[0] + "/activity?after=nonsense")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("context.parameter", equalTo("after"));
        // a user that never registered has activity; nobody who never edited has any
        given().get("/v1/entitybase/users/" + USERS[1] + "/activity")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("activity.size()", equalTo(expected.get(USERS[1]).size()));
        given().get("/v1/entitybase/users/777777/activity")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("activity.size()", equalTo(0))
                .body("next", equalTo(null));
    }

    /** A statement the last user introduced, endorsed by two users: GET /users/{id} counts both as received. */
    private void endorsementsOfIntroducedStatementsAreReceived() {
        String hash;
        try (var db = UserStack.database();
                var rows = db.createStatement()
                        .executeQuery("SELECT statement_hash FROM statement_authors WHERE user_id = " + USERS[2]
                                + " LIMIT 1")) {
            assertThat(rows.next())
                    .as("user %d introduced a statement", USERS[2])
                    .isTrue();
            hash = rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        s3.putObject(
                b -> b.bucket(LocalStack.current().s3ContentBucket()).key(StatementObjects.key(hash)),
                RequestBody.fromString("{}"));
        given().contentType("application/json")
                .header("X-User-ID", 1)
                .body("{\"name\":\"Activity user " + USERS[2] + "\"}")
                .put("/v1/entitybase/users/" + USERS[2])
                .then()
                .statusCode(201);
        for (long endorser : new long[] {34, 35}) {
            given().header("X-User-ID", endorser)
                    .post("/v1/entitybase/statements/" + hash + "/endorse")
                    .then()
                    .statusCode(201);
        }
        given().get("/v1/entitybase/users/" + USERS[2])
                .then()
                .statusCode(200)
                .body("endorsements_received", equalTo(2))
                .body("endorsements_given", equalTo(0))
                .body("edit_count", equalTo((int)
                        UserStack.count("SELECT COUNT(*) FROM user_activity WHERE user_id = " + USERS[2])));
    }

    /** Every activity line of {@code user}, page by page ({@code pageSize} a page), checked newest first. */
    private static List<String> activity(long user, int pageSize) {
        List<String> out = new ArrayList<>();
        Instant previous = Instant.MAX;
        String after = null;
        do {
            var request = given().queryParam("limit", pageSize);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/v1/entitybase/users/" + user + "/activity")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> entries = page.getList("activity");
            assertThat(entries.size()).isLessThanOrEqualTo(pageSize);
            for (Map<String, Object> e : entries) {
                Instant at = Instant.parse((String) e.get("timestamp"));
                assertThat(at).as("newest first").isBeforeOrEqualTo(previous);
                previous = at;
                out.add(line((String) e.get("entity_id"), e));
            }
            after = page.getString("next");
        } while (after != null);
        return out;
    }

    /** What activity and history share for one revision. */
    private static String line(String entityId, Map<String, Object> revision) {
        return entityId + " r" + revision.get("revision_id") + " parent " + revision.get("parent_revision_id") + " "
                + revision.get("change_type") + " '" + revision.get("edit_summary") + "' "
                + Instant.parse((String) revision.get("timestamp"));
    }
}
