package org.entitybase.entity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.EntityEditor;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.term.Term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/** Sixteen writers on one entity: with If-Match the losers get 412 and retry; without, every change lands. */
@QuarkusTest
class ConcurrentEditIT {

    private static final int WRITERS = 16;
    private static final List<String> LANGUAGES =
            List.of("de", "fr", "es", "it", "nl", "pl", "pt", "ru", "ja", "zh", "sv", "fi", "da", "nb", "cs", "hu");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityEditor editor;

    @Test
    void ifMatchWritersLoseWith412AndNoAcknowledgedUpdateIsLost() throws Exception {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("contended"));
        AtomicInteger preconditionFailures = new AtomicInteger();
        List<Long> acknowledged = runConcurrently(writer -> {
            String language = LANGUAGES.get(writer);
            for (int attempt = 0; attempt < 200; attempt++) {
                Response current = reader().get(path("/entities/" + id));
                ObjectNode entity = (ObjectNode) JSON.readTree(current.asString());
                entity.remove(List.of("lastrevid", "modified"));
                ((ObjectNode) entity.get("labels"))
                        .putObject(language)
                        .put("language", language)
                        .put("value", "writer " + writer);
                Response put = writer(1000 + writer)
                        .header("If-Match", current.header("ETag"))
                        .header("X-Edit-Summary", "writer " + writer)
                        .body(entity.toString())
                        .put(path("/entities/items/" + id));
                if (put.statusCode() == 200) {
                    return Long.parseLong(put.header("X-Revision-ID"));
                }
                assertThat(put.statusCode()).as(put.asString()).isEqualTo(412);
                assertThat(put.jsonPath().getString("code")).isEqualTo("precondition-failed");
                preconditionFailures.incrementAndGet();
            }
            throw new AssertionError("writer " + writer + " never got its edit in");
        });

        assertThat(acknowledged).doesNotHaveDuplicates().hasSize(WRITERS);
        assertThat(preconditionFailures.get())
                .as("concurrent writers with a stale ETag")
                .isPositive();
        Response history = reader().queryParam("limit", 100).get(path("/entities/" + id + "/history"));
        Map<Long, String> summaries = new LinkedHashMap<>();
        List<Long> revisions = history.jsonPath().getList("revisions.revision_id", Long.class);
        List<String> texts = history.jsonPath().getList("revisions.edit_summary", String.class);
        for (int i = 0; i < revisions.size(); i++) {
            summaries.put(revisions.get(i), texts.get(i));
        }
        assertThat(summaries.keySet()).containsAll(acknowledged).hasSize(WRITERS + 1);
        // each writer built on the head it read, so the last head holds every writer's label
        Map<String, Object> labels =
                reader().get(path("/entities/" + id)).jsonPath().getMap("labels");
        assertThat(labels.keySet()).containsAll(LANGUAGES);
        System.out.printf(
                "If-Match contention: %d writers, %d acknowledged, %d got 412%n",
                WRITERS, acknowledged.size(), preconditionFailures.get());
    }

    @Test
    void writersWithoutExpectationAllLand() throws Exception {
        EntityId id = EntityId.parse(EntityApiIT.createdId("items", EntityApiIT.item("shared")));
        List<Long> revisions = runConcurrently(writer -> {
            String language = LANGUAGES.get(writer);
            EditResult result = editor.edit(id, EditContext.of(2000 + writer, "label " + language), entity -> {
                        Item item = (Item) entity;
                        Map<String, Term> labels =
                                new LinkedHashMap<>(item.fingerprint().labels());
                        labels.put(language, new Term(language, "label " + writer));
                        Fingerprint fingerprint = new Fingerprint(
                                labels,
                                item.fingerprint().descriptions(),
                                item.fingerprint().aliases());
                        return new Item(item.id(), fingerprint, item.claims(), item.sitelinks(), item.page());
                    })
                    .await()
                    .atMost(Duration.ofSeconds(60));
            return result.revisionId();
        });

        assertThat(revisions).doesNotHaveDuplicates().hasSize(WRITERS);
        Map<String, Object> labels =
                reader().get(path("/entities/" + id)).jsonPath().getMap("labels");
        assertThat(labels.keySet()).containsAll(LANGUAGES).contains("en");
        assertThat(reader().get(path("/entities/" + id)).header("ETag")).isEqualTo("\"" + (WRITERS + 1) + "\"");
    }

    @FunctionalInterface
    private interface Writer {
        long write(int writer) throws Exception;
    }

    /** Starts all writers at once; the revision id each got acknowledged. */
    private static List<Long> runConcurrently(Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int index = i;
                Callable<Long> task = () -> {
                    start.await();
                    return writer.write(index);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<Long> revisions = new ArrayList<>();
            for (Future<Long> result : results) {
                revisions.add(result.get());
            }
            return revisions;
        } finally {
            pool.shutdownNow();
        }
    }
}
