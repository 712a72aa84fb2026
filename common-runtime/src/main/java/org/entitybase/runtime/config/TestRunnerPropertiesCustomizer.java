package org.entitybase.runtime.config;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * The build's Surefire and Failsafe set the system properties {@code entitybase.shared} and
 * {@code entitybase.stack} (where tests find data and the local stack). They share the
 * {@code entitybase} prefix of {@link EntitybaseConfig} without being settings of a service:
 * ignore them instead of failing the mapping's unknown-key validation, which stays on for
 * every other {@code entitybase.*} key.
 */
public class TestRunnerPropertiesCustomizer implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withMappingIgnore("entitybase.shared")
                .withMappingIgnore("entitybase.stack")
                .withMappingIgnore("entitybase.service-jars");
    }
}
