package org.entitybase.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.quarkus.logging.Log;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own error answers, in the common error body {@code {"code","message","context"}}. */
public final class GatewayErrors {
    private GatewayErrors() {}

    public static void send(RoutingContext rc, int status, String code, String message, JsonObject context) {
        send(rc, status, code, message, context, 0);
    }

    private static void send(
            RoutingContext rc, int status, String code, String message, JsonObject context, int retryAfterSeconds) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset(); // part of another answer went out already: only dropping the stream tells the client
            return;
        }
        String body = new JsonObject()
                .put("code", code)
                .put("message", message)
                .put("context", context)
                .encode();
        if (retryAfterSeconds > 0) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }
        response.setStatusCode(status)
                .putHeader(ProxyHeaders.X_REQUEST_ID, ProxyHeaders.requestId(rc))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body);
    }

    public static void routeNotFound(RoutingContext rc) {
        String path = rc.request().path();
        send(
                rc,
                404,
                "route-not-found",
                "no route for " + rc.request().method() + " " + path,
                new JsonObject().put("path", path));
    }

    /**
     * Answers for an upstream that gave no response: refused/unreachable/pool exhausted = 503, silent too long = 504,
     * connection dropped before answering = 502. 503 and 504 carry Retry-After.
     */
    public static void upstreamFailed(RoutingContext rc, Upstream upstream, Throwable cause, int retryAfterSeconds) {
        JsonObject context = new JsonObject().put("service", upstream.service());
        String request = rc.request().method() + " " + rc.request().path();
        if (cause instanceof ConnectException
                || cause instanceof UnknownHostException
                || cause instanceof ConnectionPoolTooBusyException) {
            Log.warnf("%s: %s unavailable (%s)", request, upstream.service(), cause.toString());
            send(rc, 503, "service-unavailable", upstream.service() + " is unavailable", context, retryAfterSeconds);
        } else if (cause instanceof TimeoutException) {
            Log.warnf("%s: %s timed out (%s)", request, upstream.service(), cause.getMessage());
            send(
                    rc,
                    504,
                    "upstream-timeout",
                    upstream.service() + " did not answer in time",
                    context,
                    retryAfterSeconds);
        } else {
            Log.warnf("%s: %s failed (%s)", request, upstream.service(), cause.toString());
            send(rc, 502, "bad-gateway", upstream.service() + " failed to answer", context);
        }
    }
}
