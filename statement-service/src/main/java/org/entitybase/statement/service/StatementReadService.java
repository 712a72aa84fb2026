package org.entitybase.statement.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.statement.repository.BacklinkRepository;
import org.entitybase.statement.repository.StatementRepository;
import org.entitybase.statement.repository.StatementRow;
import org.entitybase.statement.storage.StatementStore;

/** Statements by address with their counts, most-used statements, backlinks. Answers are JSON trees. */
@ApplicationScoped
public class StatementReadService {

    public static final int MAX_BATCH = 500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_CONCURRENCY = 8;

    private final Pool pool;
    private final StatementRepository statements;
    private final BacklinkRepository backlinks;
    private final StatementStore store;

    StatementReadService(
            Pool pool, StatementRepository statements, BacklinkRepository backlinks, StatementStore store) {
        this.pool = pool;
        this.statements = statements;
        this.backlinks = backlinks;
        this.store = store;
    }

    /** {@code {hash, statement, ref_count, head_ref_count, property}}; 404 for an address nothing references. */
    public Uni<ObjectNode> get(String hash) {
        return statements.find(pool, hash).flatMap(row -> {
            if (row == null) {
                throw new ApiException(
                        404, "statement-not-found", "no statement has address " + hash, Map.of("hash", hash));
            }
            return describe(row);
        });
    }

    /** {@code {statements: [...], missing: [...]}} in request order (duplicates once). */
    public Uni<ObjectNode> batch(List<String> hashes) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(hashes));
        return statements
                .findAll(pool, distinct)
                .flatMap(rows -> Multi.createFrom()
                        .iterable(distinct)
                        .filter(rows::containsKey)
                        .onItem()
                        .transformToUni(h -> describe(rows.get(h)))
                        .merge(READ_CONCURRENCY)
                        .collect()
                        .asMap(node -> node.get("hash").asText())
                        .map(found -> {
                            ObjectNode out = JSON.createObjectNode();
                            ArrayNode list = out.putArray("statements");
                            ArrayNode missing = out.putArray("missing");
                            for (String h : distinct) {
                                if (found.containsKey(h)) {
                                    list.add(found.get(h));
                                } else {
                                    missing.add(h);
                                }
                            }
                            return out;
                        }));
    }

    /** Statements held by the most current heads (ties by address), optionally of one property. */
    public Uni<ObjectNode> mostUsed(String property, int limit) {
        return statements.mostUsed(pool, property, limit).map(rows -> {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode list = out.putArray("statements");
            rows.forEach(r -> list.add(counts(r)));
            return out;
        });
    }

    /**
     * {@code {id, backlinks: [{id, property}], next}}: entities whose head links to {@code target}, ordered by source
     * then property; {@code next} is the {@code after} cursor of the following page (null on the last one).
     */
    public Uni<ObjectNode> backlinks(String target, String property, String after, int limit) {
        String afterSource = "";
        String afterProperty = "";
        if (after != null) {
            int colon = after.indexOf(':');
            afterSource = colon < 0 ? after : after.substring(0, colon);
            afterProperty = colon < 0 ? "" : after.substring(colon + 1);
        }
        if (property != null) {
            afterProperty = "";
        }
        return backlinks
                .page(pool, target, property, afterSource, afterProperty, limit + 1)
                .map(page -> {
                    ObjectNode out = JSON.createObjectNode().put("id", target);
                    ArrayNode list = out.putArray("backlinks");
                    page.stream()
                            .limit(limit)
                            .forEach(b -> list.addObject().put("id", b.source()).put("property", b.property()));
                    if (page.size() > limit) {
                        Backlink last = page.get(limit - 1);
                        out.put("next", property != null ? last.source() : last.source() + ":" + last.property());
                    } else {
                        out.putNull("next");
                    }
                    return out;
                });
    }

    private Uni<ObjectNode> describe(StatementRow row) {
        return store.get(row.hash()).map(json -> {
            if (json == null) {
                // a referenced address always has its object: lost data, not a client error
                throw new IllegalStateException("statement object " + row.hash() + " is missing from S3");
            }
            ObjectNode node = counts(row);
            node.set("statement", parse(json));
            return node;
        });
    }

    private static ObjectNode counts(StatementRow row) {
        return JSON.createObjectNode()
                .put("hash", row.hash())
                .put("property", row.property())
                .put("ref_count", row.refCount())
                .put("head_ref_count", row.headRefCount());
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("statement object is not JSON", e);
        }
    }
}
