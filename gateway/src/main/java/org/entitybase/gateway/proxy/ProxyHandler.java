package org.entitybase.gateway.proxy;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

import org.entitybase.gateway.auth.AuthGate;
import org.entitybase.gateway.config.GatewayConfig;
import org.entitybase.gateway.proxy.ProxyHeaders.ClientView;

/**
 * Forwards one request to an upstream and streams the answer back, on the event loop, without buffering bodies:
 * request body client -> service and response body service -> client are piped chunk by chunk.
 */
@Singleton
public class ProxyHandler {
    private static final String CONTINUE = "100-continue";
    /** Attempts per request when connections turn out closed before the request was written on them. */
    private static final int MAX_ATTEMPTS = 3;
    /** How long the rest of an unwanted request body is dropped before the client's connection is closed anyway. */
    static final long LINGER_MILLIS = 5_000;

    private final HttpClient client;
    private final boolean trustForwarded;
    private final String configuredPublicBase;
    private final long idleTimeoutMillis;
    private final int retryAfterSeconds;

    public ProxyHandler(Upstreams upstreams, GatewayConfig config) {
        this.client = upstreams.client();
        this.trustForwarded = config.trustForwardedHeaders();
        this.configuredPublicBase = config.publicBaseUrl()
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse(null);
        this.idleTimeoutMillis = config.upstreamIdleTimeout().toMillis();
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    public void proxy(RoutingContext rc, Upstream upstream) {
        HttpServerRequest request = rc.request();
        boolean hasBody = ProxyHeaders.hasRequestBody(request);
        if (hasBody) {
            request.pause(); // hold the body until the request head is on an upstream connection
        }
        ClientView view = ClientView.of(rc, trustForwarded);
        MultiMap headers = ProxyHeaders.forUpstream(request, view, trustForwarded);
        AuthGate.applyTo(rc, headers);
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(request.uri())
                .setHeaders(headers)
                .setIdleTimeout(idleTimeoutMillis);
        forward(rc, upstream, view, options, hasBody, 1);
    }

    /**
     * One attempt to forward. The request head is written first and the body held back until the head is out: if
     * that write fails, the connection was closed before any byte of the request left (a pooled connection the
     * service closed while it sat idle), so the service provably never saw the request and another connection may
     * carry it, whatever the method. Once the head is written, a failure is never retried: the service may have acted
     * on it.
     */
    private void forward(
            RoutingContext rc,
            Upstream upstream,
            ClientView view,
            RequestOptions options,
            boolean hasBody,
            int attempt) {
        HttpServerRequest request = rc.request();
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                if (hasBody) {
                    request.resume(); // drain and drop the body so the client connection stays usable
                }
                GatewayErrors.upstreamFailed(rc, upstream, connected.cause(), retryAfterSeconds);
                return;
            }
            HttpClientRequest upstreamRequest = connected.result();
            if (hasBody && !options.getHeaders().contains(HttpHeaders.CONTENT_LENGTH)) {
                upstreamRequest.setChunked(true);
            }
            Future<Void> head = hasBody ? upstreamRequest.sendHead() : upstreamRequest.end();
            head.onComplete(written -> {
                if (written.failed()) {
                    if (attempt < MAX_ATTEMPTS && !rc.response().closed()) {
                        Log.debugf(
                                "%s %s: %s connection closed before the request was written, retrying (%s)",
                                request.method(), request.path(), upstream.service(), written.cause());
                        forward(rc, upstream, view, options, hasBody, attempt + 1);
                        return;
                    }
                    if (hasBody) {
                        request.resume();
                    }
                    GatewayErrors.upstreamFailed(rc, upstream, written.cause(), retryAfterSeconds);
                    return;
                }
                Promise<Void> bodyRead = Promise.promise();
                if (hasBody) {
                    if (CONTINUE.equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                        rc.response().writeContinue();
                    }
                    // endOnFailure(false): a client that aborts mid-upload must not look like a complete body upstream
                    request.pipe().endOnFailure(false).to(upstreamRequest).onComplete(piped -> {
                        if (piped.failed()) {
                            upstreamRequest.reset();
                        }
                        // a failed write leaves the client's body flowing with no handler: it is dropped as it comes
                        if (piped.succeeded() || request.isEnded()) {
                            bodyRead.tryComplete();
                        } else {
                            request.endHandler(end -> bodyRead.tryComplete());
                        }
                    });
                } else {
                    bodyRead.complete();
                }
                upstreamRequest.response().onComplete(answered -> {
                    if (answered.failed()) {
                        GatewayErrors.upstreamFailed(rc, upstream, answered.cause(), retryAfterSeconds);
                    } else {
                        relay(rc, view, upstream, upstreamRequest, answered.result(), bodyRead.future());
                    }
                });
            });
        });
    }

    private void relay(
            RoutingContext rc,
            ClientView view,
            Upstream upstream,
            HttpClientRequest upstreamRequest,
            HttpClientResponse upstreamResponse,
            Future<Void> bodyRead) {
        HttpServerResponse response = rc.response();
        if (response.closed()) {
            upstreamRequest.reset(); // the client is gone: don't keep a half-read connection in the pool
            return;
        }
        if (closesConnection(upstreamResponse) && rc.request().version() != HttpVersion.HTTP_2) {
            closeAfterAnswer(rc, bodyRead);
        }
        int status = upstreamResponse.statusCode();
        response.setStatusCode(status);
        String reason = upstreamResponse.statusMessage();
        if (reason != null && !reason.isEmpty()) {
            response.setStatusMessage(reason);
        }
        MultiMap headers = response.headers();
        ProxyHeaders.copyResponseHeaders(upstreamResponse.headers(), headers);
        rewriteToPublic(headers, HttpHeaders.LOCATION, upstream, view);
        rewriteToPublic(headers, HttpHeaders.CONTENT_LOCATION, upstream, view);
        if (!headers.contains(ProxyHeaders.X_REQUEST_ID)) {
            headers.set(ProxyHeaders.X_REQUEST_ID, view.requestId());
        }
        if (ProxyHeaders.isBodyless(rc.request().method(), status)) {
            response.end(); // keeps a HEAD answer's Content-Length as the service sent it
            return;
        }
        if (!headers.contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        // endOnFailure(false): a service dying mid-body must show as a broken response, not a short complete one
        upstreamResponse.pipe().endOnFailure(false).to(response).onFailure(failure -> {
            upstreamRequest.reset();
            if (!response.ended()) {
                response.reset();
            }
        });
    }

    private static boolean closesConnection(HttpClientResponse upstreamResponse) {
        return upstreamResponse.headers().contains(HttpHeaders.CONNECTION, HttpHeaders.CLOSE, true);
    }

    /**
     * A service that closes its connection after an answer (entity-service's 413 for an oversized body, which it does
     * not read) leaves the client's body unwanted: the client is told {@code Connection: close} too, and its
     * connection is closed once the answer is out and the rest of its body has been dropped (at most
     * {@link #LINGER_MILLIS} after the answer), so a client that writes its whole body before reading still reads
     * the answer.
     */
    private static void closeAfterAnswer(RoutingContext rc, Future<Void> bodyRead) {
        HttpServerResponse response = rc.response();
        HttpConnection connection = rc.request().connection();
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        // the limit counts from the end of the answer: an answer that streams for long is never cut by it
        response.endHandler(ended -> {
            long linger = rc.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
            bodyRead.onComplete(read -> {
                rc.vertx().cancelTimer(linger);
                connection.close();
            });
        });
    }

    private void rewriteToPublic(MultiMap headers, CharSequence name, Upstream upstream, ClientView view) {
        String url = headers.get(name);
        if (url != null) {
            String publicBase = configuredPublicBase != null ? configuredPublicBase : view.publicBase();
            headers.set(name, ProxyHeaders.rewriteToPublic(url, upstream, publicBase));
        }
    }
}
