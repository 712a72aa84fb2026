package org.entitybase.rdf;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.testkit.stack.EntityServiceUnderTest;
import org.entitybase.testkit.stack.LocalStack;

/**
 * id-allocator and entity-service for real ({@link EntityServiceUnderTest}, databases and an entity_change topic of
 * their own, label from the {@code label} init arg), with rdf-service on a fresh database of its own
 * ({@code entitybase_test_<label>_rdf}), reading that topic and writing a private entity_diff topic. rdf-service never
 * calls entity-service: it reads revisions from S3. The test gets the running stack in its
 * {@link EntityServiceUnderTest} field.
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
        LocalStack stack = LocalStack.current();
        String database = rdfDatabase(label);
        stack.recreateDatabase(database);
        entities = EntityServiceUnderTest.start(label);
        String diffTopic = entities.entityChangeTopic().replace(".entity_change", ".entity_diff");
        String host = stack.dbHost() + ":" + stack.dbPort() + "/" + database;
        return Map.of(
                "entitybase.streaming.entity-change-topic",
                entities.entityChangeTopic(),
                "entitybase.streaming.entity-diff-topic",
                diffTopic,
                "quarkus.datasource.reactive.url",
                "mysql://" + host,
                "quarkus.datasource.jdbc.url",
                "jdbc:mariadb://" + host,
                "entitybase.rdf.consumer.retry-max-backoff",
                "2s");
    }

    /** rdf-service's database in the ITs labelled {@code label}. */
    static String rdfDatabase(String label) {
        return "entitybase_test_" + label + "_rdf";
    }

    /** entity-service's database ({@link EntityServiceUnderTest}'s naming). */
    static String entityDatabase(String label) {
        return "entitybase_test_" + label + "_entity";
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
