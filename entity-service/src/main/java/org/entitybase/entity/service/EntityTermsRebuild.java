package org.entitybase.entity.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import org.entitybase.entity.repository.EntityHeadRepository;
import org.entitybase.entity.repository.EntityTermRepository;
import org.entitybase.entity.repository.HeadRow;
import org.entitybase.model.entity.Entity;

/**
 * Writes the {@code entity_terms} rows of every live item and property again from its head (docs/DECISIONS.md
 * "Search over a terms index": entities stored before V7 have none). Heads in keyset pages; each entity in a
 * transaction that locks its head row, so no edit commits between the read of the head and its rows (an entity whose
 * head moved since its page was read is read again).
 */
@ApplicationScoped
public class EntityTermsRebuild {

    private static final int PAGE = 100;
    private static final String LOCK_HEAD = "SELECT head_revision_id FROM entity_head WHERE entity_id = ? FOR UPDATE";
    private static final String DELETE_ROWS = "DELETE FROM entity_terms WHERE entity_id = ?";

    /** What a run did: entities whose rows were written. */
    public record Outcome(long entities) {}

    private final Pool pool;
    private final EntityHeadRepository heads;
    private final EntityTermRepository terms;
    private final EntityReadService reads;

    EntityTermsRebuild(Pool pool, EntityHeadRepository heads, EntityTermRepository terms, EntityReadService reads) {
        this.pool = pool;
        this.heads = heads;
        this.terms = terms;
        this.reads = reads;
    }

    public Uni<Outcome> run() {
        // item and property ids (P…, Q…) sort between "P" and "R"
        return page("P", 0);
    }

    private Uni<Outcome> page(String after, long done) {
        return heads.livePage(pool, after, "R", Instant.EPOCH, PAGE).flatMap(page -> {
            if (page.isEmpty()) {
                return Uni.createFrom().item(new Outcome(done));
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (HeadRow head : page) {
                chain = chain.flatMap(ignored -> rebuild(head, 3));
            }
            String last = page.get(page.size() - 1).id().value();
            return chain.flatMap(ignored -> page(last, done + page.size()));
        });
    }

    private Uni<Void> rebuild(HeadRow head, int attempts) {
        return reads.current(head.id()).flatMap(current -> {
            Entity entity = current.entity();
            if (entity == null) {
                return Uni.createFrom().voidItem(); // a redirect since the page was read: it has no rows
            }
            return pool.withTransaction(connection -> connection
                            .preparedQuery(LOCK_HEAD)
                            .execute(Tuple.of(head.id().value()))
                            .flatMap(rows -> {
                                long locked = rows.iterator().next().getLong("head_revision_id");
                                if (locked != current.revisionId()) {
                                    return Uni.createFrom().item(false);
                                }
                                return connection
                                        .preparedQuery(DELETE_ROWS)
                                        .execute(Tuple.of(head.id().value()))
                                        .flatMap(ignored -> terms.replace(
                                                connection,
                                                head.id(),
                                                List.of(),
                                                EntityTerms.rows(EntityTerms.of(entity))))
                                        .replaceWith(true);
                            }))
                    .flatMap(written ->
                            written || attempts <= 1 ? Uni.createFrom().voidItem() : rebuild(head, attempts - 1));
        });
    }
}
