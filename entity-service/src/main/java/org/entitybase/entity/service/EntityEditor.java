package org.entitybase.entity.service;

import java.util.function.UnaryOperator;

import io.smallrye.mutiny.Uni;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;

/**
 * The one way to change an existing entity: read the head, apply {@code change}, validate, store a new revision with
 * a head compare-and-set, and emit the entity_change event through the outbox. Sub-resource routes (labels,
 * sitelinks, statements, …) are small {@code change} functions on top of this. A {@code change} may throw
 * {@code org.entitybase.runtime.rest.ApiException} to refuse the edit (e.g. 404 for a missing label).
 */
public interface EntityEditor {
    Uni<EditResult> edit(EntityId id, EditContext context, UnaryOperator<Entity> change);
}
