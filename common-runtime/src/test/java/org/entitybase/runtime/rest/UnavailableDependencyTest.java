package org.entitybase.runtime.rest;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class UnavailableDependencyTest {

    @Test
    void s3ClientErrorsAndS3ServerErrorsAreStorage() {
        assertThat(UnavailableDependency.of(SdkClientException.create("Unable to execute HTTP request")))
                .contains("storage");
        assertThat(UnavailableDependency.of(S3Exception.builder()
                        .statusCode(503)
                        .message("SlowDown")
                        .build()))
                .contains("storage");
        assertThat(UnavailableDependency.of(S3Exception.builder()
                        .statusCode(404)
                        .message("NoSuchKey")
                        .build()))
                .isEmpty();
    }

    @Test
    void aSocketErrorThrownInsideTheS3ClientIsStorage() {
        SocketException eof = new SocketException("Unexpected end of file from server");
        eof.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", "call", null, 1)
        });
        assertThat(UnavailableDependency.of(new CompletionException(new UncheckedIOException(eof))))
                .contains("storage");
    }

    @Test
    void otherConnectionFailuresAreADependencyAndBugsAreNot() {
        assertThat(UnavailableDependency.of(new RuntimeException(new ConnectException("refused"))))
                .isPresent();
        assertThat(UnavailableDependency.of(new IllegalStateException("a bug"))).isEmpty();
        assertThat(UnavailableDependency.of(new UncheckedIOException(new java.io.IOException("disk"))))
                .isEmpty();
    }
}
