package org.entitybase.entity.service;

import java.util.LinkedHashMap;
import java.util.Map;

import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.rest.EntityApiErrors;

/** The entity API's error codes (API.md "Errors"), in one place so routes and services agree on them. */
public final class EntityErrors {

    private EntityErrors() {}

    public static ApiException invalidEntityId(String value) {
        return new ApiException(
                400, "invalid-entity-id", "not a valid entity id: " + value, Map.of("id", String.valueOf(value)));
    }

    public static ApiException notFound(EntityId id) {
        return EntityApiErrors.notFound(id);
    }

    public static ApiException deleted(EntityId id) {
        return EntityApiErrors.deleted(id);
    }

    public static ApiException redirected(EntityId id, EntityId target) {
        return new ApiException(
                409,
                "entity-redirected",
                id + " is a redirect to " + target + ": edit the target, or revert the redirect first",
                Map.of("id", id.value(), "redirect_target", target.value()));
    }

    public static ApiException revisionNotFound(EntityId id, long revisionId) {
        return EntityApiErrors.revisionNotFound(id, revisionId);
    }

    public static ApiException tooLarge(long bytes, long limit) {
        return new ApiException(
                413,
                "entity-too-large",
                "the entity is " + bytes + " bytes; at most " + limit + " are accepted",
                Map.of("size", bytes, "limit", limit));
    }

    /** Valid JSON that is not valid Wikibase JSON: 400 with the code and path of the fault. */
    public static ApiException invalidJson(WikibaseJsonException e) {
        return new ApiException(400, e.code(), e.getMessage(), Map.of("path", e.path()));
    }

    /** 422: valid Wikibase JSON whose content this repository does not accept. */
    public static ApiException unprocessable(String code, String message, Map<String, Object> context) {
        return new ApiException(422, code, message, new LinkedHashMap<>(context));
    }
}
