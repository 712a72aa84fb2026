package org.entitybase.user.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.user.repository.RevisionIndexRepository;
import org.entitybase.user.repository.RevisionIndexRepository.Revision;

/**
 * user-service's handling of one decoded {@code entity_change} event: the revision goes into the revision index (the
 * user's activity, the revision's author and who introduced the statements it added), idempotently, inside the
 * caller's transaction. {@link EntityChangeConsumer} calls it per event, in the transaction that marks the event
 * processed; polling, retry and dead letters are common-runtime's EntityChangeHandler.
 */
@ApplicationScoped
public class UserRevisionRecorder {

    private final RevisionIndexRepository index;

    public UserRevisionRecorder(RevisionIndexRepository index) {
        this.index = index;
    }

    /** Records the event's revision; true when it was not recorded before (a redelivery answers false). */
    public Uni<Boolean> record(EntityChangeEvent event, SqlConnection transaction) {
        return index.record(transaction, revision(event), event.statementsAdded());
    }

    /** The index row of an event (pure: what the unit tests check). */
    public static Revision revision(EntityChangeEvent e) {
        String summary = e.editSummary() == null || e.editSummary().isEmpty() ? null : e.editSummary();
        return new Revision(
                e.userId(),
                e.entityId(),
                e.revisionId(),
                e.parentRevisionId(),
                e.changeType().jsonName(),
                summary,
                e.redirectTarget(),
                timestamp(e));
    }

    private static Instant timestamp(EntityChangeEvent e) {
        try {
            return Instant.parse(e.timestamp());
        } catch (DateTimeParseException ex) {
            // an event the codec accepted but whose time is unreadable cannot be indexed: dead-letter it
            throw new IllegalArgumentException(
                    "event " + e.eventId() + " has an unreadable timestamp: " + e.timestamp(), ex);
        }
    }
}
