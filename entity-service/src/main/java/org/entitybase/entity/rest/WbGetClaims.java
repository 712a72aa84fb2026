package org.entitybase.entity.rest;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import org.entitybase.entity.rest.EntityDocuments.Found;
import org.entitybase.entity.rest.EntityDocuments.Redirected;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@code action=wbgetclaims}: the statements of {@code entity} (or the one {@code claim} GUID names), optionally of
 * one {@code property} and one {@code rank}, as {@code {"claims": {"P31": [...]}}}; {@code props=} without {@code
 * references} drops the references. A redirected entity is Wikibase's {@code unresolved-redirect} error.
 */
@ApplicationScoped
class WbGetClaims {

    static final String ACTION = "wbgetclaims";

    private static final Set<String> RANKS = Set.of("deprecated", "normal", "preferred");

    private final EntityDocuments documents;

    WbGetClaims(EntityDocuments documents) {
        this.documents = documents;
    }

    Uni<byte[]> run(ActionApiParams params) {
        String entity = params.get("entity");
        String claim = params.get("claim");
        if (entity == null && claim == null) {
            throw new ActionApiError(
                    "param-missing", "Either the entity parameter or the claim parameter need to be set.");
        }
        EntityId id;
        if (claim != null) {
            id = entityOfGuid(claim);
            if (entity != null && !ActionApiParams.entityId(entity).equals(id)) {
                throw new ActionApiError(
                        "param-illegal",
                        "If both entity id and claim key are provided they need to point to the same entity");
            }
        } else {
            id = ActionApiParams.entityId(entity);
        }
        String property = params.get("property");
        if (property != null) {
            EntityId pid = EntityId.tryParse(property.trim().toUpperCase(java.util.Locale.ROOT));
            if (pid == null || pid.type() != EntityType.PROPERTY) {
                throw new ActionApiError(
                        400, "param-invalid", "Invalid property id \"" + property + "\"", Map.of("property", property));
            }
            property = pid.value();
        }
        String rank = params.oneOf("rank", RANKS, null);
        boolean references = params.get("props") == null || params.list("props").contains("references");
        String wantedProperty = property;
        return documents
                .load(id, null)
                .onFailure(ApiException.class)
                .transform(failure -> {
                    int status = ((ApiException) failure).status();
                    return status == 404 || status == 410 ? ActionApiError.noSuchEntity(id.value()) : failure;
                })
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(document -> {
                    if (document instanceof Redirected redirected) {
                        throw new ActionApiError(
                                400,
                                "unresolved-redirect",
                                id.value() + " is a redirect to "
                                        + redirected.target().value(),
                                Map.of("id", id.value()));
                    }
                    JsonNode claims =
                            SubResources.tree(((Found) document).json()).get("claims");
                    return SubResources.bytes(select(claims, wantedProperty, claim, rank, references));
                });
    }

    /** {@code {"claims": {…}}} with the statements that pass every given filter; properties left empty are left out. */
    static ObjectNode select(JsonNode claims, String property, String guid, String rank, boolean references) {
        ObjectNode out = EntityResponses.object();
        ObjectNode selected = out.putObject("claims");
        if (!(claims instanceof ObjectNode byProperty)) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = byProperty.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (property != null && !property.equals(field.getKey())) {
                continue;
            }
            ArrayNode kept = EntityResponses.object().arrayNode();
            for (JsonNode statement : field.getValue()) {
                if (guid != null && !guid.equals(statement.path("id").asText())) {
                    continue;
                }
                if (rank != null && !rank.equals(statement.path("rank").asText())) {
                    continue;
                }
                if (!references && statement instanceof ObjectNode object) {
                    object.remove("references");
                }
                kept.add(statement);
            }
            if (!kept.isEmpty()) {
                selected.set(field.getKey(), kept);
            }
        }
        return out;
    }

    /** The entity a statement GUID ({@code Q42$5627…}) belongs to; Wikibase's {@code invalid-guid} when it has none. */
    private static EntityId entityOfGuid(String guid) {
        int dollar = guid.indexOf('$');
        EntityId id =
                dollar <= 0 ? null : EntityId.tryParse(guid.substring(0, dollar).toUpperCase(java.util.Locale.ROOT));
        if (id == null || id.type() == EntityType.ENTITY_SCHEMA || dollar == guid.length() - 1) {
            throw new ActionApiError(400, "invalid-guid", "Invalid claim guid", Map.of("claim", guid));
        }
        return id;
    }
}
