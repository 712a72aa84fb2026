package org.entitybase.entity;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.entity.events.OutboxRelay;
import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.entity.support.EventTap;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.model.event.EntityChangeEventCodec;
import org.entitybase.runtime.config.EntitybaseConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

/** entity_change events through the outbox: one per revision, in order per entity, every EVENTS.md field. */
@QuarkusTest
class OutboxRelayIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final long USER = 42;

    @Inject
    OutboxRelay relay;

    @Inject
    EntitybaseConfig config;

    @Test
    void everyRevisionIsPublishedInOrderWithEveryField() {
        String property = created("properties", EntityApiIT.property("string", "event property"));
        try (EventTap tap = new EventTap(config.streaming().entityChangeTopic())) {
            String id = created("items", itemWithClaims(property, "one"));
            String other = created("items", EntityApiIT.item("redirect target"));
            put(id, EntityApiIT.withId(itemWithClaims(property, "one", "two"), id), "second claim");
            ok(writer(USER).delete(path("/entities/" + id)));
            ok(writer(USER).body(Map.of("to_revision_id", 2)).post(path("/entities/" + id + "/revert")));
            ok(writer(USER).body(Map.of("from", id, "to", other)).post(path("/redirects")));
            ok(writer(USER).post(path("/entities/" + id + "/revert-redirect")));
            ok(writer(USER).body(Map.of("to_revision_id", 1)).post(path("/entities/" + id + "/revert")));

            List<EntityChangeEvent> events = tap.await(id, 7, WITHIN).stream()
                    .map(r -> EntityChangeEventCodec.read(r.value().getBytes(StandardCharsets.UTF_8)))
                    .toList();
            assertThat(events).extracting(EntityChangeEvent::revisionId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
            assertThat(events)
                    .extracting(EntityChangeEvent::changeType)
                    .containsExactly(
                            ChangeType.CREATE,
                            ChangeType.EDIT,
                            ChangeType.DELETE,
                            ChangeType.UNDELETE,
                            ChangeType.REDIRECT,
                            ChangeType.UNREDIRECT,
                            ChangeType.REVERT);
            assertThat(events)
                    .extracting(EntityChangeEvent::parentRevisionId)
                    .containsExactly(null, 1L, 2L, 3L, 4L, 5L, 6L);

            JsonPath history =
                    reader().get(path("/entities/" + id + "/history")).jsonPath();
            Set<String> eventIds = new HashSet<>();
            for (EntityChangeEvent e : events) {
                assertThat(e.entityId()).isEqualTo(id);
                assertThat(e.entityType()).isEqualTo("item");
                assertThat(e.userId()).isEqualTo(USER);
                assertThat(Instant.parse(e.timestamp())).isBefore(Instant.now().plusSeconds(1));
                assertThat(e.timestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
                assertThat(e.contentHash())
                        .isEqualTo(history.getString(
                                "revisions.find { it.revision_id == " + e.revisionId() + " }.content_hash"));
                assertThat(eventIds.add(e.eventId())).isTrue();
                assertThat(e.eventId()).matches("[0-9a-f-]{36}");
                assertThat(e.redirectTarget()).isEqualTo(e.changeType() == ChangeType.REDIRECT ? other : null);
            }
            assertThat(events.get(1).editSummary()).isEqualTo("second claim");

            // statements: two distinct claims, one per value
            String first = single(events.get(0).statementsAdded());
            assertThat(events.get(0).statementsRemoved()).isEmpty();
            String second = single(events.get(1).statementsAdded());
            assertThat(second).isNotEqualTo(first);
            assertThat(events.get(1).statementsRemoved()).isEmpty();
            assertThat(events.get(2).statementsRemoved()).containsExactlyInAnyOrder(first, second);
            assertThat(events.get(2).statementsAdded()).isEmpty();
            assertThat(events.get(3).statementsAdded()).containsExactlyInAnyOrder(first, second);
            assertThat(events.get(4).statementsRemoved()).containsExactlyInAnyOrder(first, second);
            assertThat(events.get(5).statementsAdded()).containsExactlyInAnyOrder(first, second);
            assertThat(events.get(6).statementsRemoved()).containsExactly(second);
            assertThat(events.get(6).statementsAdded()).isEmpty();

            // every record is keyed by the entity id and marked sent
            assertThat(tap.await(id, 7, Duration.ZERO))
                    .extracting(ConsumerRecord::key)
                    .containsOnly(id);
            assertThat(EntityDatabase.count("SELECT COUNT(*) FROM outbox WHERE event_key = ? AND sent_at IS NULL", id))
                    .isZero();
        }
    }

    @Test
    void rowsLeftUnsentAreDeliveredWhenTheRelayComesBack() {
        try (EventTap tap = new EventTap(config.streaming().entityChangeTopic())) {
            String id = created("items", EntityApiIT.item("relay restart"));
            assertThat(tap.await(id, 1, WITHIN)).hasSize(1);

            relay.stop();
            try {
                for (int i = 2; i <= 4; i++) {
                    put(id, EntityApiIT.withId(EntityApiIT.item("while down " + i), id), "edit " + i);
                }
                assertThat(EntityDatabase.count(
                                "SELECT COUNT(*) FROM outbox WHERE event_key = ? AND sent_at IS NULL", id))
                        .as("the relay is down: the events wait in the outbox")
                        .isEqualTo(3);
                assertThat(tap.await(id, 2, Duration.ofSeconds(2))).hasSize(1);
            } finally {
                relay.start();
            }

            List<EntityChangeEvent> events = tap.await(id, 4, WITHIN).stream()
                    .map(r -> EntityChangeEventCodec.read(r.value().getBytes(StandardCharsets.UTF_8)))
                    .toList();
            assertThat(events).extracting(EntityChangeEvent::revisionId).containsExactly(1L, 2L, 3L, 4L);
            assertThat(events).extracting(EntityChangeEvent::editSummary).endsWith("edit 2", "edit 3", "edit 4");
            assertThat(EntityDatabase.count("SELECT COUNT(*) FROM outbox WHERE event_key = ? AND sent_at IS NULL", id))
                    .isZero();
        }
    }

    @Test
    void onlyTheRelayHoldingTheLeasePublishes() throws Exception {
        try (EventTap tap = new EventTap(config.streaming().entityChangeTopic());
                Connection otherRelay = EntityDatabase.connect()) {
            // another instance's relay, mid-batch: it holds the lease row
            otherRelay.setAutoCommit(false);
            try (Statement lease = otherRelay.createStatement()) {
                lease.executeQuery("SELECT name FROM outbox_relay_lease WHERE name = 'entity_change' FOR UPDATE");
            }
            String id = created("items", EntityApiIT.item("leased elsewhere"));
            assertThat(tap.await(id, 1, Duration.ofSeconds(3)))
                    .as("this instance skips while the other holds the lease")
                    .isEmpty();
            assertThat(EntityDatabase.count("SELECT COUNT(*) FROM outbox WHERE event_key = ? AND sent_at IS NULL", id))
                    .isEqualTo(1);

            otherRelay.rollback(); // the other relay's batch ends (or its instance dies)
            assertThat(tap.await(id, 1, WITHIN))
                    .as("picked up by the next poll")
                    .hasSize(1);
        }
    }

    private static String itemWithClaims(String property, String... values) {
        StringBuilder claims = new StringBuilder();
        for (String value : values) {
            if (!claims.isEmpty()) {
                claims.append(',');
            }
            claims.append("""
                    {"mainsnak":{"snaktype":"value","property":"%s","datavalue":{"value":"%s","type":"string"}},
                     "type":"statement","rank":"normal"}""".formatted(property, value));
        }
        return """
                {"type":"item","labels":{"en":{"language":"en","value":"events"}},"claims":{"%s":[%s]}}""".formatted(property, claims);
    }

    private static String single(List<String> addresses) {
        assertThat(addresses).hasSize(1);
        assertThat(addresses.get(0)).matches("[0-9a-f]{64}");
        return addresses.get(0);
    }

    private static String created(String collection, String body) {
        Response response = writer(USER).body(body).post(path("/entities/" + collection));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private static void put(String id, String body, String summary) {
        ok(writer(USER).header("X-Edit-Summary", summary).body(body).put(path("/entities/items/" + id)));
    }

    private static void ok(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    }
}
