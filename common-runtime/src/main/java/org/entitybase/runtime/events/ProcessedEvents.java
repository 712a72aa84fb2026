package org.entitybase.runtime.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A consumer's dedup by event id: the {@code processed_events} table in its own keyspace ({@code event_id} CHAR(36)
 * primary key, {@code processed_at} DATETIME(6) indexed). The id is inserted in the transaction that applies the event,
 * so a redelivered event fails on the duplicate key and nothing it did is repeated. The table is pruned past a
 * retention longer than the topic's ({@link #pruneHourly}). Shared by every {@code entity_change} consumer
 * (statement-service, user-service); see {@link EntityChangeHandler}.
 */
public final class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    static final String PROCESSED = "SELECT 1 FROM processed_events WHERE event_id = ?";
    static final String INSERT = "INSERT INTO processed_events (event_id, processed_at) VALUES (?, ?)";
    static final String PRUNE = "DELETE FROM processed_events WHERE processed_at < ? LIMIT ?";

    /** Rows deleted by one statement while pruning: short transactions, no long lock on the table. */
    static final int PRUNE_BATCH = 5000;

    static final Duration FIRST_PRUNE = Duration.ofMinutes(5);
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private ProcessedEvents() {}

    /** Whether the event was processed before: lets a redelivery skip its work before opening a transaction. */
    public static Uni<Boolean> isProcessed(SqlClient client, String eventId) {
        return client.preparedQuery(PROCESSED)
                .execute(Tuple.of(eventId))
                .map(rows -> rows.iterator().hasNext());
    }

    /**
     * Records the event in the caller's transaction; fails with a duplicate key (SqlErrors.isDuplicateKey) when it was
     * processed before, so the caller rolls back.
     */
    public static Uni<Void> markProcessed(SqlConnection transaction, String eventId, Instant at) {
        return transaction
                .preparedQuery(INSERT)
                .execute(Tuple.of(eventId, utc(at)))
                .replaceWithVoid();
    }

    /** Deletes every event id recorded before {@code cutoff}, in batches; how many. */
    public static Uni<Long> prune(SqlClient client, Instant cutoff) {
        return client.preparedQuery(PRUNE)
                .execute(Tuple.of(utc(cutoff), PRUNE_BATCH))
                .map(rows -> (long) rows.rowCount())
                .flatMap(deleted -> deleted < PRUNE_BATCH
                        ? Uni.createFrom().item(deleted)
                        : prune(client, cutoff).map(more -> more + deleted));
    }

    /** {@link #prune} of the ids older than {@code retention}, logged when any went: a consumer's hourly job. */
    public static Uni<Void> pruneOlderThan(SqlClient client, Duration retention) {
        return prune(client, Instant.now().minus(retention))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("pruned %d processed event ids older than %s", n, retention);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * A consumer's hourly job (the first five minutes after start, on {@code vertx}'s timers): {@link #pruneOlderThan}
     * with the service's retention, which must exceed how long Kafka may redeliver an event. Called once at start;
     * the timer id.
     */
    public static long pruneHourly(Vertx vertx, SqlClient client, Duration retention) {
        return vertx.setPeriodic(
                FIRST_PRUNE.toMillis(),
                PRUNE_EVERY.toMillis(),
                timer -> pruneOlderThan(client, retention)
                        .subscribe()
                        .with(done -> {}, failure -> LOG.warnf("pruning processed event ids failed: %s", failure)));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
