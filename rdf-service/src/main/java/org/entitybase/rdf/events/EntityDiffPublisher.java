package org.entitybase.rdf.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

import org.entitybase.rdf.diff.RdfChangeEvent;
import org.entitybase.rdf.diff.RdfChangeEventCodec;

/**
 * Publishes entity_diff events to {@code entitybase.streaming.entity-diff-topic} (channel {@code entity-diff}: an
 * idempotent producer with {@code acks=all}), keyed by entity id, one after the other; completes when the broker has
 * acknowledged the last one.
 */
@ApplicationScoped
public class EntityDiffPublisher {

    private final MutinyEmitter<Record<String, String>> emitter;

    EntityDiffPublisher(@Channel("entity-diff") MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(List<RdfChangeEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RdfChangeEvent event : events) {
            chain = chain.chain(() -> emitter.send(Record.of(event.entityId(), RdfChangeEventCodec.write(event))));
        }
        return chain;
    }
}
