package org.entitybase.user.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.rest.RequestParams;
import org.entitybase.user.repository.ApiKeyRepository;
import org.entitybase.user.repository.ApiKeyRepository.ApiKeyRow;
import org.entitybase.user.repository.Sql;
import org.entitybase.user.repository.UserRepository;

/**
 * API keys for bots (issue 16): {@code ebk_<key id>_<secret>}, a 64-bit public id and a 256-bit secret from a
 * SecureRandom. Only the SHA-256 of the whole key is stored: with 256 random bits nothing is gained by salting or a
 * slow hash (those protect guessable passwords), and a keyed hash would add a secret to keep and rotate for no gain
 * against a guess of 2^256. The gateway verifies a key here ({@link #verify}) and caches the answer briefly.
 */
@ApplicationScoped
public class ApiKeyService {

    public static final String PREFIX = "ebk_";
    /**
     * The roles a key may carry: the gateway's {@code Role} names (org.entitybase.gateway.auth.Role, the authority on
     * what each may do); repeated here only to refuse a misspelt role when the key is made.
     */
    public static final Set<String> ROLES = Set.of("reader", "editor", "bot", "importer", "admin");

    private static final Pattern FORMAT = Pattern.compile("ebk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LABEL = 255;

    private final Pool pool;
    private final ApiKeyRepository keys;
    private final UserRepository users;

    ApiKeyService(Pool pool, ApiKeyRepository keys, UserRepository users) {
        this.pool = pool;
        this.keys = keys;
        this.users = users;
    }

    /** A new key and the row that stores it; the key itself is in nothing but this answer. */
    public record Created(String key, ApiKeyRow row) {}

    public Uni<Created> create(long userId, List<String> roles, String label, long createdBy) {
        String joined = roles(roles);
        if (label.length() > MAX_LABEL) {
            throw RequestParams.invalidBody("label", "label is at most " + MAX_LABEL + " characters");
        }
        return users.find(pool, userId).flatMap(user -> {
            if (user == null) {
                throw new ApiException(
                        422, "unknown-user", "user " + userId + " does not exist", Map.of("user_id", userId));
            }
            // a taken key id is a collision of 64 random bits: one more draw
            return insertNew(userId, joined, label, createdBy)
                    .onFailure(Sql::isDuplicateKey)
                    .recoverWithUni(() -> insertNew(userId, joined, label, createdBy));
        });
    }

    private Uni<Created> insertNew(long userId, String roles, String label, long createdBy) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String key =
                PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKeyRow row =
                new ApiKeyRow(keyId, sha256(key), userId, roles, label, createdBy, UserService.now(), null, null);
        return keys.insert(pool, row).replaceWith(new Created(key, row));
    }

    /** The key's row if {@code key} is a valid, unrevoked key; else null. */
    public Uni<ApiKeyRow> verify(String key) {
        Matcher m = key == null ? null : FORMAT.matcher(key);
        if (m == null || !m.matches()) {
            return Uni.createFrom().nullItem();
        }
        byte[] presented = sha256(key);
        return keys.find(pool, m.group(1))
                .map(row -> row != null && row.revokedAt() == null && MessageDigest.isEqual(row.sha256(), presented)
                        ? row
                        : null);
    }

    public Uni<ApiKeyRow> find(String keyId) {
        return keys.find(pool, keyId(keyId)).map(row -> {
            if (row == null) {
                throw notFound(keyId);
            }
            return row;
        });
    }

    /** Revokes the key (a repeat answers as the first did); 404 for an unknown key. */
    public Uni<ApiKeyRow> revoke(String keyId, long by) {
        String id = keyId(keyId);
        return keys.revoke(pool, id, by, UserService.now()).flatMap(revoked -> find(id));
    }

    /** {@code {api_keys: [...], next}} by key id; {@code after} is a previous page's {@code next}. */
    public Uni<ObjectNode> list(Long userId, String after, int limit) {
        String from = after == null ? "" : keyId(after);
        return keys.page(pool, userId, from, limit + 1).map(page -> {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode list = out.putArray("api_keys");
            page.stream().limit(limit).forEach(row -> list.add(json(row)));
            out.put("next", page.size() > limit ? page.get(limit - 1).keyId() : null);
            return out;
        });
    }

    /** A key as clients see it: never the secret nor its hash. */
    public static ObjectNode json(ApiKeyRow row) {
        ObjectNode out = JSON.createObjectNode()
                .put("key_id", row.keyId())
                .put("user_id", row.userId())
                .put("label", row.label())
                .put("created_by", row.createdBy())
                .put("created_at", row.createdAt().toString())
                .put("revoked", row.revokedAt() != null);
        ArrayNode roles = out.putArray("roles");
        for (String role : row.roles().split(",")) {
            roles.add(role);
        }
        if (row.revokedAt() != null) {
            out.put("revoked_by", row.revokedBy())
                    .put("revoked_at", row.revokedAt().toString());
        }
        return out;
    }

    private static String roles(List<String> roles) {
        if (roles.isEmpty()) {
            throw RequestParams.invalidBody("roles", "roles names at least one role");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw RequestParams.invalidBody(
                        "roles", "unknown role " + role + "; roles are " + new TreeSet<>(ROLES));
            }
            distinct.add(role);
        }
        return String.join(",", distinct);
    }

    private static String keyId(String value) {
        if (value == null || !KEY_ID.matcher(value).matches()) {
            throw RequestParams.invalid("key_id", value, "a key id is 16 lowercase hex digits");
        }
        return value;
    }

    private static ApiException notFound(String keyId) {
        return new ApiException(404, "not-found", "no API key " + keyId, Map.of("key_id", keyId));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JVM", e);
        }
    }
}
