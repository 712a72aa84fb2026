package org.entitybase.testkit.stack;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The real write path for a consumer's integration tests: id-allocator and entity-service, each a packaged jar on a
 * free port, on databases of their own made new for this run ({@code entitybase_test_<label>_ids} and
 * {@code _entity}) and an {@code entity_change} topic of their own, so the consumer under test sees exactly the
 * events its test caused, however many other test runs share the stack.
 *
 * <pre>{@code
 * try (EntityServiceUnderTest entities = EntityServiceUnderTest.start("statement")) {
 *     // point the consumer at entities.entityChangeTopic() and entities.apiUrl()
 * }
 * }</pre>
 */
public final class EntityServiceUnderTest implements AutoCloseable {

    private final String entityChangeTopic;
    private final ServiceJar allocator;
    private final ServiceJar entityService;

    private EntityServiceUnderTest(String entityChangeTopic, ServiceJar allocator, ServiceJar entityService) {
        this.entityChangeTopic = entityChangeTopic;
        this.allocator = allocator;
        this.entityService = entityService;
    }

    /** {@code label}: letters, digits and {@code _}; names the databases and the topic. */
    public static EntityServiceUnderTest start(String label) {
        return start(label, Map.of());
    }

    /** As {@link #start(String)}, with more environment for entity-service (e.g. its cache sizes). */
    public static EntityServiceUnderTest start(String label, Map<String, String> entityServiceEnvironment) {
        String name = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String idsDatabase = "entitybase_test_" + name + "_ids";
        String entityDatabase = "entitybase_test_" + name + "_entity";
        LocalStack.current().recreateDatabase(idsDatabase);
        LocalStack.current().recreateDatabase(entityDatabase);
        String topic = "entitybase.it." + name + "." + System.currentTimeMillis() + ".entity_change";
        ServiceJar allocator = ServiceJar.start("id-allocator", Map.of("VITESS_DATABASE", idsDatabase));
        try {
            Map<String, String> environment = new HashMap<>(Map.of(
                    "VITESS_DATABASE",
                    entityDatabase,
                    "ID_ALLOCATOR_URL",
                    allocator.baseUrl(),
                    "KAFKA_ENTITY_CHANGE_TOPIC",
                    topic,
                    // relay quickly: tests wait for the consumer, not for the poll
                    "ENTITYBASE_ENTITY_OUTBOX_POLL_INTERVAL",
                    "100ms"));
            environment.putAll(entityServiceEnvironment);
            ServiceJar entityService = ServiceJar.start("entity-service", environment);
            return new EntityServiceUnderTest(topic, allocator, entityService);
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
    }

    /** The topic this entity-service publishes its entity_change events to (created by the first event). */
    public String entityChangeTopic() {
        return entityChangeTopic;
    }

    /** entity-service's {@code http://127.0.0.1:<port>/v1/entitybase}. */
    public String apiUrl() {
        return entityService.apiUrl();
    }

    /** entity-service's {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return entityService.baseUrl();
    }

    public ServiceJar entityService() {
        return entityService;
    }

    @Override
    public void close() {
        try {
            entityService.close();
        } finally {
            allocator.close();
        }
    }
}
