package org.entitybase.watchlist.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.runtime.events.ProcessedEvents;
import org.entitybase.runtime.sql.SqlErrors;
import org.entitybase.runtime.storage.MissingPackException;
import org.entitybase.watchlist.config.WatchlistConfig;
import org.entitybase.watchlist.repository.EntityHeadRepository;
import org.entitybase.watchlist.repository.NotificationRepository;
import org.entitybase.watchlist.repository.WatcherRepository;

/**
 * One {@code entity_change} event → one notification per watcher of the entity, except its editor, whose property
 * filter the change matches. Watchers are read in keyset pages of {@code fan-out-batch} and each page is one
 * multi-row insert, so a widely watched entity is a series of short statements. Every page but the last commits on
 * its own; the last one commits with the event id in {@code watchlist_processed_events} and the entity's last seen
 * revision. A crash between pages redelivers the event, which inserts again: the unique key (user, entity,
 * revision) keeps exactly one row per watcher, so no page needs to be remembered.
 */
@ApplicationScoped
public class NotificationFanOut {

    /** The consumer's dedup table (user-service's processed_events is in the same database). */
    public static final String DEDUP_TABLE = "watchlist_processed_events";

    private final Pool pool;
    private final WatcherRepository watchers;
    private final NotificationRepository notifications;
    private final EntityHeadRepository heads;
    private final StatementProperties statements;
    private final int batch;

    NotificationFanOut(
            Pool pool,
            WatcherRepository watchers,
            NotificationRepository notifications,
            EntityHeadRepository heads,
            StatementProperties statements,
            WatchlistConfig config) {
        this.pool = pool;
        this.watchers = watchers;
        this.notifications = notifications;
        this.heads = heads;
        this.statements = statements;
        this.batch = config.consumer().fanOutBatch();
    }

    /**
     * Processes the event; true when it was processed now, false for a redelivery. An unreadable timestamp is an
     * IllegalArgumentException (no retry mends it).
     */
    public Uni<Boolean> process(EntityChangeEvent event) {
        Instant at = timestamp(event);
        return ProcessedEvents.isProcessed(pool, DEDUP_TABLE, event.eventId()).flatMap(done -> {
            if (done) {
                return Uni.createFrom().item(false);
            }
            Uni<ChangedProperties> changes = Uni.createFrom()
                    .deferred(() -> changedProperties(event))
                    .memoize()
                    .indefinitely();
            return page(event, at, changes, 0L, false);
        });
    }

    private Uni<Boolean> page(
            EntityChangeEvent event, Instant at, Uni<ChangedProperties> changes, long afterUser, boolean watched) {
        return watchers.page(pool, event.entityId(), afterUser, batch).flatMap(users -> {
            boolean last = users.size() < batch;
            boolean anyWatcher = watched || !users.isEmpty();
            return recipients(event, at, users, changes).flatMap(recipients -> {
                if (!last) {
                    return notifications
                            .insert(pool, event, at, recipients)
                            .flatMap(ignored -> page(event, at, changes, users.get(users.size() - 1), true));
                }
                return pool.withTransaction(c -> ProcessedEvents.markProcessed(
                                        c, DEDUP_TABLE, event.eventId(), Instant.now())
                                .call(() -> notifications.insert(c, event, at, recipients))
                                .call(() -> anyWatcher
                                        ? heads.record(c, event, Instant.now())
                                        : Uni.createFrom().voidItem())
                                .replaceWith(true))
                        // processed meanwhile (two deliveries at once): its rows are in, ours rolled back
                        .onFailure(SqlErrors::isDuplicateKey)
                        .recoverWithItem(false);
            });
        });
    }

