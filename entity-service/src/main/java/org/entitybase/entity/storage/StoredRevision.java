package org.entitybase.entity.storage;

import java.util.Set;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.hash.content.ContentAddress;

/**
 * The content of a revision as stored: the entity without {@code lastrevid}/{@code modified} (those belong to the
 * revision row, not the content), and the addresses (SHA-256 hex) of every statement object it holds, forms' and
 * senses' included, for the {@code statements_added/removed} of the next event.
 *
 * @param weight bytes of the objects it was assembled from (its cache weight)
 */
public record StoredRevision(ContentAddress address, Entity entity, Set<String> statements, long weight) {

    /**
     * Heap the entity model takes per byte of its content: its cache weight is {@code weight} × this. Parsing Q30's
     * 648 KB allocates 2.5–2.8 MB (docs/BENCHMARKS.md), an upper bound of what the model keeps.
     */
    public static final int MODEL_BYTES_PER_CONTENT_BYTE = 4;

    public StoredRevision {
        statements = Set.copyOf(statements);
    }
}
