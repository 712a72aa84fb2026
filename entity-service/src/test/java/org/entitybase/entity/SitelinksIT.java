package org.entitybase.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.entity.support.EventTap;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.runtime.config.EntitybaseConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;
import static org.entitybase.entity.support.Edits.error;
import static org.entitybase.entity.support.Edits.events;
import static org.entitybase.entity.support.Edits.head;
import static org.entitybase.entity.support.Edits.written;

/** An item's sitelinks, and the rule that a (site, title) pair belongs to one item, under races too. */
@QuarkusTest
class SitelinksIT {

    private static final long USER = 12;

    @Inject
    EntitybaseConfig config;

    @Test
    void sitelinksAreAddedReplacedAndRemoved() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("linked"));
        String title = "Linked " + System.nanoTime();
        Response added = written(post(id, "enwiki", "{\"title\":\"" + title + "\"}"), 201, 2);
        assertThat(added.jsonPath().getString("sitelink.title")).isEqualTo(title);
        assertThat(added.jsonPath().getList("sitelink.badges")).isEmpty();
        error(post(id, "enwiki", "{\"title\":\"Other " + title + "\"}"), 409, "sitelink-exists");

        Response replaced =
                written(put(id, "enwiki", "{\"title\":\"" + title + " (2)\",\"badges\":[\"Q17437796\"]}"), 200, 3);
        assertThat(replaced.jsonPath().getList("sitelink.badges", String.class)).containsExactly("Q17437796");
        written(put(id, "dewiki", "{\"site\":\"dewiki\",\"title\":\"" + title + "\"}"), 200, 4);

        Response one = reader().get(path("/entities/" + id + "/sitelinks/enwiki"));
        assertThat(one.jsonPath().getString("title")).isEqualTo(title + " (2)");
        assertThat(one.header("ETag")).isEqualTo("\"4\"");
        assertThat(reader().get(path("/entities/" + id + "/sitelinks"))
                        .jsonPath()
                        .getMap(""))
                .containsOnlyKeys("enwiki", "dewiki");
        assertThat(EntityDatabase.strings("SELECT title FROM sitelinks WHERE entity_id = ? ORDER BY site", id))
                .containsExactly(title, title + " (2)");

        written(writer(USER).delete(path("/entities/" + id + "/sitelinks/enwiki")), 200, 5);
        error(reader().get(path("/entities/" + id + "/sitelinks/enwiki")), 404, "sitelink-not-found");
        error(writer(USER).delete(path("/entities/" + id + "/sitelinks/enwiki")), 404, "sitelink-not-found");
        assertThat(EntityDatabase.strings("SELECT site FROM sitelinks WHERE entity_id = ?", id))
                .containsExactly("dewiki");
    }

    @Test
    void aPairOfAnotherItemIs409NamingIt() {
        String title = "Taken " + System.nanoTime();
        String owner = EntityApiIT.createdId("items", EntityApiIT.item("owner"));
        String other = EntityApiIT.createdId("items", EntityApiIT.item("other"));
        written(post(owner, "enwiki", "{\"title\":\"" + title + "\"}"), 201, 2);

        Response conflict = post(other, "enwiki", "{\"title\":\"" + title + "\"}");
        error(conflict, 409, "sitelink-conflict");
        assertThat(conflict.jsonPath().getString("context.conflicting_entity_id"))
                .isEqualTo(owner);
        assertThat(conflict.jsonPath().getString("context.title")).isEqualTo(title);
        error(put(other, "enwiki", "{\"title\":\"" + title + "\"}"), 409, "sitelink-conflict");
        assertThat(head(other)).isEqualTo(1);
        assertThat(reader().get(path("/entities/" + other)).jsonPath().getMap("sitelinks"))
                .isEmpty();

        // freed by the owner, the pair can move
        written(writer(USER).delete(path("/entities/" + owner + "/sitelinks/enwiki")), 200, 3);
        written(post(other, "enwiki", "{\"title\":\"" + title + "\"}"), 201, 2);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("guarded links"));
        error(post(id, "EN WIKI", "{\"title\":\"x\"}"), 400, "invalid-value");
        error(post(id, "enwiki", "{}"), 400, "missing-field");
        error(post(id, "enwiki", "{\"title\":5}"), 400, "invalid-value");
        error(post(id, "enwiki", "{\"title\":\"x\",\"badges\":[\"nope\"]}"), 400, "invalid-value");
        error(post(id, "enwiki", "{\"site\":\"dewiki\",\"title\":\"x\"}"), 400, "inconsistent-value");
        error(post(id, "enwiki", "[]"), 400, "invalid-json");
        String property = EntityApiIT.createdId("properties", EntityApiIT.property("string", "no links"));
        error(post(property, "enwiki", "{\"title\":\"x\"}"), 400, "entity-type-mismatch");
        error(reader().get(path("/entities/" + property + "/sitelinks")), 400, "entity-type-mismatch");
        assertThat(head(id)).isEqualTo(1);
    }

    @Test
    void concurrentClaimsOfOnePairHaveOneWinner() throws Exception {
        String title = "Raced " + System.nanoTime();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(EntityApiIT.createdId("items", EntityApiIT.item("racer " + i)));
        }
        List<Response> responses = race(items.stream()
                .<Callable<Response>>map(id -> () -> post(id, "enwiki", "{\"title\":\"" + title + "\"}"))
                .toList());
        assertThat(responses).extracting(Response::statusCode).containsOnly(201, 409);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM sitelinks WHERE site = 'enwiki' AND title = ?", title))
                .isEqualTo(1);

        // two creates racing for the same pair
        String created = "Created race " + System.nanoTime();
        String body = """
                {"type":"item","labels":{"en":{"language":"en","value":"racing create"}},
                 "sitelinks":{"frwiki":{"site":"frwiki","title":"%s","badges":[]}}}""".formatted(created);
        List<Response> creates =
                race(List.of(() -> EntityApiIT.create("items", body), () -> EntityApiIT.create("items", body)));
        assertThat(creates).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM sitelinks WHERE site = 'frwiki' AND title = ?", created))
                .isEqualTo(1);
    }

    @Test
    void everySitelinkWriteIsOneEntityChange() {
        try (EventTap tap = new EventTap(config.streaming().entityChangeTopic())) {
            String id = EntityApiIT.createdId("items", EntityApiIT.item("evented links"));
            String title = "Evented " + System.nanoTime();
            post(id, "enwiki", "{\"title\":\"" + title + "\"}");
            put(id, "enwiki", "{\"title\":\"" + title + "\"}"); // null edit
            writer(USER).delete(path("/entities/" + id + "/sitelinks/enwiki"));
            assertThat(events(tap, id, 3))
                    .extracting(EntityChangeEvent::revisionId)
                    .containsExactly(1L, 2L, 3L);
        }
    }

    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response post(String id, String site, String body) {
        return writer(USER).body(body).post(path("/entities/" + id + "/sitelinks/" + site));
    }

    private static Response put(String id, String site, String body) {
        return writer(USER).body(body).put(path("/entities/" + id + "/sitelinks/" + site));
    }
}
