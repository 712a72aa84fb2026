package org.entitybase.entity.service;

import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.id.EntityId;

/**
 * Sees a write between its stages. The service has no implementation of its own; tests register one to simulate a
 * crash between the S3 PUT and the commit.
 */
public interface WriteStageHook {

    /** The revision's pack is stored in S3 and its transaction has not begun; throwing abandons the write here. */
    void packStored(EntityId id, ContentAddress revision);
}
