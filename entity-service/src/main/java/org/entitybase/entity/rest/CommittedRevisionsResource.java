package org.entitybase.entity.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.entitybase.entity.service.EntityReadService;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@code POST /internal/revisions/committed {"content_hashes": [...]}}: which of up to
 * {@value #MAX_HASHES} pack keys (SHA-256 hex) a committed revision references, as its {@code content_hash} or
 * {@code checkpoint_hash}; statement-service's orphan cleanup keeps those. Internal: the gateway routes no
 * {@code /internal} path.
 */
@Path("/internal/revisions/committed")
public class CommittedRevisionsResource {

    static final int MAX_HASHES = 1000;

    private final EntityReadService reads;

    CommittedRevisionsResource(EntityReadService reads) {
        this.reads = reads;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> committed(byte[] body) {
        List<String> hashes = hashes(SubResources.json(body));
        return reads.committed(hashes).map((Set<String> found) -> {
            ObjectNode out = EntityResponses.object();
            ArrayNode list = out.putArray("committed");
            hashes.stream().filter(found::contains).distinct().forEach(list::add);
            return out;
        });
    }

    private static List<String> hashes(JsonNode body) {
        JsonNode list = body.isObject() ? body.get("content_hashes") : null;
        if (list == null || !list.isArray()) {
            throw new ApiException(
                    400, "missing-field", "content_hashes (an array) is required", Map.of("path", "content_hashes"));
        }
        if (list.size() > MAX_HASHES) {
            throw new ApiException(
                    400,
                    "too-many-hashes",
                    "at most " + MAX_HASHES + " hashes per request, not " + list.size(),
                    Map.of("path", "content_hashes", "limit", MAX_HASHES));
        }
        List<String> hashes = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode h = list.get(i);
            if (!h.isTextual() || !isSha256(h.textValue())) {
                throw new ApiException(
                        400,
                        "invalid-value",
                        "content_hashes[" + i + "] is not 64 lowercase hex digits",
                        Map.of("path", "content_hashes[" + i + "]"));
            }
            hashes.add(h.textValue());
        }
        return hashes;
    }

    private static boolean isSha256(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
