package org.entitybase.runtime.rest;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Recognizes a failure that means a dependency (S3, the database, Kafka, another service) could not be reached or
 * dropped the connection, rather than a bug: such a request is answered 503 with Retry-After (API.md: "503
 * dependency down"), not 500. E.g. s3proxy killed mid-write surfaces as {@code UncheckedIOException: SocketException:
 * Unexpected end of file from server} from the SDK's URL-connection client.
 */
public final class UnavailableDependency {

    /** Vert.x SQL client classes named, not referenced: common-runtime does not depend on the SQL client. */
    private static final String SQL_CLOSED_CONNECTION = "io.vertx.sqlclient.ClosedConnectionException";

    private static final String HTTP_CLOSED = "io.vertx.core.http.HttpClosedException";
    private static final int MAX_CAUSES = 16;

    private UnavailableDependency() {}

    /**
     * Which client threw {@code t}, from its stack: the S3 SDK's URL-connection client lets a socket error escape
     * unwrapped ({@code UncheckedIOException}), so the class alone cannot say it was S3.
     */
    private static String thrownBy(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("software.amazon.awssdk.")) {
                return "storage";
            }
            if (name.startsWith("io.vertx.mysqlclient.") || name.startsWith("io.vertx.sqlclient.")) {
                return "database";
            }
            if (name.startsWith("org.apache.kafka.")) {
                return "kafka";
            }
        }
        return "dependency";
    }

    /**
     * The kind of dependency that failed ({@code storage} for S3, {@code database}, {@code kafka}, else
     * {@code dependency}), if {@code e} is one.
     */
    public static Optional<String> of(Throwable e) {
        String found = null;
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof SdkClientException
                    || (t instanceof SdkServiceException service
                            && (service.statusCode() >= 500 || service.isThrottlingException()))) {
                return Optional.of("storage");
            }
            if (t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof HttpTimeoutException
                    || t instanceof ClosedChannelException
                    || t instanceof EOFException
                    || t instanceof TimeoutException
                    || SQL_CLOSED_CONNECTION.equals(t.getClass().getName())
                    || HTTP_CLOSED.equals(t.getClass().getName())) {
                found = found != null ? found : thrownBy(t);
            }
        }
        return Optional.ofNullable(found);
    }
}
