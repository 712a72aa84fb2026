package org.entitybase.runtime.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

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
 * (statement-service, rdf-service, user-service, watchlist-consumer); see {@link EntityChangeHandler}.
 *
 * <p>Two consumers that share one database (user-service and watchlist-consumer in the {@code user} keyspace) each
 * need a table of their own: the same event is processed by both. The overloads taking {@code table} name it; the
 * others use {@value #DEFAULT_TABLE}.
 */
public final class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    public static final String DEFAULT_TABLE = "processed_events";

    /** A table name is spliced into SQL: only plain lower-case identifiers. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    static String processed(String table) {
        return "SELECT 1 FROM " + checked(table) + " WHERE event_id = ?";
    }

    static String insert(String table) {
        return "INSERT INTO " + checked(table) + " (event_id, processed_at) VALUES (?, ?)";
    }

    static String prune(String table) {
        return "DELETE FROM " + checked(table) + " WHERE processed_at < ? LIMIT ?";
    }

    private static String checked(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return table;
    }

    /** Rows deleted by one statement while pruning: short transactions, no long lock on the table. */
    static final int PRUNE_BATCH = 5000;

    static final Duration FIRST_PRUNE = Duration.ofMinutes(5);
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private ProcessedEvents() {}

    /** Whether the event was processed before: lets a redelivery skip its work before opening a transaction. */
    public static Uni<Boolean> isProcessed(SqlClient client, String eventId) {
        return isProcessed(client, DEFAULT_TABLE, eventId);
    }

    /** {@link #isProcessed(SqlClient, String)} in the dedup table {@code table}. */
    public static Uni<Boolean> isProcessed(SqlClient client, String table, String eventId) {
        return client.preparedQuery(processed(table))
                .execute(Tuple.of(eventId))
                .map(rows -> rows.iterator().hasNext());
    }

    /**
     * Records the event in the caller's transaction; fails with a duplicate key (SqlErrors.isDuplicateKey) when it was
     * processed before, so the caller rolls back.
     */
    public static Uni<Void> markProcessed(SqlConnection transaction, String eventId, Instant at) {
        return markProcessed(transaction, DEFAULT_TABLE, eventId, at);
    }

    /** {@link #markProcessed(SqlConnection, String, Instant)} in the dedup table {@code table}. */
    public static Uni<Void> markProcessed(SqlConnection transaction, String table, String eventId, Instant at) {
        return transaction
                .preparedQuery(insert(table))
                .execute(Tuple.of(eventId, utc(at)))
                .replaceWithVoid();
    }

    /** Deletes every event id recorded before {@code cutoff}, in batches; how many. */
    public static Uni<Long> prune(SqlClient client, Instant cutoff) {
        return prune(client, DEFAULT_TABLE, cutoff);
    }

    /** {@link #prune(SqlClient, Instant)} of the dedup table {@code table}. */
    public static Uni<Long> prune(SqlClient client, String table, Instant cutoff) {
        String sql = prune(table);
        return client.preparedQuery(sql)
                .execute(Tuple.of(utc(cutoff), PRUNE_BATCH))
                .map(rows -> (long) rows.rowCount())
                .flatMap(deleted -> deleted < PRUNE_BATCH
                        ? Uni.createFrom().item(deleted)
                        : prune(client, table, cutoff).map(more -> more + deleted));
    }

    /** {@link #prune} of the ids older than {@code retention}, logged when any went: a consumer's hourly job. */
    public static Uni<Void> pruneOlderThan(SqlClient client, Duration retention) {
        return pruneOlderThan(client, DEFAULT_TABLE, retention);
    }

    /** {@link #pruneOlderThan(SqlClient, Duration)} of the dedup table {@code table}. */
    public static Uni<Void> pruneOlderThan(SqlClient client, String table, Duration retention) {
        return prune(client, table, Instant.now().minus(retention))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("pruned %d processed event ids older than %s from %s", n, retention, table);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * A consumer's hourly job (the first five minutes after start, on {@code vertx}'s timers): {@link
     * #pruneOlderThan(SqlClient, Duration)} with the service's retention, which must exceed how long Kafka may
     * redeliver an event. Called once at start; the timer id.
     */
    public static long pruneHourly(Vertx vertx, SqlClient client, Duration retention) {
        return pruneHourly(vertx, client, DEFAULT_TABLE, retention);
    }

    /** {@link #pruneHourly(Vertx, SqlClient, Duration)} of the dedup table {@code table}. */
    public static long pruneHourly(Vertx vertx, SqlClient client, String table, Duration retention) {
        checked(table);
        return vertx.setPeriodic(FIRST_PRUNE.toMillis(), PRUNE_EVERY.toMillis(), timer -> pruneOlderThan(
                        client, table, retention)
                .subscribe()
                .with(done -> {}, failure -> LOG.warnf("pruning processed event ids failed: %s", failure)));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
