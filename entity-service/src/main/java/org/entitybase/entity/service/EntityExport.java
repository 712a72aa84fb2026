package org.entitybase.entity.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.repository.EntityHeadRepository;
import org.entitybase.entity.repository.HeadRow;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * The store as a Wikidata JSON dump (issue 14, docs/DECISIONS.md "Export"): {@code [}, one live entity per line
 * (neither deleted nor a redirect, as Wikidata's dumps), {@code ,} between lines, {@code ]}. Heads are read type by
 * type in id order by keyset pages; the revisions of a page are read from S3 in groups of at most {@code
 * in-flight-bytes}, each group in parallel, and written before the next group is read, so an export holds one group,
 * whatever the store's size and however slow the client.
 */
@ApplicationScoped
public class EntityExport {

    private static final byte[] OPEN = "[\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEPARATOR = ",\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_AFTER_ENTITIES = "\n]\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE_EMPTY = "]\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];
    private static final List<EntityType> IN_IMPORT_ORDER =
            List.of(EntityType.PROPERTY, EntityType.ITEM, EntityType.LEXEME);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Pool pool;
    private final EntityHeadRepository heads;
    private final RevisionStore contents;
    private final EntityJsonCache json;
    private final WorkerPool workers;
    private final int maxConcurrent;
    private final int pageSize;
    private final long inFlightBytes;
    private final AtomicInteger running = new AtomicInteger();

    EntityExport(
            Pool pool,
            EntityHeadRepository heads,
            RevisionStore contents,
            EntityJsonCache json,
            WorkerPool workers,
            EntityServiceConfig config) {
        this.pool = pool;
        this.heads = heads;
        this.contents = contents;
        this.json = json;
        this.workers = workers;
        this.maxConcurrent = Math.max(1, config.exports().maxConcurrent());
        this.pageSize = Math.max(1, config.exports().pageSize());
        this.inFlightBytes = Math.max(1, config.exports().inFlightBytes().asLongValue());
    }

    /**
     * Starts an export: 503 when {@code max-concurrent} exports run already. The caller writes it with {@link
     * Dump#writeTo} (on a worker thread: it blocks on the store and on the client) and closes it.
     */
    public Dump open(EntityType type, Instant since) {
        if (running.incrementAndGet() > maxConcurrent) {
            running.decrementAndGet();
            throw new ApiException(
                    503,
                    "export-busy",
                    maxConcurrent + " exports are running; try again later",
                    Map.of("max_concurrent", maxConcurrent),
                    RETRY_AFTER);
        }
        return new Dump(type == null ? IN_IMPORT_ORDER : List.of(type), since == null ? Instant.EPOCH : since);
    }

    /**
     * One export: the live entities of {@code types} (all of one type before the next) whose head changed at or after
     * {@code since}, in id order.
     */
    public final class Dump implements AutoCloseable {
        private final List<EntityType> types;
        private final Instant since;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Dump(List<EntityType> types, Instant since) {
            this.types = types;
            this.since = since;
        }

        /**
         * Writes the dump to {@code out}, a page at a time: the next page is read when the last one is written, so a
         * slow client slows the export instead of filling the heap. Blocks: not on an event loop.
         */
        public void writeTo(OutputStream out) throws IOException {
            out.write(OPEN);
            boolean first = true;
            for (EntityType type : types) {
                String prefix = type.prefix();
                // the ids of a type are those with its prefix: the range (prefix, prefix + 1)
                String before = String.valueOf((char) (prefix.charAt(0) + 1));
                String after = prefix;
                while (true) {
                    List<HeadRow> page = heads.livePage(pool, after, before, since, pageSize)
                            .await()
                            .indefinitely();
                    if (page.isEmpty()) {
                        break;
                    }
                    for (List<HeadRow> group : groups(page)) {
                        for (byte[] json : read(group)) {
                            out.write(first ? EMPTY : SEPARATOR);
                            out.write(json);
                            first = false;
                        }
                    }
                    after = page.get(page.size() - 1).id().value();
                }
            }
            out.write(first ? CLOSE_EMPTY : CLOSE_AFTER_ENTITIES);
        }

        /** Frees the export's slot; once only, whoever calls first (the body's end or the connection's). */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                running.decrementAndGet();
            }
        }
    }

    /** Consecutive heads whose JSON adds up to at most {@code in-flight-bytes} (a larger entity is a group alone). */
    private List<List<HeadRow>> groups(List<HeadRow> page) {
        List<List<HeadRow>> groups = new ArrayList<>();
        List<HeadRow> group = new ArrayList<>();
        long bytes = 0;
        for (HeadRow head : page) {
            if (!group.isEmpty() && bytes + head.size() > inFlightBytes) {
                groups.add(group);
                group = new ArrayList<>();
                bytes = 0;
            }
            group.add(head);
            bytes += head.size();
        }
        groups.add(group);
        return groups;
    }

    /** The entities of a group, read in parallel; their JSON in the heads' order. */
    private List<byte[]> read(List<HeadRow> group) {
        List<Uni<byte[]>> reads = new ArrayList<>(group.size());
        for (HeadRow head : group) {
            reads.add(contents.loadOnce(head.content(), head.checkpoint())
                    .flatMap(stored -> workers.run(() -> json.jsonOnce(stored, head.revisionId(), head.createdAt()))));
        }
        return Uni.join().all(reads).andFailFast().await().indefinitely();
    }
}
