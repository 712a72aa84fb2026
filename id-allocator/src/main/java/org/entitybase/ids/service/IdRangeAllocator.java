package org.entitybase.ids.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import org.entitybase.ids.repository.IdRangeRepository;
import org.entitybase.ids.repository.IdRangeRow;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;
import org.entitybase.runtime.sql.SqlErrors;

/**
 * Hands out disjoint id ranges per entity type. Each claim is one transaction that locks the type's counter row, so
 * any number of allocator instances may run against the same keyspace: their claims of one type queue on the row
 * lock. A crash before commit hands out nothing; a crash after commit (or of the entity-service that held the range)
 * leaves a gap. No id is ever in two ranges.
 */
@ApplicationScoped
@Startup // registers the counters at start: they read 0, not absent, until the first claim
public class IdRangeAllocator {

    /** The types whose ids are numbered by a counter (mediainfo ids come from page ids, forms and senses from their lexeme). */
    public static final List<EntityType> TYPES = List.of(EntityType.ITEM, EntityType.PROPERTY, EntityType.LEXEME);

    public static final int MAX_RANGE_SIZE = 10_000;

    /** Wikibase ids have at most 18 digits ({@code EntityId}). */
    public static final long MAX_ID = 999_999_999_999_999_999L;

    public static final int MAX_OWNER_LENGTH = 128;

    public static final int MAX_LISTED_RANGES = 1000;

    static final String IDS_HANDED_OUT = "entitybase.ids.handed.out";
    static final String IDS_RESERVED = "entitybase.ids.reserved";

    private static final int TRANSIENT_RETRIES = 3;

    private final Pool pool;
    private final IdRangeRepository repository;
    private final Map<EntityType, Counter> handedOut;
    private final Map<EntityType, Counter> reserved;
    private final Clock clock = Clock.systemUTC();

    IdRangeAllocator(Pool pool, IdRangeRepository repository, MeterRegistry meters) {
        this.pool = pool;
        this.repository = repository;
        this.handedOut = counters(meters, IDS_HANDED_OUT, "ids handed out in claimed ranges");
        this.reserved = counters(meters, IDS_RESERVED, "ids skipped by reserve requests");
    }

    /** The allocatable type named {@code name} in JSON ({@code item}, {@code property}, {@code lexeme}). */
    public static EntityType allocatableType(String name) {
        EntityType type = EntityType.fromJsonName(name);
        if (type == null || !TYPES.contains(type)) {
            throw new ApiException(
                    400,
                    "invalid-entity-type",
                    "entity_type must be one of "
                            + TYPES.stream().map(EntityType::jsonName).toList(),
                    Map.of("entity_type", name));
        }
        return type;
    }

    /** Claims the {@code size} ids after the highest id handed out or reserved so far for {@code type}. */
    public Uni<IdRangeRow> claim(EntityType type, long size, String owner) {
        if (size < 1 || size > MAX_RANGE_SIZE) {
            throw new ApiException(
                    400,
                    "invalid-range-size",
                    "size must be from 1 to " + MAX_RANGE_SIZE,
                    Map.of("size", size, "max", MAX_RANGE_SIZE));
        }
        requireOwner(owner);
        String typeName = type.jsonName();
        return detached(inTransaction(tx -> {
                    LocalDateTime now = LocalDateTime.now(clock);
                    return repository.lockNextId(tx, typeName, now).flatMap(start -> {
                        long end = start + size - 1;
                        if (end > MAX_ID) {
                            throw new ApiException(
                                    409,
                                    "id-space-exhausted",
                                    "no " + size + " more " + typeName + " ids below " + MAX_ID,
                                    Map.of("entity_type", typeName, "next_id", start));
                        }
                        IdRangeRow range = new IdRangeRow(typeName, start, end, owner, IdRangeRow.CLAIMED, now);
                        return repository
                                .advance(tx, typeName, end + 1, now)
                                .flatMap(advanced -> repository.insert(tx, range))
                                .replaceWith(range);
                    });
                })
                .invoke(range -> handedOut.get(type).increment(range.size())));
    }

