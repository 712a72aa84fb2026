package org.entitybase.entity.service.write;

import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.pack.Pack;

/** Where a revision's content lives: an existing pack ({@code pack} null) or a new one to PUT. */
public record Placement(ContentAddress content, ContentAddress checkpoint, long checkpointRevisionId, Pack pack) {

    /** Content that is stored already. */
    public static Placement existing(ContentAddress content, ContentAddress checkpoint, long checkpointRevisionId) {
        return new Placement(content, checkpoint, checkpointRevisionId, null);
    }
}
