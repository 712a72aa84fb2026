package org.entitybase.user.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** user-service's own settings ({@code entitybase.user.*}; defaults in application.properties). */
@ConfigMapping(prefix = "entitybase.user")
public interface UserServiceConfig {

    /**
     * How long a revision or entity the revision index does not hold is looked up again before the answer is 404
     * (the index trails an edit by the consumer's delay: a thanks right after the edit).
     */
    @WithDefault("2s")
    Duration indexWait();

    /** Most entries one watchlist holds (422 beyond). */
    @WithDefault("10000")
    int watchlistLimit();

    Consumer consumer();

    Autoconfirm autoconfirm();

    /**
     * When a registered user is "autoconfirmed" (Wikidata's $wgAutoConfirmAge and $wgAutoConfirmCount): registered at
     * least this long ago and with at least this many edits. Semi-protected entities refuse everyone else.
     */
    interface Autoconfirm {
        @WithDefault("4d")
        Duration minAge();

        @WithDefault("50")
        int minEdits();
    }

    /** The entity_change consumer (events/EntityChangeConsumer). */
    interface Consumer {
        /** First pause after a failed event (the database down); doubles up to the max. */
        @WithDefault("500ms")
        Duration retryInitialBackoff();

        @WithDefault("30s")
        Duration retryMaxBackoff();

        /** Processed event ids older than this are pruned: longer than the topic's retention. */
        @WithDefault("14d")
        Duration dedupRetention();
    }
}
