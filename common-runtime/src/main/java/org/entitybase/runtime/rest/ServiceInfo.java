package org.entitybase.runtime.rest;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.entitybase.runtime.config.EntitybaseConfig;

/** What {@code GET {API_PREFIX}/<service>/info} answers: which service, which build, which keyspace. */
@RegisterForReflection
public record ServiceInfo(String name, String version, String keyspace) {

    @Singleton
    static class Producer {
        @Produces
        @Singleton
        ServiceInfo serviceInfo(
                @ConfigProperty(name = "quarkus.application.name") String name,
                @ConfigProperty(name = "quarkus.application.version") String version,
                EntitybaseConfig config) {
            return new ServiceInfo(name, version, config.keyspace());
        }
    }
}
