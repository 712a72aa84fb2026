package org.entitybase.entity.rest;

import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EditResult;
import org.entitybase.entity.service.EntityErrors;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.entity.service.EntitySitelinks;
import org.entitybase.entity.service.EntityWriteService;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.error.WikibaseJsonException;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.model.json.WikibaseJsonWriter;
import org.entitybase.model.json.WikibaseSyntax;
import org.entitybase.model.sitelink.Sitelink;
import org.entitybase.runtime.rest.ApiException;

/**
 * An item's sitelinks (API.md "Sub-resources"). Body {@code {"title": "…", "badges": ["Q…"]}} (a {@code site}
 * field, if given, must be the path's), read as entity JSON reads a sitelink. {@code POST} adds (201; 409
 * {@code sitelink-exists} when the item links the site already), {@code PUT} adds or replaces, {@code DELETE}
 * removes (404 {@code sitelink-not-found}). A (site, title) pair of another item is 409 {@code sitelink-conflict}
 * naming it ({@code context.conflicting_entity_id}). Other entity types have no sitelinks: 400
 * {@code entity-type-mismatch}.
 */
@Path("/entities/{id}/sitelinks")
@Produces(MediaType.APPLICATION_JSON)
public class SitelinkResource {

    private static final WikibaseJsonWriter WRITER = new WikibaseJsonWriter();

    private final EntityWriteService writes;
    private final EntityReadService reads;

    SitelinkResource(EntityWriteService writes, EntityReadService reads) {
        this.writes = writes;
        this.reads = reads;
    }

    @GET
    public Uni<Response> all(@PathParam("id") String id, @Context UriInfo uri) {
        EntityId item = item(id);
        return SubResources.read(
                reads, item, uri, e -> SubResources.tree(WRITER.sitelinksToBytes(EntitySitelinks.of(e))));
    }

    @GET
    @Path("{site}")
    public Uni<Response> one(@PathParam("id") String id, @PathParam("site") String site, @Context UriInfo uri) {
        EntityId item = item(id);
        String checked = site(site);
        return SubResources.read(
                reads, item, uri, e -> SubResources.tree(WRITER.toBytes(EntitySitelinks.get(e, checked))));
    }

    @POST
    @Path("{site}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> add(
            @PathParam("id") String id, @PathParam("site") String site, byte[] body, @BeanParam EditHeaders headers) {
        EntityId item = item(id);
        Sitelink link = sitelink(site(site), body);
        return write(item, headers.context(), link.site(), EntitySitelinks.add(link), true);
    }

    @PUT
    @Path("{site}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> set(
            @PathParam("id") String id, @PathParam("site") String site, byte[] body, @BeanParam EditHeaders headers) {
        EntityId item = item(id);
        Sitelink link = sitelink(site(site), body);
        return write(item, headers.context(), link.site(), EntitySitelinks.set(link), false);
    }

    @DELETE
    @Path("{site}")
    public Uni<Response> remove(
            @PathParam("id") String id, @PathParam("site") String site, @BeanParam EditHeaders headers) {
        EntityId item = item(id);
        String checked = site(site);
        EditContext context = headers.context();
        return writes.edit(item, context, EntitySitelinks.remove(checked))
                .map(result -> SubResources.written(
                        item,
                        result,
                        EntityResponses.object().put("site", checked).put("deleted", true),
                        false));
    }

    private Uni<Response> write(
            EntityId item, EditContext context, String site, UnaryOperator<Entity> change, boolean add) {
        return writes.edit(item, context, change).map((EditResult result) -> {
            ObjectNode body = EntityResponses.object();
            body.set("sitelink", SubResources.tree(WRITER.toBytes(EntitySitelinks.get(result.entity(), site))));
            return SubResources.written(item, result, body, add);
        });
    }

    private static EntityId item(String id) {
        return EntitySitelinks.itemId(EditRequests.entityId(id));
    }

    private static String site(String site) {
        if (!WikibaseSyntax.isSiteId(site)) {
            throw new ApiException(
                    400,
                    "invalid-value",
                    "not a site id (like enwiki): " + site,
                    Map.of("parameter", "site", "site", String.valueOf(site)));
        }
        return site;
    }

    private static Sitelink sitelink(String site, byte[] body) {
        JsonNode json = SubResources.json(body);
        if (!json.isObject()) {
            throw new ApiException(400, "invalid-json", "the body must be a JSON object", Map.of("path", ""));
        }
        ObjectNode object = (ObjectNode) json;
        JsonNode given = object.get("site");
        if (given != null && !(given.isTextual() && given.textValue().equals(site))) {
            throw new ApiException(
                    400,
                    "inconsistent-value",
                    "the body's site differs from the path's " + site,
                    Map.of("path", "site", "site", site));
        }
        object.put("site", site);
        if (!object.has("badges")) {
            object.putArray("badges");
        }
        try {
            return WikibaseJsonReader.strict().readSitelink(SubResources.bytes(object));
        } catch (WikibaseJsonException e) {
            throw EntityErrors.invalidJson(e);
        }
    }
}
