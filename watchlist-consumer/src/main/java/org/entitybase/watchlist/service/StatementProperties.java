package org.entitybase.watchlist.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.content.RevisionManifest;
import org.entitybase.model.content.StatementRef;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.lexeme.Sense;
import org.entitybase.model.statement.Statement;
import org.entitybase.runtime.storage.PackStore;
import org.entitybase.runtime.storage.RevisionStore;
import org.entitybase.runtime.worker.WorkerPool;

/**
 * The property of each statement (content address → property id) of one revision, from its revision manifest in S3
 * (common-runtime's PackStore: one or two GETs when cold, none when the pack is cached): the manifest lists every
 * statement address by property, so nothing is assembled or hashed. Only a lexeme's form and sense statements are not
 * in the manifest: for those the revision is assembled (RevisionStore) and their addresses computed.
 */
@ApplicationScoped
public class StatementProperties {

    private final PackStore packs;
    private final RevisionStore revisions;
    private final WorkerPool workers;
    private final EntitySplitter splitter = new EntitySplitter();

    StatementProperties(PackStore packs, RevisionStore revisions, WorkerPool workers) {
        this.packs = packs;
        this.revisions = revisions;
        this.workers = workers;
    }

    /**
     * Address → property of the statements of the revision {@code contentHash} (checkpoint null when unknown) among
     * {@code wanted}; an address of {@code wanted} missing from the answer is not in that revision.
     */
    public Uni<Map<String, String>> of(String contentHash, String checkpoint, List<String> wanted) {
        var revision = ContentKind.REVISION.address(contentHash);
        var pack = checkpoint == null
                ? packs.get(revision)
                : packs.getWithCheckpoint(revision, ContentKind.REVISION.address(checkpoint))
                        .map(PackStore.WithCheckpoint::pack);
        return pack.flatMap(p -> workers.run(() -> {
                    RevisionManifest manifest =
                            RevisionManifest.fromJson(p.objects().get(p.revision()));
                    Map<String, String> out = new HashMap<>();
                    manifest.claims().forEach((property, refs) -> {
                        for (StatementRef ref : refs) {
                            out.put(ref.statement().sha256(), property);
                        }
                    });
                    boolean hasParts =
                            !manifest.forms().isEmpty() || !manifest.senses().isEmpty();
                    return new Manifested(out, hasParts);
                }))
                .flatMap(m -> !m.hasParts() || m.properties().keySet().containsAll(wanted)
                        ? Uni.createFrom().item(m.properties())
                        : withLexemeParts(contentHash, checkpoint, m.properties()));
    }

    private record Manifested(Map<String, String> properties, boolean hasParts) {}

    private Uni<Map<String, String>> withLexemeParts(
            String contentHash, String checkpoint, Map<String, String> topLevel) {
        var revision = ContentKind.REVISION.address(contentHash);
        var stored = checkpoint == null
                ? revisions.load(revision)
                : revisions.load(revision, ContentKind.REVISION.address(checkpoint));
        return stored.flatMap(content -> workers.run(() -> {
            Map<String, String> out = new HashMap<>(topLevel);
            if (content.entity() instanceof Lexeme lexeme) {
                for (Form form : lexeme.forms()) {
                    form.claims().values().forEach(group -> group.forEach(s -> put(out, s)));
                }
                for (Sense sense : lexeme.senses()) {
                    sense.claims().values().forEach(group -> group.forEach(s -> put(out, s)));
                }
            }
            return out;
        }));
    }

    private void put(Map<String, String> out, Statement statement) {
        out.put(splitter.statementAddress(statement).sha256(), statement.property());
    }
}
