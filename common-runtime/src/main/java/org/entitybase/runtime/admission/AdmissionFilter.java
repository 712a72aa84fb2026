package org.entitybase.runtime.admission;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.runtime.rest.ErrorResponses;
import org.entitybase.runtime.rest.RequestIds;

/**
 * Admission control of every service (issue 9): a request with a body (POST, PUT, PATCH) is let in only while the
 * bytes it will hold fit the service's admission budget ({@link MemoryBudget#admissionBytes()}). Its weight is its
 * {@code Content-Length} × {@code work-per-body-byte}; one that does not fit waits in line (first come, first
 * served, so a 4 MiB entity gets its turn among small ones) for at most {@code max-wait}, then is shed: 503 with
 * Retry-After and the error body, the body never read. A body above {@code max-body-size} is 413 before it is read.
 * Reads are not gated: they hold at most one cached document each.
 */
@ApplicationScoped
public class AdmissionFilter {
    private static final Logger LOG = Logger.getLogger(AdmissionFilter.class);

    /** After {@code RequestIdFilter} (10,000), so shed answers carry the request id; before the routes. */
    static final int PRIORITY = 9_000;

    /** How long the rest of an oversized body is read and dropped before its connection is closed anyway. */
    static final long LINGER_MILLIS = 5_000;

    private final MemoryBudgetConfig.AdmissionControl config;
    private final AdmissionGate gate;
    private final long maxBodyBytes;
    private final String retryAfterSeconds;
    private final Counter shedQueueFull;
    private final Counter shedTimeout;
    private final Counter tooLarge;

    AdmissionFilter(MemoryBudgetConfig config, MemoryBudget budget, MeterRegistry registry) {
        this.config = config.admissionControl();
        this.gate = new AdmissionGate(budget.admissionBytes(), this.config.maxQueued());
        this.maxBodyBytes = this.config.maxBodySize().asLongValue();
        this.retryAfterSeconds =
                Long.toString(Math.max(1, this.config.retryAfter().toSeconds()));
        this.shedQueueFull = shed(registry, "queue-full");
        this.shedTimeout = shed(registry, "timeout");
        this.tooLarge = shed(registry, "too-large");
        Gauge.builder("entitybase.admission.in.use", gate, AdmissionGate::inUse)
                .baseUnit("bytes")
                .description("weight of the requests let in and not yet answered")
                .register(registry);
        Gauge.builder("entitybase.admission.queued", gate, AdmissionGate::queued)
                .description("requests waiting to be let in")
                .register(registry);
        Gauge.builder("entitybase.admission.capacity", gate, AdmissionGate::capacity)
                .baseUnit("bytes")
                .register(registry);
    }

    private static Counter shed(MeterRegistry registry, String reason) {
        return Counter.builder("entitybase.admission.shed")
                .description("requests answered 503 (queue-full, timeout) or 413 (too-large) by admission control")
                .tag("reason", reason)
                .register(registry);
    }

    void register(@Observes Filters filters) {
        if (config.enabled()) {
            filters.register(this::handle, PRIORITY);
        }
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            rc.next();
            return;
        }
        long length = contentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length > maxBodyBytes) {
            tooLarge.increment();
            // The body is not wanted, and this connection will not carry another request: say so (Connection: close)
            // and close it after the answer, rather than leave a client to reuse a connection that dies under it.
            // The gateway relays this 413 to its client (GatewayOversizedBodyIT).
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            Future<Void> answered = answer(
                    rc,
                    413,
                    "entity-too-large",
                    "the request body is " + length + " bytes; at most " + maxBodyBytes + " are accepted",
                    Map.of("size", length, "limit", maxBodyBytes));
            closeAfterAnswer(rc, answered);
            return;
        }
        // Without a length (chunked) the body may be up to the limit: weigh it so.
        long bodyBytes = length >= 0 ? length : maxBodyBytes;
        Context context = Vertx.currentContext();
        long[] timer = {-1};
        AdmissionGate.Ticket[] ticket = new AdmissionGate.Ticket[1];
        ticket[0] = gate.ticket(
                (long) Math.ceil(bodyBytes * config.workPerBodyByte()),
                () -> context.runOnContext(v -> {
                    rc.vertx().cancelTimer(timer[0]);
                    request.resume();
                    proceed(rc, ticket[0]);
                }));
        switch (gate.acquire(ticket[0])) {
            case GRANTED -> proceed(rc, ticket[0]);
            case QUEUED -> {
                request.pause();
                timer[0] = rc.vertx().setTimer(config.maxWait().toMillis(), id -> {
                    if (gate.cancel(ticket[0])) {
                        shedTimeout.increment();
                        request.resume();
                        shed(rc, "waited " + config.maxWait().toMillis() + " ms for room in the admission budget");
                    }
                });
            }
            case REJECTED -> {
                shedQueueFull.increment();
                shed(rc, "too many requests are waiting for room in the admission budget");
            }
        }
    }

    private void proceed(RoutingContext rc, AdmissionGate.Ticket ticket) {
        if (rc.response().closed() || rc.response().ended()) {
            gate.release(ticket); // the client left while it waited
            return;
        }
        rc.addEndHandler(done -> gate.release(ticket));
        rc.next();
    }

    private void shed(RoutingContext rc, String why) {
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        answer(
                rc,
                503,
                "overloaded",
                "the service is at its memory budget for requests in flight; retry later (" + why + ")",
                Map.of("retry_after_seconds", Long.parseLong(retryAfterSeconds)));
    }

    /** Ends the response with the error body; the future completes once it is written. */
    private static Future<Void> answer(
            RoutingContext rc, int status, String code, String message, Map<String, Object> context) {
        if (rc.response().closed() || rc.response().ended()) {
            return Future.succeededFuture();
        }
        JsonObject ctx = new JsonObject(new LinkedHashMap<>(context));
        String requestId = rc.get(RequestIds.MDC_KEY);
        if (status >= 500 && requestId != null) {
            ctx.put(ErrorResponses.REQUEST_ID, requestId);
        }
        String body = new JsonObject()
                .put("code", code)
                .put("message", message)
                .put("context", ctx)
                .encode();
        LOG.debugf("%d %s %s: %s", status, rc.request().method(), rc.request().path(), message);
        return rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body);
    }

    /**
     * Closes an HTTP/1.x connection once the answer is written and the client has stopped sending (Vert.x closes only
     * on a request's own {@code Connection: close}). The rest of the body is read and dropped until it ends or for at
     * most {@link #LINGER_MILLIS}: a client that writes its whole body before reading (Apache HttpClient, curl) then
     * reads this 413 instead of a reset on its write. HTTP/2 streams end on their own; the connection carries others.
     */
    private static void closeAfterAnswer(RoutingContext rc, Future<Void> answered) {
        HttpServerRequest request = rc.request();
        if (request.version() == HttpVersion.HTTP_2) {
            return;
        }
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            answered.onComplete(written -> connection.close());
            return;
        }
        long linger = rc.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
        request.handler(dropped -> {});
        request.endHandler(end -> {
            rc.vertx().cancelTimer(linger);
            answered.onComplete(written -> connection.close());
        });
        request.resume();
    }

    /** The Content-Length, or -1 when absent or not a number (Vert.x rejects a malformed one before us). */
    static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
