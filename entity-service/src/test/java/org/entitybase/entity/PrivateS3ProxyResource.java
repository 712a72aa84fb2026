package org.entitybase.entity;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.testkit.stack.LocalStack;
import org.entitybase.testkit.stack.PrivateS3Proxy;

/**
 * Points the service at an s3proxy of its own (same credentials and buckets as the local stack),
 * and hands it to the test's {@link PrivateS3Proxy} field so the test may kill and restart it.
 */
public class PrivateS3ProxyResource implements QuarkusTestResourceLifecycleManager {

    private PrivateS3Proxy proxy;

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStack.current();
        proxy = PrivateS3Proxy.start(
                stack.s3proxyJar(),
                stack.s3AccessKey(),
                stack.s3SecretKey(),
                List.of(stack.s3ContentBucket(), stack.s3RevisionsBucket()));
        return Map.of("quarkus.s3.endpoint-override", proxy.endpoint().toString());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(PrivateS3Proxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
