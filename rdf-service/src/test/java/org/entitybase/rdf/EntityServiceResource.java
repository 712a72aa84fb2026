package org.entitybase.rdf;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.testkit.stack.EntityServiceUnderTest;

/**
 * id-allocator and entity-service for real ({@link EntityServiceUnderTest}, databases and an entity_change topic of
 * their own, label from the {@code label} init arg), with rdf-service pointed at them and at a private entity_diff
 * topic; the test gets the running stack in its {@link EntityServiceUnderTest} field.
 */
public class EntityServiceResource implements QuarkusTestResourceLifecycleManager {

    private String label = "rdf";
    private EntityServiceUnderTest entities;

    @Override
    public void init(Map<String, String> initArgs) {
        label = initArgs.getOrDefault("label", label);
    }

    @Override
    public Map<String, String> start() {
        entities = EntityServiceUnderTest.start(label);
        String diffTopic = entities.entityChangeTopic().replace(".entity_change", ".entity_diff");
        return Map.of(
                "entitybase.streaming.entity-change-topic", entities.entityChangeTopic(),
                "entitybase.streaming.entity-diff-topic", diffTopic,
                "entitybase.rdf.entity-service-url", entities.baseUrl());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(entities, new TestInjector.MatchesType(EntityServiceUnderTest.class));
    }

    @Override
    public void stop() {
        if (entities != null) {
            entities.close();
        }
    }
}
