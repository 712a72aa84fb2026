package org.entitybase.model.pack;

import java.util.HashSet;
import java.util.Set;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.content.EntityAssembler;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.hash.content.ContentAddress;

/**
 * The content of a revision as stored: the entity without {@code lastrevid}/{@code modified} (those belong to the
 * revision row, not the content), and the addresses (SHA-256 hex) of every statement object it holds, forms' and
 * senses' included.
 *
 * @param weight bytes of the objects it was assembled from (its cache weight)
 */
public record StoredRevision(ContentAddress address, Entity entity, Set<String> statements, long weight) {

    /**
     * Heap the entity model takes per byte of its content: its cache weight is {@code weight} × this. Parsing Q30's
     * 648 KB allocates 2.5–2.8 MB (docs/BENCHMARKS.md), an upper bound of what the model keeps.
     */
    public static final int MODEL_BYTES_PER_CONTENT_BYTE = 4;

    private static final EntityAssembler ASSEMBLER = new EntityAssembler();

    public StoredRevision {
        statements = Set.copyOf(statements);
    }

    /**
     * The revision named by {@code pack}, assembled from its objects completed by those of {@code checkpoint} (null
     * when the pack is itself a checkpoint). CPU-heavy for large entities: callers run it off the event loop.
     */
    public static StoredRevision assemble(Pack pack, Pack checkpoint) {
        Set<String> statements = new HashSet<>();
        Entity entity = ASSEMBLER.assemble(pack.revision(), address -> {
            if (ContentKind.of(address) == ContentKind.STATEMENT) {
                statements.add(address.sha256());
            }
            byte[] bytes = pack.objects().get(address);
            return bytes != null || checkpoint == null
                    ? bytes
                    : checkpoint.objects().get(address);
        });
        long weight = pack.rawBytes() + (checkpoint == null ? 0 : checkpoint.rawBytes());
        return new StoredRevision(pack.revision(), entity, statements, weight);
    }
}