    /** Of one page of watchers: those to notify. The changed properties are read only if someone filters. */
    private Uni<List<Long>> recipients(
            EntityChangeEvent event, Instant at, List<Long> users, Uni<ChangedProperties> changes) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return watchers.watches(pool, event.entityId(), users).flatMap(watches -> {
            List<Long> everyChange = new ArrayList<>(users.size());
            Map<Long, List<String>> filtered = new HashMap<>();
            for (Long user : users) {
                WatcherRepository.Watch watch = watches.get(user);
                if (watch == null || user == event.userId() || startedAfter(watch, at)) {
                    continue; // stopped watching meanwhile, the editor, or a watch younger than the edit
                }
                List<String> properties = ChangedProperties.parseFilter(watch.properties());
                if (properties == null) {
                    everyChange.add(user);
                } else {
                    filtered.put(user, properties);
                }
            }
            if (filtered.isEmpty()) {
                return Uni.createFrom().item(everyChange);
            }
            return changes.map(changed -> {
                List<Long> out = new ArrayList<>(everyChange);
                for (Long user : users) {
                    List<String> properties = filtered.get(user);
                    if (properties != null && changed.matches(properties)) {
                        out.add(user);
                    }
                }
                return out;
            });
        });
    }

    /**
     * The properties of the statements the event added (from its own revision's manifest) and removed (from its
     * parent's manifest, known when the consumer saw the parent's event: watched_entity_heads). A whole-entity change,
     * an unknown parent or a statement in neither manifest matches every filter (docs/DECISIONS.md).
     */
    Uni<ChangedProperties> changedProperties(EntityChangeEvent event) {
        ChangeType type = event.changeType();
        if (type == ChangeType.DELETE
                || type == ChangeType.UNDELETE
                || type == ChangeType.REDIRECT
                || type == ChangeType.UNREDIRECT) {
            return Uni.createFrom().item(ChangedProperties.EVERYTHING);
        }
        List<String> added = event.statementsAdded();
        List<String> removed = event.statementsRemoved();
        if (added.isEmpty() && removed.isEmpty()) {
            return Uni.createFrom().item(ChangedProperties.NONE);
        }
        if (event.contentHash() == null) {
            return Uni.createFrom().item(ChangedProperties.EVERYTHING);
        }
        Uni<Map<String, String>> ofAdded = added.isEmpty()
                ? Uni.createFrom().item(Map.of())
                : statements.of(event.contentHash(), event.contentCheckpoint(), added);
        Uni<Map<String, String>> ofRemoved = removed.isEmpty()
                ? Uni.createFrom().item(Map.of())
                : heads.get(pool, event.entityId()).flatMap(parent -> {
                    if (parent == null
                            || event.parentRevisionId() == null
                            || parent.revisionId() != event.parentRevisionId()) {
                        return Uni.createFrom().nullItem();
                    }
                    return statements.of(parent.contentHash(), parent.contentCheckpoint(), removed);
                });
        return ofAdded.flatMap(a -> ofRemoved.map(r -> {
                    if (r == null) {
                        return ChangedProperties.EVERYTHING;
                    }
                    Set<String> properties = new HashSet<>();
                    for (String address : added) {
                        String p = a.get(address);
                        if (p == null) {
                            return ChangedProperties.EVERYTHING;
                        }
                        properties.add(p);
                    }
                    for (String address : removed) {
                        String p = r.get(address);
                        if (p == null) {
                            return ChangedProperties.EVERYTHING;
                        }
                        properties.add(p);
                    }
                    return ChangedProperties.of(properties);
                }))
                // a revision without its pack (lost data, another deployment's event): nobody is left out for it
                .onFailure(MissingPackException.class)
                .recoverWithItem(ChangedProperties.EVERYTHING);
    }

    /**
     * A watch stored in a later second than the edit does not cover it (the consumer may handle an event after
     * watches made since). Revision times are whole seconds, so a watch of the edit's own second does.
     */
    static boolean startedAfter(WatcherRepository.Watch watch, Instant editedAt) {
        return watch.since() != null
                && watch.since().truncatedTo(ChronoUnit.SECONDS).isAfter(editedAt);
    }

    private static Instant timestamp(EntityChangeEvent event) {
        try {
            return Instant.parse(event.timestamp());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("unreadable timestamp " + event.timestamp(), e);
        }
    }
}
