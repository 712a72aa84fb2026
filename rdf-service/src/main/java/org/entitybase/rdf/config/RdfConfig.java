package org.entitybase.rdf.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** rdf-service's own settings (prefix {@code entitybase.rdf}); topics are in common-runtime's EntitybaseConfig. */
@ConfigMapping(prefix = "entitybase.rdf")
public interface RdfConfig {

    /** {@code entitybase.rdf.entity-service-url} (env ENTITY_SERVICE_URL): entity-service without the API prefix. */
    @WithDefault("http://127.0.0.1:8082")
    String entityServiceUrl();

    /** Upper bound of one call to entity-service. */
    @WithDefault("5s")
    Duration entityServiceTimeout();

    /** Parallel calls to entity-service while prefetching what one document mentions. */
    @WithDefault("16")
    int prefetchConcurrency();

    /**
     * Languages of the labels and descriptions of mentioned entities (full flavor), as Special:EntityData writes
     * them for an English request: English, then the {@code mul} fallback.
     */
    @WithDefault("en,mul")
    List<String> stubLanguages();

    Cache cache();

    Diff diff();

    interface Cache {
        /**
         * Share (0–1) of the service's cache budget ({@code entitybase.memory.caches},
         * deploy/memory-budget.properties) for the summaries of mentioned entities, weighed by their text.
         */
        @WithDefault("1.0")
        double share();

        /**
         * A safety net: entries are invalidated by entity_change events, this bounds how long a missed event can
         * leave a stale entry.
         */
        @WithDefault("10m")
        Duration expireAfterWrite();
    }

    interface Diff {
        /** An entity_diff event carries at most this many triples; a bigger change is split into a sequence. */
        @WithDefault("3000")
        int maxTriplesPerEvent();

        /** First wait before retrying an event while entity-service is unavailable. */
        @WithDefault("1s")
        Duration retryInitialBackoff();

        /** Longest wait between retries (the worker retries until entity-service answers). */
        @WithDefault("30s")
        Duration retryMaxBackoff();
    }
}
