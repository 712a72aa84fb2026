package org.entitybase.entity.repository;

/** The protection flags of an entity (API.md "Protection"); no metadata row means {@link #NONE}. */
public record Protection(boolean semiProtected, boolean locked, boolean massEditProtected) {
    public static final Protection NONE = new Protection(false, false, false);
}
