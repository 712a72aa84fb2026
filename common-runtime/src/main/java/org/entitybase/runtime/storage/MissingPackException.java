package org.entitybase.runtime.storage;

import org.entitybase.model.hash.content.ContentAddress;

/**
 * The revisions bucket has no pack of this address. A committed revision always has its pack, so for entity-service
 * this is lost data (a 500); for a consumer it is an event naming a revision this deployment never stored (another
 * deployment's or a test's event), which no retry can mend: it is dead-lettered.
 */
public final class MissingPackException extends IllegalStateException {

    private final transient ContentAddress revision;

    public MissingPackException(ContentAddress revision) {
        super("revision pack " + revision.sha256() + " is missing from S3");
        this.revision = revision;
    }

    public ContentAddress revision() {
        return revision;
    }
}
