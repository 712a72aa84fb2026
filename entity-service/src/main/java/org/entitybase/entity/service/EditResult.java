package org.entitybase.entity.service;

import org.entitybase.model.entity.Entity;

/**
 * The outcome of a write: the entity as stored (with {@code lastrevid}/{@code modified}), its revision id, whether
 * the entity was created, and whether nothing changed (a null edit: no new revision, the current one is returned).
 */
public record EditResult(Entity entity, long revisionId, boolean created, boolean nullEdit) {}
