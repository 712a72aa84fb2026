package org.entitybase.runtime.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import org.entitybase.runtime.config.EntitybaseConfig;

import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;

/**
 * GET and PUT of whole objects, the requests of the write path and of every consumer's read (revision packs,
 * statement objects), signed with {@link SigV4} and sent over the JDK's {@link HttpURLConnection} (its keep-alive
 * cache holds the connections). The SDK's pipeline cost about four times the CPU of such a request (docs/DECISIONS.md
 * "Object reads and writes without the SDK"); the SDK client stays for everything else (listings, deletes, health)
 * and is where this class takes its endpoint, region and credentials from, so both are configured in one place.
 *
 * <p>Blocking: call it on a worker thread. A connection failure or a 5xx answer is tried again twice (every object
 * here is content-addressed, so repeating a PUT is harmless); what still fails is an {@link S3RequestException}.
 */
@Singleton
public class S3Objects {

    private static final int ATTEMPTS = 3;
    private static final long[] BACKOFF_MILLIS = {50, 200};

    private final URI endpoint;
    private final boolean pathStyle;
    private final String region;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final SigV4 signer;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    /** A failed object request: the connection failed, or S3 answered with a status other than the expected. */
    public static final class S3RequestException extends RuntimeException {
        S3RequestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    S3Objects(S3Client s3, EntitybaseConfig config) {
        S3ServiceClientConfiguration client = s3.serviceClientConfiguration();
        this.region = client.region().id();
        this.credentials = client.credentialsProvider();
        // an S3-compatible store (s3proxy, MinIO, Ceph) behind an endpoint override is addressed path-style, as the
        // shipped configuration sets it; AWS itself virtual-hosted
        this.pathStyle = client.endpointOverride().isPresent();
        this.endpoint = client.endpointOverride().orElse(URI.create("https://s3." + region + ".amazonaws.com"));
        this.signer = new SigV4(region, "s3");
        this.connectTimeoutMillis = (int) config.s3().connectTimeout().toMillis();
        this.readTimeoutMillis = (int) config.s3().readTimeout().toMillis();
    }

    /** The object's bytes, or null when the bucket has no such object. */
    public byte[] get(String bucket, String key) {
        return send("GET", bucket, key, null, null, Map.of());
    }

    /** Stores the object (its SHA-256 is signed, so S3 refuses a body damaged on the way). */
    public void put(String bucket, String key, byte[] body, String contentType, Map<String, String> metadata) {
        send("PUT", bucket, key, body, contentType, metadata);
    }

    private byte[] send(
            String method, String bucket, String key, byte[] body, String contentType, Map<String, String> metadata) {
        IOException last = null;
        int lastStatus = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                pause(BACKOFF_MILLIS[attempt - 1]);
            }
            try {
                Answer answer = once(method, bucket, key, body, contentType, metadata);
                if (answer.status() == 200) {
                    return answer.body();
                }
                if (answer.status() == 404 && body == null) {
                    return null;
                }
                lastStatus = answer.status();
                if (answer.status() < 500) {
                    break; // the request itself is wrong (credentials, bucket): the same again fails the same way
                }
                last = null;
            } catch (IOException e) {
                last = e;
                lastStatus = 0;
            }
        }
        String what = method + " " + bucket + "/" + key;
        throw new S3RequestException(last != null ? what + " failed: " + last : what + " answered " + lastStatus, last);
    }

    private record Answer(int status, byte[] body) {}

    private Answer once(
            String method, String bucket, String key, byte[] body, String contentType, Map<String, String> metadata)
            throws IOException {
        String path = pathStyle ? "/" + bucket + "/" + key : "/" + key;
        String host = pathStyle ? endpoint.getHost() : bucket + "." + endpoint.getHost();
        if (endpoint.getPort() != -1) {
            host += ":" + endpoint.getPort();
        }
        String canonicalPath = SigV4.canonicalPath(path);
        URI uri = URI.create(endpoint.getScheme() + "://" + host + canonicalPath);
        Instant now = Instant.now();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        String payloadHash = body == null ? SigV4.UNSIGNED_PAYLOAD : SigV4.sha256Hex(body);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("x-amz-date", SigV4.AMZ_DATE.format(now));
        headers.put("x-amz-content-sha256", payloadHash);
        if (identity instanceof AwsSessionCredentialsIdentity session) {
            headers.put("x-amz-security-token", session.sessionToken());
        }
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        metadata.forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
        String authorization = signer.authorization(
                method, canonicalPath, headers, payloadHash, now, identity.accessKeyId(), identity.secretAccessKey());

        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setRequestMethod(method);
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setUseCaches(false);
            headers.forEach((name, value) -> {
                if (!name.equals("host")) { // the connection writes Host itself, the same value
                    connection.setRequestProperty(name, value);
                }
            });
            connection.setRequestProperty("Authorization", authorization);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            if (status == 200) {
                try (InputStream in = connection.getInputStream()) {
                    return new Answer(status, in.readAllBytes());
                }
            }
            drain(connection);
            return new Answer(status, null);
        } catch (IOException e) {
            connection.disconnect(); // a half-used connection must not go back to the keep-alive cache
            throw e;
        }
    }

    /** Reads an error answer to its end, so that its connection can be used again. */
    private static void drain(HttpURLConnection connection) throws IOException {
        try (InputStream error = connection.getErrorStream()) {
            if (error != null) {
                error.readAllBytes();
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3RequestException("interrupted", e);
        }
    }
}
