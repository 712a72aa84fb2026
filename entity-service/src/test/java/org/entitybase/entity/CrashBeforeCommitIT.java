package org.entitybase.entity;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.entitybase.entity.support.CrashAfterPackStored;
import org.entitybase.entity.support.EntityDatabase;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.pack.Pack;
import org.entitybase.runtime.config.EntitybaseConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.entity.support.Api.path;
import static org.entitybase.entity.support.Api.reader;
import static org.entitybase.entity.support.Api.writer;

import software.amazon.awssdk.services.s3.S3Client;

/** A crash between the S3 PUT and the commit: an orphan pack, and nothing else changed. */
@QuarkusTest
class CrashBeforeCommitIT {

    @Inject
    CrashAfterPackStored crash;

    @Inject
    S3Client s3;

    @Inject
    EntitybaseConfig config;

    @Test
    void crashAfterThePutLeavesNoRevisionNoHeadChangeNoOutboxRow() {
        String id = EntityApiIT.createdId("items", EntityApiIT.item("before the crash"));
        long outboxBefore = outboxRows(id);

        crash.arm(EntityId.parse(id));
        Response crashed;
        try {
            crashed = writer(1)
                    .body(EntityApiIT.withId(EntityApiIT.item("never committed"), id))
                    .put(path("/entities/items/" + id));
        } finally {
            crash.disarm(EntityId.parse(id));
        }
        assertThat(crashed.statusCode()).isEqualTo(500);
        assertThat(crashed.jsonPath().getString("code")).isEqualTo("internal-error");

        Response head = reader().get(path("/entities/" + id));
        assertThat(head.header("ETag")).isEqualTo("\"1\"");
        assertThat(head.jsonPath().getString("labels.en.value")).isEqualTo("before the crash");
        assertThat(EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions WHERE entity_id = ?", id))
                .isEqualTo(1);
        assertThat(EntityDatabase.count("SELECT head_revision_id FROM entity_head WHERE entity_id = ?", id))
                .isEqualTo(1);
        assertThat(outboxRows(id)).isEqualTo(outboxBefore);

        // the pack did reach S3: an orphan for cleanup, never referenced by a revision
        ContentAddress orphan = crash.orphans().stream()
                .filter(a ->
                        EntityDatabase.count("SELECT COUNT(*) FROM entity_revisions WHERE content_hash = ?", a.sha256())
                                == 0)
                .findFirst()
                .orElseThrow();
        assertThat(s3.headObject(b -> b.bucket(config.s3().revisionsBucket()).key(Pack.keyOf(orphan)))
                        .contentLength())
                .isPositive();

        // the same edit again succeeds: the PUT is idempotent, the commit happens this time
        Response retried = writer(1)
                .body(EntityApiIT.withId(EntityApiIT.item("never committed"), id))
                .put(path("/entities/items/" + id));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.header("ETag")).isEqualTo("\"2\"");
        assertThat(EntityDatabase.strings(
                        "SELECT content_hash FROM entity_revisions WHERE entity_id = ? AND revision_id = 2", id))
                .containsExactly(orphan.sha256());
    }

    private static long outboxRows(String id) {
        return EntityDatabase.count("SELECT COUNT(*) FROM outbox WHERE event_key = ?", id);
    }
}
