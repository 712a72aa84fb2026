package org.entitybase.entity.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.repository.EntityHeadRepository;
import org.entitybase.entity.repository.MetadataRepository;
import org.entitybase.entity.repository.Protection;
import org.entitybase.entity.repository.RevisionRepository;
import org.entitybase.entity.repository.RevisionRow;
import org.entitybase.entity.repository.SitelinkRepository;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.event.ChangeType;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.pack.StoredRevision;
import org.entitybase.runtime.rest.EntityApiErrors;
import org.entitybase.runtime.storage.RevisionStore;

/**
 * Reads (ARCHITECTURE.md "Read path"): one query for head and head revision, then the revision's content from the
 * cache or at most two parallel S3 GETs.
 */
@ApplicationScoped
public class EntityReadService implements EntityReader {

    private final Pool pool;
    private final EntityHeadRepository heads;
    private final RevisionRepository revisions;
    private final RevisionStore contents;
    private final MetadataRepository metadata;
    private final SitelinkRepository sitelinks;

    EntityReadService(
            Pool pool,
            EntityHeadRepository heads,
            RevisionRepository revisions,
            RevisionStore contents,
            MetadataRepository metadata,
            SitelinkRepository sitelinks) {
        this.pool = pool;
        this.sitelinks = sitelinks;
        this.metadata = metadata;
        this.heads = heads;
        this.revisions = revisions;
        this.contents = contents;
    }

    @Override
    public Uni<Head> head(EntityId id) {
        return current(id).map(c -> new Head(c.entity(), c.revisionId(), c.redirectTarget()));
    }

    /** The head revision with its stored content (none for a redirect); 404 never existed, 410 deleted. */
    public Uni<Current> current(EntityId id) {
        return heads.find(pool, id).flatMap(head -> {
            if (head == null) {
                throw EntityErrors.notFound(id);
            }
            if (head.deleted()) {
                throw EntityErrors.deleted(id);
            }
            if (head.isRedirect()) {
                return Uni.createFrom()
                        .item(new Current(null, head.revisionId(), head.createdAt(), head.redirectTarget()));
            }
            return contents.load(head.content(), head.checkpoint())
                    .map(stored -> new Current(stored, head.revisionId(), head.createdAt(), null));
        });
    }

    /**
     * One revision: its row, and its entity (null for a redirect revision, whose target is in the row). A delete
     * revision has no entity to show: 410.
     */
    public Uni<RevisionView> revision(EntityId id, long revisionId) {
        return revisions.find(pool, id, revisionId).flatMap(row -> {
            if (row == null) {
                return heads.find(pool, id)
                        .flatMap(head -> Uni.createFrom()
                                .<RevisionView>failure(
                                        head == null
                                                ? EntityErrors.notFound(id)
                                                : EntityErrors.revisionNotFound(id, revisionId)));
            }
            if (row.changeType() == ChangeType.DELETE) {
                throw EntityApiErrors.revisionDeleted(id, revisionId);
            }
            if (row.changeType() == ChangeType.REDIRECT) {
                return Uni.createFrom().item(new RevisionView(row, null));
            }
            return contents.load(row.content(), row.checkpoint()).map(stored -> new RevisionView(row, stored));
        });
    }

    /** Up to {@code limit} revisions older than {@code before} (null: from the newest), newest first. */
    public Uni<HistoryPage> history(EntityId id, Long before, int limit) {
        return revisions
                .history(pool, id, before == null ? Long.MAX_VALUE : before, limit + 1)
                .flatMap(rows -> {
                    if (rows.isEmpty() && before == null) {
                        // every entity has a first revision: none means it never existed
                        throw EntityErrors.notFound(id);
                    }
                    boolean more = rows.size() > limit;
                    List<RevisionRow> page = more ? rows.subList(0, limit) : rows;
                    Long next = more ? page.get(page.size() - 1).revisionId() : null;
                    return Uni.createFrom().item(new HistoryPage(List.copyOf(page), next));
                });
    }

    /** The protection flags of an existing entity (404 never existed, 410 deleted). */
    public Uni<Protection> protection(EntityId id) {
        return heads.find(pool, id).flatMap(head -> {
            if (head == null) {
                throw EntityErrors.notFound(id);
            }
            if (head.deleted()) {
                throw EntityErrors.deleted(id);
            }
            return metadata.find(pool, id);
        });
    }

    /** The item that links {@code title} on {@code site} now, or null (Wikidata's sites+titles lookups). */
    public Uni<EntityId> bySitelink(String site, String title) {
        return sitelinks.holder(pool, site, title);
    }

    /** Which of {@code hashes} name a committed revision's pack (content or checkpoint hash). */
    public Uni<Set<String>> committed(List<String> hashes) {
        return revisions.committed(pool, hashes);
    }

    /** A revision and, unless it is a redirect, its stored content. */
    public record RevisionView(RevisionRow row, StoredRevision stored) {}

    /** An entity's head: its stored content (null for a redirect, whose target is given) and revision. */
    public record Current(StoredRevision stored, long revisionId, Instant createdAt, EntityId redirectTarget) {

        /** The entity as clients see it, with {@code lastrevid}/{@code modified}; null for a redirect. */
        public Entity entity() {
            return stored == null ? null : EntityWriteService.withRevision(stored.entity(), revisionId, createdAt);
        }
    }

    /** A page of history; {@code next} is the cursor for the following page ({@code after}), null at the end. */
    public record HistoryPage(List<RevisionRow> revisions, Long next) {}
}
