package org.entitybase.ids;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.ids.IdRangesApi.Answer;
import org.entitybase.ids.IdRangesApi.Claimed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Claims, reservations and refusals of one allocator against the real MariaDB. */
@QuarkusTest
class IdRangeAllocationIT {

    private static final List<String> TYPES = List.of("item", "property", "lexeme");
    private static final int CALLERS = 16;
    private static final int CLAIMS_PER_TYPE = 64;

    @Inject
    Pool pool;

    private IdRangesApi api;

    @BeforeEach
    void pointAtTheTestInstance() {
        api = IdRangesApi.onPort(RestAssured.port);
    }

    @Test
    void concurrentClaimsGetDisjointRangesThatTileEachTypesIdSpace() throws Exception {
        String owner = "it-" + UUID.randomUUID();
        Map<String, Double> handedOutBefore = handedOutMetric();
        List<Callable<Claimed>> claims = new ArrayList<>();
        for (int i = 0; i < CLAIMS_PER_TYPE; i++) {
            int size = 1 + (i * 37) % 100; // sizes 1..100, so ranges of different lengths interleave
            for (String type : TYPES) {
                claims.add(() -> api.claim(type, size, owner));
            }
        }

        List<Claimed> claimed = runConcurrently(claims);

        for (String type : TYPES) {
            List<Claimed> ofType = claimed.stream()
                    .filter(c -> c.entityType().equals(type))
                    .sorted(Comparator.comparingLong(Claimed::start))
                    .toList();
            assertThat(ofType).hasSize(CLAIMS_PER_TYPE);
            for (int i = 1; i < ofType.size(); i++) {
                assertThat(ofType.get(i).start())
                        .as("%s starts after %s", ofType.get(i), ofType.get(i - 1))
                        .isGreaterThan(ofType.get(i - 1).end());
            }
            StoredRanges stored = StoredRanges.read(pool, type).assertTiled();
            // exactly our claims carry our owner, as claimed ranges
            assertThat(stored.ranges().stream()
                            .filter(r -> owner.equals(r.owner()))
                            .map(r -> r.start() + ".." + r.end() + " " + r.state()))
                    .containsExactlyElementsOf(ofType.stream()
                            .map(c -> c.start() + ".." + c.end() + " claimed")
                            .toList());
            long idsClaimed = ofType.stream().mapToLong(Claimed::size).sum();
            assertThat(handedOutMetric().get(type) - handedOutBefore.get(type))
                    .as("entitybase_ids_handed_out_total of %s", type)
                    .isEqualTo((double) idsClaimed);
        }
    }

