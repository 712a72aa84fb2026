package org.entitybase.model.content;

import org.entitybase.model.hash.content.ContentAddress;

/**
 * One statement of a revision: its GUID (kept out of the statement object so equal claims share one object) and the
 * address of its statement object.
 */
public record StatementRef(String guid, ContentAddress statement) {
    public StatementRef {
        if (statement == null || ContentKind.of(statement) != ContentKind.STATEMENT) {
            throw new IllegalArgumentException("not a statement address: " + statement);
        }
    }
}
