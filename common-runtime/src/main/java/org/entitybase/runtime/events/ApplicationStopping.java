package org.entitybase.runtime.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Set once the application begins to stop, before its database pools, S3 client and Kafka producers close. From then
 * on a consumer's failures are the shutdown's doing (a closed pool, a closed client), not the event's: the
 * {@link EntityChangeHandler} leaves such an event unacknowledged for the next start instead of dead-lettering it.
 */
@ApplicationScoped
public class ApplicationStopping {

    private static volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Has the application begun to stop? */
    public static boolean now() {
        return stopping;
    }
}