    @Test
    void aReservationMovesLaterClaimsPastTheReservedIds() {
        long next = api.nextId("property");
        long upTo = next + 500;

        Answer reserved = api.post("/reserve", "{\"entity_type\":\"property\",\"up_to\":" + upTo + "}");
        assertThat(reserved.status()).as("%s", reserved.body()).isEqualTo(200);
        assertThat(reserved.body().get("up_to").longValue()).isEqualTo(upTo);
        assertThat(reserved.body().get("next_id").longValue()).isGreaterThan(upTo);

        Claimed after = api.claim("property", 10, "it-reserve");
        assertThat(after.start()).isGreaterThan(upTo);
        StoredRanges stored = StoredRanges.read(pool, "property").assertTiled();
        assertThat(stored.ranges()).anySatisfy(r -> {
            assertThat(r.end()).isEqualTo(upTo);
            assertThat(r.state()).isEqualTo("reserved");
        });

        // reserving below the counter changes nothing
        long rows = StoredRanges.rowCount(pool);
        long nextBefore = api.nextId("property");
        Answer lower = api.post("/reserve", "{\"entity_type\":\"property\",\"up_to\":" + (upTo - 100) + "}");
        assertThat(lower.status()).isEqualTo(200);
        assertThat(lower.body().get("next_id").longValue()).isGreaterThanOrEqualTo(nextBefore);
        assertThat(api.nextId("property")).isEqualTo(nextBefore);
        assertThat(StoredRanges.rowCount(pool)).isEqualTo(rows);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "claim    | {\"entity_type\":\"form\",\"size\":10,\"owner\":\"it\"}       | invalid-entity-type",
                "claim    | {\"entity_type\":\"mediainfo\",\"size\":10,\"owner\":\"it\"}  | invalid-entity-type",
                "claim    | {\"entity_type\":\"Item\",\"size\":10,\"owner\":\"it\"}       | invalid-entity-type",
                "claim    | {\"entity_type\":\"item\",\"size\":0,\"owner\":\"it\"}        | invalid-range-size",
                "claim    | {\"entity_type\":\"item\",\"size\":-5,\"owner\":\"it\"}       | invalid-range-size",
                "claim    | {\"entity_type\":\"item\",\"size\":10001,\"owner\":\"it\"}    | invalid-range-size",
                "claim    | {\"entity_type\":\"item\",\"size\":1000000000,\"owner\":\"it\"} | invalid-range-size",
                "claim    | {\"entity_type\":\"item\",\"size\":1e9,\"owner\":\"it\"}      | invalid-request",
                "claim    | {\"entity_type\":\"item\",\"size\":\"10\",\"owner\":\"it\"}   | invalid-request",
                "claim    | {\"entity_type\":\"item\",\"size\":10}                        | invalid-request",
                "claim    | {\"entity_type\":\"item\",\"size\":10,\"owner\":\"\"}         | invalid-owner",
                "claim    | {\"entity_type\":7,\"size\":10,\"owner\":\"it\"}              | invalid-request",
                "claim    | `[]`                                                          | invalid-request",
                "claim    | `\"item\"`                                                    | invalid-request",
                "claim    | `{nope`                                                       | invalid-json",
                "claim    | ``                                                            | invalid-request",
                "reserve  | {\"entity_type\":\"item\",\"up_to\":0}                        | invalid-id",
                "reserve  | {\"entity_type\":\"item\",\"up_to\":1000000000000000000}      | invalid-id",
                "reserve  | {\"entity_type\":\"item\"}                                    | invalid-request",
                "reserve  | {\"entity_type\":\"sense\",\"up_to\":5}                       | invalid-entity-type",
                "reserve  | ``                                                            | invalid-request",
            })
    void badInputIsRefusedWithAnErrorBodyAndChangesNothing(String route, String body, String code) {
        long rows = StoredRanges.rowCount(pool);
        Map<String, Long> nextIds = nextIds();

        Answer answer = api.post(route.equals("reserve") ? "/reserve" : "", body == null ? "" : body);

        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        assertThat(answer.body().get("code").textValue()).isEqualTo(code);
        assertThat(answer.body().get("message").textValue()).isNotBlank();
        assertThat(answer.body().get("context").isObject()).isTrue();
        assertThat(StoredRanges.rowCount(pool)).isEqualTo(rows);
        assertThat(nextIds()).isEqualTo(nextIds);
    }

    @Test
    void theListingNeedsAKnownTypeAndASaneLimit() {
        assertThat(api.get("").status()).isEqualTo(400);
        assertThat(api.get("?entity_type=form").body().get("code").textValue()).isEqualTo("invalid-entity-type");
        assertThat(api.get("?entity_type=item&limit=0").body().get("code").textValue())
                .isEqualTo("invalid-limit");
        assertThat(api.get("?entity_type=item&limit=many").body().get("code").textValue())
                .isEqualTo("invalid-limit");

        Claimed claimed = api.claim("lexeme", 3, "it-listing");
        Answer listing = api.get("?entity_type=lexeme&limit=5");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body().get("next_id").longValue()).isGreaterThan(claimed.end());
        Set<String> listed = new HashSet<>();
        listing.body()
                .get("ranges")
                .forEach(r -> listed.add(r.get("range_start").longValue() + ".."
                        + r.get("range_end").longValue() + " " + r.get("owner").textValue() + " "
                        + r.get("state").textValue()));
        assertThat(listing.body().get("ranges")).hasSizeBetween(1, 5);
        assertThat(listed).contains(claimed.start() + ".." + claimed.end() + " it-listing claimed");
    }

    private Map<String, Long> nextIds() {
        return TYPES.stream()
                .collect(
                        Collectors.toMap(t -> t, t -> StoredRanges.read(pool, t).nextId()));
    }

    private static final Pattern HANDED_OUT =
            Pattern.compile("^entitybase_ids_handed_out_total\\{entity_type=\"(\\w+)\",?} (\\S+)$", Pattern.MULTILINE);

    private static Map<String, Double> handedOutMetric() {
        String metrics =
                given().accept("text/plain; version=0.0.4").get("/q/metrics").asString();
        Matcher m = HANDED_OUT.matcher(metrics);
        Map<String, Double> values = new java.util.HashMap<>();
        while (m.find()) {
            values.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        assertThat(values).as(metrics).containsOnlyKeys(TYPES);
        return values;
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : callers.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            callers.shutdownNow();
        }
    }
}
