package org.entitybase.ids;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.ids.IdRangesApi.Claimed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three allocators on one database (this test's instance and two packaged ones in their own JVMs) claim ranges at
 * the same time; then one is killed with SIGKILL in the middle of a race. No id is ever in two ranges; the kill
 * leaves at most gaps.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManyAllocatorsIT {

    private static final List<String> TYPES = List.of("item", "property", "lexeme");
    private static final int CALLERS = 24;

    private static AllocatorProcess second;
    private static AllocatorProcess third;

    @Inject
    Pool pool;

    @BeforeAll
    static void startTwoMoreAllocators() {
        second = AllocatorProcess.start();
        third = AllocatorProcess.start();
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (third != null) {
            third.close();
        }
    }

    @Test
    @Order(1)
    void racingAllocatorsNeverHandOutOverlappingRanges() throws Exception {
        String run = "race-" + UUID.randomUUID();
        List<IdRangesApi> allocators = List.of(
                IdRangesApi.onPort(RestAssured.port),
                IdRangesApi.onPort(second.port()),
                IdRangesApi.onPort(third.port()));
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<Claimed>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 90; i++) {
                IdRangesApi allocator = allocators.get(i % allocators.size());
                int size = 1 + (i * 13) % 50;
                for (String type : TYPES) {
                    futures.add(callers.submit(() -> allocator.claim(type, size, run + "@" + allocator.port())));
                }
            }
            List<Claimed> claimed = new ArrayList<>();
            for (Future<Claimed> future : futures) {
                claimed.add(future.get(60, TimeUnit.SECONDS));
            }

            assertNoOverlap(claimed);
            assertThat(claimed.stream().collect(Collectors.groupingBy(Claimed::port, Collectors.counting())))
                    .as("claims answered per allocator")
                    .containsOnlyKeys(allocators.stream().map(IdRangesApi::port).toList())
                    .allSatisfy((port, count) -> assertThat(count).isEqualTo(90L));
            for (String type : TYPES) {
                Set<String> stored = storedOf(type, run);
                assertThat(stored)
                        .containsExactlyInAnyOrderElementsOf(claimed.stream()
                                .filter(c -> c.entityType().equals(type))
                                .map(ManyAllocatorsIT::key)
                                .toList());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void killingAnAllocatorMidRaceLeavesGapsButNoDuplicates() throws Exception {
        String run = "crash-" + UUID.randomUUID();
        List<IdRangesApi> allocators = List.of(
                IdRangesApi.onPort(RestAssured.port),
                IdRangesApi.onPort(second.port()),
                IdRangesApi.onPort(third.port()));
        int victimPort = third.port();
        Collection<Claimed> claimed = new ConcurrentLinkedQueue<>();
        AtomicInteger failedAtVictim = new AtomicInteger();
        CountDownLatch victimWarm = new CountDownLatch(30);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < CALLERS; t++) {
                int caller = t;
                loops.add(callers.submit(() -> {
                    for (int k = 0; k < 45; k++) {
                        IdRangesApi allocator = allocators.get((caller + k) % allocators.size());
                        String type = TYPES.get(k % TYPES.size());
                        try {
                            claimed.add(allocator.claim(type, 1 + (k * 7) % 30, run + "@" + allocator.port()));
                            if (allocator.port() == victimPort) {
                                victimWarm.countDown();
                            }
                        } catch (RuntimeException e) {
                            // only the killed instance may fail: connection refused or reset
                            assertThat(allocator.port())
                                    .as("failure at %s: %s", allocator.port(), e)
                                    .isEqualTo(victimPort);
                            failedAtVictim.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            assertThat(victimWarm.await(60, TimeUnit.SECONDS))
                    .as("victim served 30 claims")
                    .isTrue();
            third.kill();
            for (Future<?> loop : loops) {
                loop.get(120, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(third.isAlive()).isFalse();
        assertThat(failedAtVictim.get())
                .as("claims sent to the dead allocator failed")
                .isPositive();

        // survivors keep going, above everything handed out so far
        long highestItem = claimed.stream()
                .filter(c -> c.entityType().equals("item"))
                .mapToLong(Claimed::end)
                .max()
                .orElseThrow();
        for (IdRangesApi survivor : allocators.subList(0, 2)) {
            claimed.add(survivor.claim("item", 5, run + "@" + survivor.port()));
        }

        assertNoOverlap(List.copyOf(claimed));
        int gaps = 0;
        for (String type : TYPES) {
            Set<String> stored = storedOf(type, run);
            Set<String> answered = claimed.stream()
                    .filter(c -> c.entityType().equals(type))
                    .map(ManyAllocatorsIT::key)
                    .collect(Collectors.toSet());
            // every range a caller was given is recorded; recorded but never answered = committed as the
            // victim died: a gap, never handed out again
            assertThat(stored).containsAll(answered);
            gaps += stored.size() - answered.size();
        }
        List<Claimed> after = claimed.stream()
                .filter(c -> c.entityType().equals("item") && c.start() > highestItem)
                .toList();
        assertThat(after).hasSizeGreaterThanOrEqualTo(2);
        System.out.printf(
                "allocator killed mid-race: %d claims answered, %d failed at the dead instance, %d ranges lost as gaps%n",
                claimed.size(), failedAtVictim.get(), gaps);
    }

    /** Claimed ranges of one type never share an id; the table tiles each type's id space. */
    private void assertNoOverlap(List<Claimed> claimed) {
        Map<String, List<Claimed>> byType = claimed.stream().collect(Collectors.groupingBy(Claimed::entityType));
        byType.forEach((type, ranges) -> {
            List<Claimed> sorted = ranges.stream()
                    .sorted(Comparator.comparingLong(Claimed::start))
                    .toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i).start())
                        .as("%s starts after %s", sorted.get(i), sorted.get(i - 1))
                        .isGreaterThan(sorted.get(i - 1).end());
            }
        });
        for (String type : TYPES) {
            StoredRanges.read(pool, type).assertTiled();
        }
    }

    /** The ranges recorded for this run's owners, as {@code start..end@port}. */
    private Set<String> storedOf(String type, String run) {
        return StoredRanges.read(pool, type).ranges().stream()
                .filter(r -> r.owner() != null && r.owner().startsWith(run + "@"))
                .map(r -> r.start() + ".." + r.end() + "@" + r.owner().substring(run.length() + 1))
                .collect(Collectors.toSet());
    }

    private static String key(Claimed claimed) {
        return claimed.start() + ".." + claimed.end() + "@" + claimed.port();
    }
}
