package org.entitybase.entity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.testkit.stack.CuttingTcpProxy;
import org.entitybase.testkit.stack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.writer;

/**
 * S3 dropping connections in the middle of a write (a TCP proxy in front of the stack's S3 that cuts every connection
 * once the request has started): the write answers 503 with Retry-After and the error body, not 500, and stores no
 * revision; once S3 is whole again the same write succeeds.
 */
@QuarkusTest
@WithTestResource(S3CutMidWriteIT.CuttingS3.class)
class S3CutMidWriteIT {

    private static final long USER = 7;

    CuttingTcpProxy s3; // injected by CuttingS3

    /** Puts a {@link CuttingTcpProxy} between the service and the stack's S3. */
    public static class CuttingS3 implements QuarkusTestResourceLifecycleManager {
        private CuttingTcpProxy proxy;

        @Override
        public Map<String, String> start() {
            proxy = CuttingTcpProxy.start(LocalStack.current().s3Endpoint());
            return Map.of("quarkus.s3.endpoint-override", proxy.endpoint().toString());
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(CuttingTcpProxy.class));
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @Test
    void s3CuttingConnectionsMidWriteIs503WithRetryAfterAndStoresNothing() {
        String body = "{\"labels\":{\"en\":{\"language\":\"en\",\"value\":\"cut mid-write\"}}}";
        long revisionsBefore = EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions");

        s3.cutting(true);
        try {
            for (int i = 0; i < 3; i++) {
                Response cut = writer(USER).body(body).post(path("/entities/items"));
                assertThat(cut.statusCode()).as(cut.asString()).isEqualTo(503);
                assertThat(cut.header("Retry-After")).isNotNull();
                assertThat(cut.jsonPath().getString("code")).isEqualTo("service-unavailable");
                assertThat(cut.jsonPath().getString("context.dependency")).isEqualTo("storage");
            }
        } finally {
            s3.cutting(false);
        }
        assertThat(s3.connectionsCut()).as("the proxy did cut S3 requests").isPositive();
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions"))
                .isEqualTo(revisionsBefore);

        Response whole = writer(USER).body(body).post(path("/entities/items"));
        assertThat(whole.statusCode()).as(whole.asString()).isEqualTo(201);
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions"))
                .isEqualTo(revisionsBefore + 1);
    }
}
