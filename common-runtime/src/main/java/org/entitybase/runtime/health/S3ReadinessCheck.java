package org.entitybase.runtime.health;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.arc.properties.IfBuildProperty;

import org.entitybase.runtime.config.EntitybaseConfig;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Ready only while S3 answers HeadBucket for every configured bucket. Registered in services that
 * set {@code entitybase.s3.health.enabled=true}. The SDK client blocks: Quarkus runs synchronous
 * checks on a worker thread, never on the event loop.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "entitybase.s3.health.enabled", stringValue = "true")
public class S3ReadinessCheck implements HealthCheck {

    public static final String NAME = "S3 buckets health check";

    private final S3Client s3;
    private final EntitybaseConfig config;

    S3ReadinessCheck(S3Client s3, EntitybaseConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> buckets = List.of(config.s3().contentBucket(), config.s3().revisionsBucket());
        // split the budget so the whole check stays within the configured timeout
        Duration perBucket = config.s3().health().timeout().dividedBy(buckets.size());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (String bucket : buckets) {
            try {
                s3.headBucket(
                        request -> request.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(perBucket)));
                response.withData(bucket, "UP");
            } catch (SdkException e) {
                response.down().withData(bucket, describe(e));
            }
        }
        return response.build();
    }

    private static String describe(SdkException e) {
        if (e instanceof S3Exception s3Error) {
            // 404: the bucket is missing; 403: wrong credentials
            return "HTTP " + s3Error.statusCode();
        }
        return HealthMessages.firstLine(e);
    }
}
