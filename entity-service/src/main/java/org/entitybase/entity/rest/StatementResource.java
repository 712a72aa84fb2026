package org.entitybase.entity.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EntityErrors;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.entity.service.JsonPatch;
import org.entitybase.entity.service.StatementEdits;
import org.entitybase.entity.service.StatementEdits.Key;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.statement.Statement;
import org.entitybase.runtime.rest.ApiException;

/**
 * Statements of an entity, or of a lexeme's form or sense ({@code /entities/L42-F1/...}: a revision of the lexeme)
 * (API.md "Sub-resources"), by property, GUID ({@code Q42$…}) or content address (64 hex, the statement's address
 * in the content store). Writes are revisions through {@link EntityWriteService#edit}:
 * property existence and datatypes are checked as for any client edit (422).
 *
 * <ul>
 *   <li>{@code GET {id}/properties}: {@code {"properties": [...]}}, those with statements.
 *   <li>{@code GET {id}/properties/P1,P2}: per property {@code [{"hash", "id", "rank"}]}.
 *   <li>{@code POST {id}/properties/{pid}}: one statement object or an array of them, each about {@code pid} (400
 *       {@code property-mismatch}); GUIDs and hashes are filled in; 201 with the stored statements.
 *   <li>{@code DELETE {id}/statements/{key}}: removes what the key names (every statement with that content); 404
 *       {@code statement-not-found}.
 *   <li>{@code PATCH {id}/statements/{key}} with {@code application/json-patch+json}: RFC 6902 on the statement's
 *       JSON, the result read strictly; 400 {@code invalid-patch}, 409 {@code patch-test-failed} /
 *       {@code patch-target-not-found}, 422 when {@code id} or the property would change or the result is not a
 *       statement; a content address shared by several statements is 409 {@code statement-ambiguous}.
 * </ul>
 */
