package org.entitybase.gateway.proxy;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** A small buffered GET to an upstream, for the gateway's own fan-out endpoints (health, OpenAPI). */
public final class UpstreamFetch {
    private UpstreamFetch() {}

    /** A buffered upstream answer. */
    public record Answer(int status, Buffer body) {}

    public static Future<Answer> get(HttpClient client, Upstream upstream, String uri, Duration timeout) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(uri)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    /** A short description of why a fetch failed, for a status report. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
