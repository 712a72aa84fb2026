package org.entitybase.runtime.admission;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a service spends its heap (prefix {@code entitybase.memory}). The figures per service are stated once, in
 * {@code deploy/memory-budget.properties}: the {@code ./entitybase} runner passes them as system properties and the
 * Kubernetes manifests as environment variables ({@code ENTITYBASE_MEMORY_CACHES}, …). Without them (tests, a
 * service started by hand) each part is a share of the JVM's maximum heap.
 */
@ConfigMapping(prefix = "entitybase.memory")
public interface MemoryBudgetConfig {

    /** {@code entitybase.memory.caches}: heap all of the service's caches share (default a quarter of the heap). */
    Optional<MemorySize> caches();

    /**
     * {@code entitybase.memory.admission}: heap for request bodies and the write work they cause while in flight
     * (default 30 % of the heap); requests beyond it wait in line, then get 503.
     */
    Optional<MemorySize> admission();

    /** {@code entitybase.memory.admission-control.*}: how requests are let in. */
    AdmissionControl admissionControl();

    interface AdmissionControl {
        /** {@code ...enabled}: off only for a benchmark that measures the service without it. */
        @WithDefault("true")
        boolean enabled();

        /** {@code ...max-body-size}: larger request bodies are 413 before being read (API.md: 4 MiB). */
        @WithDefault("4M")
        MemorySize maxBodySize();

        /**
         * {@code ...work-per-body-byte}: heap one request body byte holds while its request runs (the body, the
         * parsed model, the split objects and the answer); the request's weight is body size × this.
         */
        @WithDefault("2")
        double workPerBodyByte();

        /** {@code ...max-wait}: longest a request waits in line before it is shed (503). */
        @WithDefault("5s")
        Duration maxWait();

        /** {@code ...max-queued}: requests allowed to wait; beyond it they are shed at once. */
        @WithDefault("256")
        int maxQueued();

        /** {@code ...retry-after}: the Retry-After of a shed request. */
        @WithDefault("1s")
        Duration retryAfter();
    }
}