@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    static final String JSON_PATCH = "application/json-patch+json";

    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();

    private final EntityWriteService writes;
    private final EntityReadService reads;
    private final long maxBody;
    private final IdempotentWrites idempotent;

    StatementResource(
            EntityWriteService writes,
            EntityReadService reads,
            EntityServiceConfig config,
            IdempotentWrites idempotent) {
        this.writes = writes;
        this.idempotent = idempotent;
        this.reads = reads;
        this.maxBody = config.write().maxEntitySize().asLongValue();
    }

    @GET
    @Path("{id}/properties")
    public Uni<Response> properties(@PathParam("id") String id, @Context UriInfo uri) {
        EntityId subject = EditRequests.entityOrLexemePart(id);
        return SubResources.read(reads, subject, uri, e -> {
            ObjectNode out = EntityResponses.object();
            ArrayNode list = out.putArray("properties");
            StatementEdits.properties(e, subject).forEach(list::add);
            return out;
        });
    }

    @GET
    @Path("{id}/properties/{properties}")
    public Uni<Response> hashes(
            @PathParam("id") String id, @PathParam("properties") String properties, @Context UriInfo uri) {
        EntityId subject = EditRequests.entityOrLexemePart(id);
        List<String> wanted = new ArrayList<>();
        for (String p : properties.split(",", -1)) {
            String property = StatementEdits.propertyId(p.trim());
            if (!wanted.contains(property)) {
                wanted.add(property);
            }
        }
        return SubResources.read(reads, subject, uri, e -> {
            ObjectNode out = EntityResponses.object();
            StatementEdits.summaries(e, subject, wanted).forEach((property, summaries) -> {
                ArrayNode list = out.putArray(property);
                summaries.forEach(s ->
                        list.addObject().put("hash", s.hash()).put("id", s.id()).put("rank", s.rank()));
            });
            return out;
        });
    }

    @POST
    @Path("{id}/properties/{property}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> add(
            @PathParam("id") String id,
            @PathParam("property") String property,
            byte[] body,
            @BeanParam EditHeaders headers,
            @Context UriInfo uri) {
        EntityId subject = EditRequests.entityOrLexemePart(id);
        EntityId entityId = StatementEdits.owner(subject);
        String pid = StatementEdits.propertyId(property);
        EditContext context = headers.context();
        List<Statement> statements = StatementEdits.withGuids(subject, pid, statements(body, subject));
        Set<String> guids = new HashSet<>();
        statements.forEach(s -> guids.add(s.id()));
        return idempotent.write(
                context,
                headers.idempotencyKey(),
                uri,
                body,
                keyed -> writes.edit(entityId, keyed, StatementEdits.add(subject, pid, statements)),
                result -> {
                    List<Statement> stored =
                            StatementEdits.claims(result.entity(), subject).getOrDefault(pid, List.of()).stream()
                                    .filter(s -> guids.contains(s.id()))
                                    .toList();
                    ObjectNode out = EntityResponses.object();
                    out.set("statements", SubResources.tree(WRITER.statementListToBytes(stored)));
                    return SubResources.written(entityId, result, out, true);
                });
    }

    @DELETE
    @Path("{id}/statements/{key}")
    public Uni<Response> remove(
            @PathParam("id") String id, @PathParam("key") String key, @BeanParam EditHeaders headers) {
        EntityId subject = EditRequests.entityOrLexemePart(id);
        EntityId entityId = StatementEdits.owner(subject);
        Key statement = Key.parse(key);
        EditContext context = headers.context();
        return writes.edit(entityId, context, StatementEdits.remove(subject, statement))
                .map(result -> SubResources.written(
                        entityId,
                        result,
                        EntityResponses.object().put("statement", key).put("deleted", true),
                        false));
    }

    @PATCH
    @Path("{id}/statements/{key}")
    @Consumes(JSON_PATCH)
    public Uni<Response> patch(
            @PathParam("id") String id, @PathParam("key") String key, byte[] body, @BeanParam EditHeaders headers) {
        EntityId subject = EditRequests.entityOrLexemePart(id);
        EntityId entityId = StatementEdits.owner(subject);
        Key statement = Key.parse(key);
        EditContext context = headers.context();
        JsonPatch patch = JsonPatch.parse(SubResources.json(body));
        AtomicReference<String> guid = new AtomicReference<>();
        return writes.edit(entityId, context, current -> {
                    Entity changed =
                            StatementEdits.patch(subject, statement, patch).apply(current);
                    guid.set(patchedGuid(
                            StatementEdits.claims(current, subject), StatementEdits.claims(changed, subject)));
                    return changed;
                })
                .map(result -> {
                    ObjectNode out = EntityResponses.object();
                    Map<String, List<Statement>> claims = StatementEdits.claims(result.entity(), subject);
                    Statement patched = guid.get() != null
                            ? find(claims, guid.get())
                            : statement.guid() != null
                                    ? find(claims, statement.guid())
                                    : claims.values().stream()
                                            .flatMap(List::stream)
                                            .filter(statement::matches)
                                            .findFirst()
                                            .orElse(null);
                    out.set("statement", patched == null ? null : SubResources.tree(WRITER.toBytes(patched)));
                    return SubResources.written(entityId, result, out, false);
                });
    }

    private List<Statement> statements(byte[] body, EntityId subject) {
        if (body == null || body.length == 0) {
            throw new ApiException(400, "missing-body", "the request needs a statement or an array of statements");
        }
        if (body.length > maxBody) {
            throw EntityErrors.tooLarge(body.length, maxBody);
        }
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        try {
            return first < body.length && body[first] == '['
                    ? WikibaseJsonReader.strict().readStatementList(body, subject)
                    : List.of(WikibaseJsonReader.strict().readStatement(body, subject));
        } catch (WikibaseJsonException e) {
            throw EntityErrors.invalidJson(e);
        }
    }

    /** The GUID of the one statement {@code patch} changed (same GUID before and after). */
    private static String patchedGuid(Map<String, List<Statement>> before, Map<String, List<Statement>> after) {
        for (List<Statement> list : after.values()) {
            for (Statement s : list) {
                if (!before.getOrDefault(s.property(), List.of()).contains(s)) {
                    return s.id();
                }
            }
        }
        return null; // the patch changed nothing: a null edit
    }

    private static Statement find(Map<String, List<Statement>> claims, String guid) {
        return guid == null ? null : StatementEdits.find(claims, guid);
    }
}
