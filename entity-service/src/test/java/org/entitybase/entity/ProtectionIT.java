package org.entitybase.entity;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.entitybase.entity.support.EventTap;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.event.EntityChangeEvent;
import org.entitybase.runtime.config.EntitybaseConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;
import static org.entitybase.entity.support.Edits.error;
import static org.entitybase.entity.support.Edits.events;
import static org.entitybase.entity.support.Edits.head;
import static org.entitybase.entity.support.Edits.written;

/** Protection flags: a protect revision each, and what they refuse (423 locked, 403 anonymous on semi). */
@QuarkusTest
class ProtectionIT {

    private static final long USER = 13;

    @Inject
    EntitybaseConfig config;

    @Test
    void protectionIsARevisionWithTheSameContent() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("protected"));
        JsonPath none = reader().get(path("/entities/" + id + "/protection")).jsonPath();
        assertThat(none.getBoolean("semi_protected")).isFalse();
        assertThat(none.getBoolean("locked")).isFalse();
        assertThat(none.getBoolean("mass_edit_protected")).isFalse();

        Response semi = written(protect(USER, id, "{\"semi_protected\":true}"), 200, 2);
        assertThat(semi.jsonPath().getBoolean("semi_protected")).isTrue();
        assertThat(semi.jsonPath().getBoolean("locked")).isFalse();
        written(protect(USER, id, "{\"semi_protected\":true}"), 200, 2); // unchanged: a null edit
        written(protect(USER, id, "{\"mass_edit_protected\":true}"), 200, 3);
        JsonPath now = reader().get(path("/entities/" + id + "/protection")).jsonPath();
        assertThat(now.getBoolean("semi_protected"))
                .as("partial PUT keeps the others")
                .isTrue();
        assertThat(now.getBoolean("mass_edit_protected")).isTrue();

        JsonPath history = reader().get(path("/entities/" + id + "/history")).jsonPath();
        assertThat(history.getList("revisions.change_type", String.class))
                .containsExactly("protect", "protect", "create");
        assertThat(history.getList("revisions.content_hash", String.class))
                .containsOnly(history.getString("revisions[2].content_hash"));
        assertThat(reader().get(path("/entities/" + id)).jsonPath().getLong("lastrevid"))
                .isEqualTo(3);
    }

    @Test
    void semiProtectionStopsAnonymousEditsAndLockStopsAllButUnlocking() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("guarded"));
        written(protect(USER, id, "{\"semi_protected\":true}"), 200, 2);
        error(writer(0).body("\"anon\"").put(path("/entities/items/" + id + "/labels/en")), 403, "semi-protected");
        written(writer(USER).body("\"registered\"").put(path("/entities/items/" + id + "/labels/en")), 200, 3);
        error(protect(0, id, "{\"semi_protected\":false}"), 403, "anonymous-protection-change");

        written(protect(USER, id, "{\"locked\":true}"), 200, 4);
        error(writer(USER).body("\"locked\"").put(path("/entities/items/" + id + "/labels/en")), 423, "entity-locked");
        error(
                writer(USER)
                        .body("{\"title\":\"Locked " + System.nanoTime() + "\"}")
                        .post(path("/entities/" + id + "/sitelinks/enwiki")),
                423,
                "entity-locked");
        error(writer(USER).delete(path("/entities/" + id)), 423, "entity-locked");
        error(protect(USER, id, "{\"semi_protected\":false}"), 423, "entity-locked");
        assertThat(head(id)).isEqualTo(4);

        Response unlocked = written(protect(USER, id, "{\"locked\":false,\"semi_protected\":false}"), 200, 5);
        assertThat(unlocked.jsonPath().getBoolean("locked")).isFalse();
        written(writer(0).body("\"anon again\"").put(path("/entities/items/" + id + "/labels/en")), 200, 6);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("bad protection"));
        error(protect(USER, id, "{\"locked\":\"yes\"}"), 400, "invalid-value");
        error(protect(USER, id, "{\"frozen\":true}"), 400, "unknown-field");
        error(protect(USER, id, "[]"), 400, "invalid-json");
        error(
                writer(USER)
                        .header("If-Match", "\"7\"")
                        .body("{\"locked\":true}")
                        .put(path("/entities/" + id + "/protection")),
                412,
                "precondition-failed");
        error(protect(USER, "Q99999999999999999", "{\"locked\":true}"), 404, "entity-not-found");
        error(reader().get(path("/entities/Q99999999999999999/protection")), 404, "entity-not-found");
        assertThat(head(id)).isEqualTo(1);
        assertThat(reader().get(path("/entities/" + id + "/protection"))
                        .jsonPath()
                        .getBoolean("locked"))
                .isFalse();
    }

    @Test
    void aProtectionChangeIsOneProtectEvent() {
        try (EventTap tap = new EventTap(config.streaming().entityChangeTopic())) {
            String id = EntityApiIT.createdId("items", EntityApiIT.item("evented protection"));
            protect(USER, id, "{\"locked\":true}");
            protect(USER, id, "{\"locked\":true}"); // null edit
            List<EntityChangeEvent> events = events(tap, id, 2);
            assertThat(events)
                    .extracting(EntityChangeEvent::changeType)
                    .containsExactly(ChangeType.CREATE, ChangeType.PROTECT);
            EntityChangeEvent protect = events.get(1);
            assertThat(protect.contentHash()).isEqualTo(events.get(0).contentHash());
            assertThat(protect.statementsAdded()).isEmpty();
            assertThat(protect.statementsRemoved()).isEmpty();
            assertThat(protect.userId()).isEqualTo(USER);
        }
    }

    private static Response protect(long user, String id, String body) {
        return writer(user).body(body).put(path("/entities/" + id + "/protection"));
    }
}
