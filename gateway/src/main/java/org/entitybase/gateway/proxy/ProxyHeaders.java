package org.entitybase.gateway.proxy;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/** Header rules of a reverse proxy (RFC 9110 §7.6): what crosses the gateway, what it adds, what it rewrites. */
public final class ProxyHeaders {
    public static final String X_REQUEST_ID = "X-Request-ID";
    private static final String REQUEST_ID_KEY = ProxyHeaders.class.getName() + ".requestId";
    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED = "Forwarded";

    /** Connection-scoped headers, never forwarded in either direction. */
    private static final Set<String> HOP_BY_HOP = caseInsensitive(
            "Connection",
            "Keep-Alive",
            "Proxy-Authenticate",
            "Proxy-Authorization",
            "Proxy-Connection",
            "TE",
            "Trailer",
            "Transfer-Encoding",
            "Upgrade");

    /** Request headers the gateway sets itself rather than copies: Host is the upstream's, Expect it answers. */
    private static final Set<String> REPLACED_ON_REQUEST = caseInsensitive("Host", "Expect");

    /** Client-supplied forwarding headers, dropped unless the client is a trusted proxy. */
    private static final Set<String> FORWARDING =
            caseInsensitive(X_FORWARDED_FOR, X_FORWARDED_PROTO, X_FORWARDED_HOST, "X-Forwarded-Port", FORWARDED);

    private ProxyHeaders() {}

    /** How the client addressed the gateway, and the request id that follows the request through the services. */
    public record ClientView(String proto, String host, String clientAddress, String requestId) {
        public static ClientView of(RoutingContext rc, boolean trustForwarded) {
            HttpServerRequest request = rc.request();
            String proto = request.scheme();
            String host = authorityOf(request);
            if (trustForwarded) {
                proto = firstValue(request.getHeader(X_FORWARDED_PROTO), proto);
                host = firstValue(request.getHeader(X_FORWARDED_HOST), host);
            }
            String requestId = ProxyHeaders.requestId(rc);
            String clientAddress =
                    request.remoteAddress() != null ? request.remoteAddress().hostAddress() : "unknown";
            return new ClientView(proto, host, clientAddress, requestId);
        }

        /** {@code scheme://host[:port]} as the client sees the gateway. */
        public String publicBase() {
            return proto + "://" + (host != null ? host : "localhost");
        }
    }

    /** The headers to send upstream: the client's end-to-end headers plus X-Forwarded-* and X-Request-ID. */
    public static MultiMap forUpstream(HttpServerRequest request, ClientView view, boolean trustForwarded) {
        MultiMap in = request.headers();
        MultiMap out = HttpHeaders.headers();
        Set<String> connectionListed = connectionTokens(in);
        for (var header : in) {
            String name = header.getKey();
            if (HOP_BY_HOP.contains(name)
                    || REPLACED_ON_REQUEST.contains(name)
                    || connectionListed.contains(name)
                    || (!trustForwarded && FORWARDING.contains(name))) {
                continue;
            }
            out.add(name, header.getValue());
        }
        String priorFor = trustForwarded ? in.get(X_FORWARDED_FOR) : null;
        out.set(X_FORWARDED_FOR, priorFor == null ? view.clientAddress() : priorFor + ", " + view.clientAddress());
        out.set(X_FORWARDED_PROTO, view.proto());
        if (view.host() != null) {
            out.set(X_FORWARDED_HOST, view.host());
        }
        out.set(X_REQUEST_ID, view.requestId());
        return out;
    }

    /** Copies a response's end-to-end headers (hop-by-hop ones and those named in Connection stay behind). */
    public static void copyResponseHeaders(MultiMap from, MultiMap to) {
        Set<String> connectionListed = connectionTokens(from);
        for (var header : from) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !connectionListed.contains(name)) {
                to.add(name, header.getValue());
            }
        }
    }

    /**
     * Rewrites an absolute URL that points at the upstream itself (a service building Location from the Host it was
     * sent) to the public base; relative and foreign URLs are returned as they are.
     */
    public static String rewriteToPublic(String url, Upstream upstream, String publicBase) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return url;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
        if (!upstream.isOriginOf(uri)) {
            return url;
        }
        StringBuilder rewritten = new StringBuilder(publicBase);
        rewritten.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            rewritten.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            rewritten.append('#').append(uri.getRawFragment());
        }
        return rewritten.toString();
    }

    /** Whether the client sends a body (HTTP/1.1 announces it in headers; HTTP/2 by not ending the stream). */
    public static boolean hasRequestBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return !request.isEnded();
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Responses that carry no body whatever their headers say (RFC 9110 §6.4.1). */
    public static boolean isBodyless(HttpMethod method, int status) {
        return method == HttpMethod.HEAD || status == 204 || status == 304 || (status >= 100 && status < 200);
    }

    private static Set<String> connectionTokens(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null) {
            return Set.of();
        }
        Set<String> tokens = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String token : connection.split(",")) {
            if (!token.isBlank()) {
                tokens.add(token.trim());
            }
        }
        return tokens;
    }

    /** host[:port] the client addressed: the Host header (HTTP/1.1) or the :authority (HTTP/2). */
    private static String authorityOf(HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null) {
            return host;
        }
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    }

    private static String firstValue(String headerValue, String fallback) {
        if (headerValue == null || headerValue.isBlank()) {
            return fallback;
        }
        int comma = headerValue.indexOf(',');
        return (comma < 0 ? headerValue : headerValue.substring(0, comma)).trim();
    }

    /**
     * The request's id: the client's {@code X-Request-ID}, or one made for it, the same for every use within the
     * request (the upstream request, the gateway's own error answers, the audit record).
     */
    public static String requestId(RoutingContext rc) {
        String id = rc.get(REQUEST_ID_KEY);
        if (id == null) {
            id = rc.request().getHeader(X_REQUEST_ID);
            if (id == null || id.isBlank()) {
                id = newRequestId();
            }
            rc.put(REQUEST_ID_KEY, id);
        }
        return id;
    }

    /** 128 random bits in hex; ThreadLocalRandom because a request id needs uniqueness, not secrecy. */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x", random.nextLong(), random.nextLong());
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return set;
    }
}
