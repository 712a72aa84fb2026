package org.entitybase.entity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.runtime.health.S3ReadinessCheck;
import org.entitybase.testkit.stack.PrivateS3Proxy;
import org.entitybase.testkit.stack.ReadinessProbe;
import org.entitybase.testkit.stack.ReadinessProbe.Reading;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness follows S3: DOWN (503) soon after the S3 server dies, UP again once it is back. */
@QuarkusTest
@WithTestResource(PrivateS3ProxyResource.class)
class S3ReadinessIT {

    private static final Duration NOTICE_WITHIN = Duration.ofSeconds(5);

    PrivateS3Proxy s3proxy; // injected by PrivateS3ProxyResource

    @Test
    void readinessGoesDownWithS3AndComesBackWithIt() {
        ReadinessProbe.awaitCheck(S3ReadinessCheck.NAME, "UP", NOTICE_WITHIN);

        s3proxy.kill();
        Duration down = ReadinessProbe.awaitCheck(S3ReadinessCheck.NAME, "DOWN", NOTICE_WITHIN);
        Reading whileDown = ReadinessProbe.read();
        assertThat(whileDown.httpStatus()).isEqualTo(503);
        // only S3 is gone: the other dependencies still report UP
        assertThat(whileDown.checkStatuses())
                .hasSizeGreaterThan(1)
                .allSatisfy((name, status) ->
                        assertThat(status).as(name).isEqualTo(name.equals(S3ReadinessCheck.NAME) ? "DOWN" : "UP"));

        s3proxy.restart();
        Duration up = ReadinessProbe.awaitCheck(S3ReadinessCheck.NAME, "UP", NOTICE_WITHIN);
        assertThat(ReadinessProbe.read().httpStatus()).isEqualTo(200);

        System.out.printf(
                "S3 readiness: DOWN after %d ms, UP again %d ms after restart%n", down.toMillis(), up.toMillis());
    }
}
