package org.entitybase.watchlist;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.entitybase.watchlist.support.Edits;
import org.entitybase.watchlist.support.Notifications;
import org.entitybase.watchlist.support.NotifyStack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real edits through entity-service, watches through user-service, notifications made by the running
 * watchlist-consumer jar from the entity_change events alone, read through its routes.
 */
class NotificationsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final long ALICE = 9_100_001;
    private static final long BOB = 9_100_002;
    private static final long CAROL = 9_100_003;

    @Test
    void anEditNotifiesEveryWatcherButTheEditorOnceEvenWhenItsEventArrivesTwice() {
        String item = Edits.createItem(ALICE, "watched", Map.of());
        // the watches start after the create was processed: the consumer lags behind the write, and a watch stored
        // before the create's event is handled while both fall in one second is notified of it (docs/DECISIONS.md)
        Notifications.awaitProcessed(item, 1, WAIT);
        Edits.watch(BOB, item, null);
        Edits.watch(CAROL, item, null);
        Edits.watch(ALICE, item, null);
        long revision = Edits.edit(ALICE, item, "watched, relabelled", Map.of());

        Edits.await("two notifications of r" + revision, WAIT, () -> Notifications.rows(item, revision) == 2);
        for (long watcher : List.of(BOB, CAROL)) {
            List<Map<String, Object>> mine = Notifications.of(watcher, item);
            assertThat(mine).as("user %d", watcher).hasSize(1);
            assertThat(mine.get(0))
                    .containsEntry("revision_id", (int) revision)
                    .containsEntry("change_type", "edit")
                    .containsEntry("changed_by", (int) ALICE)
                    .containsEntry("read_at", null);
        }
        assertThat(Notifications.of(ALICE, item)).as("the editor").isEmpty();

        // every event of the topic again: the consumer processes them as duplicates
        List<ConsumerRecord<String, byte[]>> published = Notifications.published();
        double processed = Notifications.consumed("processed");
        Notifications.republish(published);
        Edits.await(
                "the republished events consumed",
                WAIT,
                () -> Notifications.consumed("processed") >= processed + published.size());
        assertThat(Notifications.rows(item, revision)).isEqualTo(2);
        assertThat(Notifications.of(BOB, item)).hasSize(1);
        assertThat(Notifications.of(CAROL, item)).hasSize(1);
        assertThat(Notifications.of(ALICE, item)).isEmpty();
    }

    @Test
    void aPropertyFilterSuppressesEditsOfOtherProperties() {
        long dan = 9_200_001; // watches P-colour only
        long eve = 9_200_002; // watches P-size only
        long fay = 9_200_003; // watches every change
        String colour = Edits.createProperty(ALICE, "colour " + System.nanoTime());
        String size = Edits.createProperty(ALICE, "size " + System.nanoTime());
        String item = Edits.createItem(ALICE, "filtered", Map.of(colour, List.of("red")));
        Edits.watch(dan, item, List.of(colour));
        Edits.watch(eve, item, List.of(size));
        Edits.watch(fay, item, null);

        long labelOnly = Edits.edit(ALICE, item, "filtered, relabelled", Map.of(colour, List.of("red")));
        long sizeAdded =
                Edits.edit(ALICE, item, "filtered, relabelled", Map.of(colour, List.of("red"), size, List.of("big")));
        long colourRemoved = Edits.edit(ALICE, item, "filtered, relabelled", Map.of(size, List.of("big")));
        long colourChanged =
                Edits.edit(ALICE, item, "filtered, relabelled", Map.of(colour, List.of("blue"), size, List.of("big")));

        // events of one entity are processed in order: once fay has the last, every one is done
        Edits.await(
                "fay's notification of r" + colourChanged,
                WAIT,
                () -> Notifications.rows(item, colourChanged) > 0
                        && Notifications.of(fay, item).size() == 4);
        assertThat(revisions(fay, item)).containsExactly(colourChanged, colourRemoved, sizeAdded, labelOnly);
        assertThat(revisions(dan, item)).as("colour watcher").containsExactly(colourChanged, colourRemoved);
        assertThat(revisions(eve, item)).as("size watcher").containsExactly(sizeAdded);
    }

    @Test
    void pagesNewestFirstAndMarksReadOneAListOrEverythingBeforeATime() {
        long gus = 9_300_001;
        String item = Edits.createItem(ALICE, "paged", Map.of());
        Edits.watch(gus, item, null);
        long[] revisions = new long[5];
        for (int i = 0; i < revisions.length; i++) {
            revisions[i] = Edits.edit(ALICE, item, "paged " + i, Map.of());
        }
        Edits.await("five notifications", WAIT, () -> Notifications.rows(item, revisions[4]) == 1);

        Response first = Notifications.list(gus, "?limit=2");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.jsonPath().getList("notifications.revision_id", Long.class))
                .containsExactly(revisions[4], revisions[3]);
        Response second =
                Notifications.list(gus, "?limit=2&after=" + first.jsonPath().getString("next"));
        assertThat(second.jsonPath().getList("notifications.revision_id", Long.class))
                .containsExactly(revisions[2], revisions[1]);
        Response third =
                Notifications.list(gus, "?limit=2&after=" + second.jsonPath().getString("next"));
        assertThat(third.jsonPath().getList("notifications.revision_id", Long.class))
                .containsExactly(revisions[0]);
        assertThat(third.jsonPath().getString("next")).isNull();

        List<Long> ids = Notifications.all(gus).stream()
                .map(n -> ((Number) n.get("id")).longValue())
                .toList(); // newest first
        assertThat(unread(gus)).isEqualTo(5);

        Response one = markOne(gus, ids.get(0));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.jsonPath().getString("read_at")).isNotNull();
        assertThat(markOne(gus, ids.get(0)).statusCode()).as("again: no change").isEqualTo(200);
        assertThat(unread(gus)).isEqualTo(4);
        assertThat(Notifications.list(gus, "?unread=true").jsonPath().getList("notifications.id", Long.class))
                .containsExactlyElementsOf(ids.subList(1, 5));

        Response list = markMany(gus, "{\"ids\": [" + ids.get(0) + ", " + ids.get(1) + ", " + ids.get(2) + "]}");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.jsonPath().getLong("marked"))
                .as("the first was read already")
                .isEqualTo(2);
        assertThat(unread(gus)).isEqualTo(2);

        Response before = markMany(gus, "{\"before\": \"9999-01-01T00:00:00Z\"}");
        assertThat(before.jsonPath().getLong("marked")).isEqualTo(2);
        assertThat(unread(gus)).isZero();

        // someone else's notification is not found, and stays unread
        long hal = 9_300_002;
        Edits.watch(hal, item, null);
        long last = Edits.edit(ALICE, item, "paged again", Map.of());
        Edits.await("hal's notification", WAIT, () -> Notifications.rows(item, last) == 2);
        long halsId = ((Number) Notifications.of(hal, item).get(0).get("id")).longValue();
        Response notMine = markOne(gus, halsId);
        assertThat(notMine.statusCode()).isEqualTo(404);
        assertThat(notMine.jsonPath().getString("code")).isEqualTo("notification-not-found");
        assertThat(markMany(gus, "{\"ids\": [" + halsId + "]}").jsonPath().getLong("marked"))
                .isZero();
        assertThat(unread(hal)).isEqualTo(1);
    }

    @Test
    void badRequestsAre4xxWithABodyAndChangeNothing() {
        long ivy = 9_400_001;
        String item = Edits.createItem(ALICE, "refused", Map.of());
        Edits.watch(ivy, item, null);
        long revision = Edits.edit(ALICE, item, "refused, relabelled", Map.of());
        Edits.await("ivy's notification", WAIT, () -> Notifications.rows(item, revision) == 1);
        String api = NotifyStack.get().notificationsApi() + "/users/" + ivy + "/notifications";

        assertError(Notifications.list(ivy, "?limit=0"), 400, "invalid-parameter");
        assertError(Notifications.list(ivy, "?limit=501"), 400, "invalid-parameter");
        assertError(Notifications.list(ivy, "?after=yesterday"), 400, "invalid-parameter");
        assertError(Notifications.list(ivy, "?unread=maybe"), 400, "invalid-parameter");
        assertError(given().get(api), 400, "missing-user-id");
        assertError(given().header("X-User-ID", "x").get(api), 400, "invalid-user-id");
        assertError(given().header("X-User-ID", ivy + 1).get(api), 403, "not-your-resource");
        assertError(given().header("X-User-ID", 0).get(api + "/unread-count"), 403, "anonymous-not-allowed");
        assertError(
                given().header("X-User-ID", 0).get(NotifyStack.get().notificationsApi() + "/users/0/notifications"),
                400,
                "invalid-parameter");
        assertError(markOne(ivy, 0), 400, "invalid-parameter");
        assertError(markMany(ivy, "{}"), 400, "invalid-body");
        assertError(markMany(ivy, "[]"), 400, "invalid-body");
        assertError(markMany(ivy, "{\"ids\": []}"), 400, "invalid-body");
        assertError(markMany(ivy, "{\"ids\": [\"1\"]}"), 400, "invalid-body");
        assertError(markMany(ivy, "{\"ids\": [1], \"before\": \"2026-01-01T00:00:00Z\"}"), 400, "invalid-body");
        assertError(markMany(ivy, "{\"before\": \"yesterday\"}"), 400, "invalid-body");
        assertThat(given().header("X-User-ID", ivy)
                        .contentType(ContentType.JSON)
                        .body("{not json")
                        .post(api + "/read")
                        .statusCode())
                .isEqualTo(400);
        assertThat(unread(ivy)).as("nothing was marked").isEqualTo(1);
    }

    private static List<Long> revisions(long user, String item) {
        return Notifications.of(user, item).stream()
                .map(n -> ((Number) n.get("revision_id")).longValue())
                .toList();
    }

    private static long unread(long user) {
        Response r = given().header("X-User-ID", user)
                .get(NotifyStack.get().notificationsApi() + "/users/" + user + "/notifications/unread-count");
        assertThat(r.statusCode()).as("unread-count: %s", r.asString()).isEqualTo(200);
        return r.jsonPath().getLong("unread");
    }

    private static Response markOne(long user, long id) {
        return given().header("X-User-ID", user)
                .post(NotifyStack.get().notificationsApi() + "/users/" + user + "/notifications/" + id + "/read");
    }

    private static Response markMany(long user, String body) {
        return given().header("X-User-ID", user)
                .contentType(ContentType.JSON)
                .body(body)
                .post(NotifyStack.get().notificationsApi() + "/users/" + user + "/notifications/read");
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.statusCode()).as("%s", r.asString()).isEqualTo(status);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
        assertThat(r.jsonPath().getString("message")).isNotBlank();
        assertThat(r.jsonPath().getMap("context")).isNotNull();
    }
}