    /**
     * Makes sure no later claim of {@code type} hands out an id up to {@code upTo}: moves the counter past it when it
     * is lower, recording the skipped ids as a {@code reserved} range. Returns the next free id. Ranges claimed
     * before may still hold such ids: whoever writes an entity under a kept id must not overwrite an existing one.
     */
    public Uni<Long> reserveUpTo(EntityType type, long upTo, String owner) {
        if (upTo < 1 || upTo > MAX_ID) {
            throw new ApiException(
                    400, "invalid-id", "up_to must be from 1 to " + MAX_ID, Map.of("up_to", upTo, "max", MAX_ID));
        }
        if (owner != null) {
            requireOwner(owner);
        }
        String typeName = type.jsonName();
        return detached(inTransaction(tx -> {
                            LocalDateTime now = LocalDateTime.now(clock);
                            return repository.lockNextId(tx, typeName, now).flatMap(next -> {
                                if (next > upTo) {
                                    return Uni.createFrom().item(new Skipped(next, 0));
                                }
                                IdRangeRow range =
                                        new IdRangeRow(typeName, next, upTo, owner, IdRangeRow.RESERVED, now);
                                return repository
                                        .advance(tx, typeName, upTo + 1, now)
                                        .flatMap(advanced -> repository.insert(tx, range))
                                        .replaceWith(new Skipped(upTo + 1, range.size()));
                            });
                        })
                        .invoke(skipped -> reserved.get(type).increment(skipped.ids())))
                .map(Skipped::nextId);
    }

    /** A reservation's outcome: the next free id after it, and how many ids it skipped. */
    private record Skipped(long nextId, long ids) {}

    /** The next free id of {@code type} and its {@code limit} highest ranges, highest first. */
    public Uni<Listing> list(EntityType type, int limit) {
        if (limit < 1 || limit > MAX_LISTED_RANGES) {
            throw new ApiException(
                    400,
                    "invalid-limit",
                    "limit must be from 1 to " + MAX_LISTED_RANGES,
                    Map.of("limit", limit, "max", MAX_LISTED_RANGES));
        }
        String typeName = type.jsonName();
        return repository
                .nextId(pool, typeName)
                .flatMap(next -> repository
                        .latest(pool, typeName, limit)
                        .map(ranges -> new Listing(type, next.orElse(1L), ranges)));
    }

    public record Listing(EntityType type, long nextId, List<IdRangeRow> ranges) {}

    private <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        // InnoDB may pick a claim as a deadlock victim (two first claims of a type creating its counter row):
        // the transaction rolled back whole, so running it again is safe.
        return pool.withTransaction(work)
                .onFailure(SqlErrors::isTransient)
                .retry()
                .atMost(TRANSIENT_RETRIES);
    }

    /**
     * Runs {@code write} to its end even when the caller stops waiting (an HTTP client that hangs up cancels the
     * request's Uni): a transaction the database commits is then also counted in the metrics.
     */
    private static <T> Uni<T> detached(Uni<T> write) {
        return Uni.createFrom().emitter(emitter -> write.subscribe().with(emitter::complete, emitter::fail));
    }

    private static void requireOwner(String owner) {
        if (owner == null
                || owner.isBlank()
                || owner.length() > MAX_OWNER_LENGTH
                || !owner.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ApiException(
                    400,
                    "invalid-owner",
                    "owner must be 1 to " + MAX_OWNER_LENGTH + " printable ASCII characters",
                    Map.of("field", "owner"));
        }
    }

    private static Map<EntityType, Counter> counters(MeterRegistry meters, String name, String description) {
        Map<EntityType, Counter> counters = new EnumMap<>(EntityType.class);
        for (EntityType type : TYPES) {
            counters.put(
                    type,
                    Counter.builder(name)
                            .description(description)
                            .tag("entity_type", type.jsonName())
                            .register(meters));
        }
        return Map.copyOf(counters);
    }
}
