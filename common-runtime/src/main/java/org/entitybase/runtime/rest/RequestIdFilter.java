package org.entitybase.runtime.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every HTTP request (REST routes and {@code /q/*} alike) a request id: taken from
 * {@code X-Request-ID} or made up, put in the MDC for the request's log lines and echoed on the
 * response. A Vert.x filter rather than a JAX-RS one, so it also covers health and metrics.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Runs before Quarkus' own filters, so even their log lines carry the id. */
    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(RequestIdFilter::handle, PRIORITY);
    }

    static void handle(RoutingContext rc) {
        String id = RequestIds.acceptOrGenerate(rc.request().getHeader(RequestIds.HEADER));
        // Quarkus serves each request on its own duplicated Vert.x context and keeps the MDC
        // there, so the entry lives exactly as long as the request.
        MDC.put(RequestIds.MDC_KEY, id);
        rc.put(RequestIds.MDC_KEY, id);
        rc.response().putHeader(RequestIds.HEADER, id);
        rc.next();
    }
}
