package org.entitybase.entity.service.write;

/** The head moved between the edit's read and its compare-and-set: the edit runs again on the new head, or fails. */
public final class HeadMoved extends RuntimeException {

    public HeadMoved() {
        super("the head moved", null, false, false);
    }
}
