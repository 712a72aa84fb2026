package org.entitybase.gateway.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A service as the gateway reaches it.
 *
 * @param service the service name from routes.json
 * @param host host to connect to
 * @param port port to connect to
 * @param ssl whether to speak TLS
 */
public record Upstream(String service, String host, int port, boolean ssl) {
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "0.0.0.0", "::1", "[::1]");

    public static Upstream of(String service, URI url) {
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : (ssl ? 443 : 80);
        return new Upstream(service, url.getHost(), port, ssl);
    }

    /** {@code scheme://host:port} of the upstream, for logs and error context. */
    public String baseUrl() {
        return (ssl ? "https://" : "http://") + host + ":" + port;
    }

    /**
     * Whether an absolute URL points at this upstream itself (so it must not leak to clients). Loopback names count as
     * one host: a service on 127.0.0.1 may well write "localhost" into its Location headers.
     */
    public boolean isOriginOf(URI url) {
        if (url.getHost() == null) {
            return false;
        }
        boolean urlSsl = "https".equalsIgnoreCase(url.getScheme());
        int urlPort = url.getPort() > 0 ? url.getPort() : (urlSsl ? 443 : 80);
        if (urlPort != port) {
            return false;
        }
        String urlHost = url.getHost().toLowerCase(Locale.ROOT);
        return urlHost.equalsIgnoreCase(host)
                || (LOOPBACK_NAMES.contains(urlHost) && LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT)));
    }
}
