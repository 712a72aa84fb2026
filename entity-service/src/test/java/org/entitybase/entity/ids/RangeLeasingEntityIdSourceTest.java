package org.entitybase.entity.ids;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import org.entitybase.entity.ids.ManualAllocator.Claim;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeLeasingEntityIdSourceTest {

    private final AtomicLong clock = new AtomicLong();

    private final ManualAllocator allocator = new ManualAllocator();

    @BeforeAll
    static void initialiseMutinyOnOneThread() {
        // Outside Quarkus, the SmallRye context propagation that Mutiny finds on the class path sets itself up on
        // first use, and not thread-safely: let that happen here, not in sixteen threads at once.
        Uni.createFrom().emitter(emitter -> emitter.complete(1)).await().indefinitely();
    }

    private RangeLeasingEntityIdSource source(int rangeSize, int lowWaterMark) {
        return new RangeLeasingEntityIdSource(allocator, rangeSize, lowWaterMark, clock::get, false);
    }

    private static CompletableFuture<EntityId> next(RangeLeasingEntityIdSource source, EntityType type) {
        return source.next(type).subscribeAsCompletionStage();
    }

    /** Taken from memory: complete when next() returns, with the expected id. */
    private static void takesAtOnce(RangeLeasingEntityIdSource source, String expected) {
        CompletableFuture<EntityId> id = next(source, EntityId.parse(expected).type());
        assertThat(id).as("%s without waiting", expected).isCompletedWithValue(EntityId.parse(expected));
    }

    @Test
    void tenThousandConcurrentCallsGetDistinctIdsFromClaimedRangesOnly() throws Exception {
        // an allocator that answers late, from its own threads, as over HTTP
        ExecutorService allocatorThreads = Executors.newFixedThreadPool(2);
        AtomicLong counter = new AtomicLong(1);
        ConcurrentLinkedQueue<IdRange> handedOut = new ConcurrentLinkedQueue<>();
        IdAllocatorClient slowAllocator = new IdAllocatorClient() {
            @Override
            public Uni<IdRange> claim(EntityType type, int size) {
                return Uni.createFrom()
                        .completionStage(CompletableFuture.supplyAsync(
                                () -> {
                                    sleepMicros(ThreadLocalRandom.current().nextInt(2000));
                                    long start = counter.getAndAdd(size);
                                    IdRange range = new IdRange(start, start + size - 1);
                                    handedOut.add(range);
                                    return range;
                                },
                                allocatorThreads));
            }

            @Override
            public Uni<Void> reserveUpTo(EntityType type, long upTo) {
                throw new UnsupportedOperationException();
            }
        };
        RangeLeasingEntityIdSource source =
                new RangeLeasingEntityIdSource(slowAllocator, 100, 20, System::nanoTime, false);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<EntityId>>> batches = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                batches.add(callers.submit(() -> {
                    List<EntityId> ids = new ArrayList<>();
                    for (int i = 0; i < 625; i++) {
                        ids.add(source.next(EntityType.ITEM).await().atMost(Duration.ofSeconds(10)));
                    }
                    return ids;
                }));
            }
            Set<Long> distinct = new HashSet<>();
            int total = 0;
            for (Future<List<EntityId>> batch : batches) {
                for (EntityId id : batch.get(60, TimeUnit.SECONDS)) {
                    assertThat(id.type()).isEqualTo(EntityType.ITEM);
                    distinct.add(id.numericId());
                    total++;
                }
            }
            assertThat(total).isEqualTo(10_000);
            assertThat(distinct).as("no id twice").hasSize(10_000);
            TreeMap<Long, Long> rangeEnds = new TreeMap<>();
            handedOut.forEach(range -> rangeEnds.put(range.start(), range.end()));
            assertThat(distinct.stream().filter(id -> {
                        Map.Entry<Long, Long> range = rangeEnds.floorEntry(id);
                        return range == null || id > range.getValue();
                    }))
                    .as("ids outside every range the allocator handed out")
                    .isEmpty();
            // 10,000 ids of 100-id ranges: 100 claims, plus at most the one claimed ahead
            assertThat(handedOut).hasSizeBetween(100, 101);
        } finally {
            callers.shutdownNow();
            allocatorThreads.shutdownNow();
        }
    }

    @Test
    void claimsTheNextRangeInTheBackgroundOnceBelowTheLowWaterMark() {
        RangeLeasingEntityIdSource source = source(10, 3);

        CompletableFuture<EntityId> first = next(source, EntityType.ITEM);
        assertThat(first).as("nothing leased yet: waits").isNotDone();
        allocator.nextPending().answer(1, 10);
        assertThat(first).isCompletedWithValue(EntityId.parse("Q1"));

        for (int i = 2; i <= 7; i++) {
            takesAtOnce(source, "Q" + i);
        }
        assertThat(allocator.claims()).as("3 ids left: not below the mark yet").isEqualTo(1);

        takesAtOnce(source, "Q8");
        assertThat(allocator.claims()).as("2 left: the next range is claimed").isEqualTo(2);
        takesAtOnce(source, "Q9");
        takesAtOnce(source, "Q10");
        assertThat(allocator.claims()).as("one claim in flight at a time").isEqualTo(2);

        allocator.nextPending().answer(101, 110);
        takesAtOnce(source, "Q101");
        assertThat(allocator.claims()).isEqualTo(2);
        assertThat(source.leasedIdsLeft(EntityType.ITEM)).isEqualTo(9);
    }

    @Test
    void aRangeClaimedAheadIsUsedWithoutWaiting() {
        RangeLeasingEntityIdSource source = source(5, 5);
        source.prefetch();
        assertThat(allocator.pendingClaims()).as("one per leased type").isEqualTo(3);
        Claim item = allocator.nextPending();
        assertThat(item.type()).isEqualTo(EntityType.ITEM);
        assertThat(item.size()).isEqualTo(5);
        item.answer(1, 5);
        allocator.nextPending().answer(1, 5); // property
        allocator.nextPending().answer(1, 5); // lexeme

        takesAtOnce(source, "Q1"); // 4 left < 5: claims ahead
        allocator.nextPending().answer(20, 24);
        for (String id : List.of("Q2", "Q3", "Q4", "Q5", "Q20", "Q21", "P1", "L1")) {
            takesAtOnce(source, id);
        }
    }

    @Test
    void callersArrivingWhileOutOfIdsQueueBehindOneClaim() {
        RangeLeasingEntityIdSource source = source(2, 0);
        List<CompletableFuture<EntityId>> waiting = List.of(
                next(source, EntityType.LEXEME), next(source, EntityType.LEXEME), next(source, EntityType.LEXEME));
        assertThat(waiting).allSatisfy(id -> assertThat(id).isNotDone());
        assertThat(allocator.claims()).isEqualTo(1);

        allocator.nextPending().answer(5, 6);
        assertThat(waiting.get(0)).isCompletedWithValue(EntityId.parse("L5"));
        assertThat(waiting.get(1)).isCompletedWithValue(EntityId.parse("L6"));
        assertThat(waiting.get(2)).as("the range was too small for all").isNotDone();
        assertThat(allocator.claims())
                .as("claimed again for the one still waiting")
                .isEqualTo(2);

        allocator.nextPending().answer(9, 10);
        assertThat(waiting.get(2)).isCompletedWithValue(EntityId.parse("L9"));
    }

    @Test
    void reserveUpToDropsLeasedIdsAtOnceAndTellsTheAllocator() {
        RangeLeasingEntityIdSource source = source(10, 10);
        CompletableFuture<EntityId> first = next(source, EntityType.ITEM);
        allocator.nextPending().answer(1, 10);
        assertThat(first).isCompletedWithValue(EntityId.parse("Q1"));
        allocator.nextPending().answer(11, 20); // claimed ahead at once: 9 left < 10

        source.reserveUpTo(EntityId.parse("Q4")).await().indefinitely();
        takesAtOnce(source, "Q5");

        source.reserveUpTo(EntityId.parse("Q15")).await().indefinitely();
        takesAtOnce(source, "Q16"); // current range dropped whole, the one ahead cut
        assertThat(allocator.reservations)
                .containsExactly(
                        new ManualAllocator.Reservation(EntityType.ITEM, 4),
                        new ManualAllocator.Reservation(EntityType.ITEM, 15));

        // a reservation below what is leased changes nothing
        source.reserveUpTo(EntityId.parse("Q3")).await().indefinitely();
        takesAtOnce(source, "Q17");
    }

    @Test
    void aClaimAnsweredAfterAReservationLosesTheReservedIds() {
        RangeLeasingEntityIdSource source = source(10, 0);
        CompletableFuture<EntityId> waiting = next(source, EntityType.PROPERTY);
        Claim inFlight = allocator.nextPending();

        source.reserveUpTo(EntityId.parse("P50")).await().indefinitely();
        inFlight.answer(1, 10); // claimed before the reservation reached the allocator
        assertThat(waiting).as("all of 1..10 is reserved").isNotDone();

        allocator.nextPending().answer(51, 60);
        assertThat(waiting).isCompletedWithValue(EntityId.parse("P51"));

        CompletableFuture<EntityId> next = next(source, EntityType.PROPERTY);
        assertThat(next).isCompletedWithValue(EntityId.parse("P52"));
        // the reservation inside a claimed range keeps the range's part above it
        source.reserveUpTo(EntityId.parse("P55")).await().indefinitely();
        takesAtOnce(source, "P56");
    }

    @Test
    void aFailedClaimFailsTheWaitingCallersAndTheNextCallClaimsAgain() {
        RangeLeasingEntityIdSource source = source(10, 0);
        CompletableFuture<EntityId> waiting = next(source, EntityType.ITEM);
        allocator.nextPending().fail(new ApiException(503, "id-allocator-unavailable", "down"));

        assertThat(waiting).isCompletedExceptionally();
        assertThatThrownBy(waiting::join)
                .cause()
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(503));

        CompletableFuture<EntityId> retry = next(source, EntityType.ITEM);
        assertThat(allocator.claims()).as("someone waits: no backoff").isEqualTo(2);
        allocator.nextPending().answer(1, 10);
        assertThat(retry).isCompletedWithValue(EntityId.parse("Q1"));
    }

    @Test
    void unexpectedFailuresReachCallersAs503() {
        RangeLeasingEntityIdSource source = source(10, 0);
        CompletableFuture<EntityId> waiting = next(source, EntityType.ITEM);
        allocator.nextPending().fail(new IllegalStateException("connection reset"));
        assertThatThrownBy(waiting::join).cause().isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryAfter()).isPresent();
        });
    }

    @Test
    void aFailedBackgroundClaimIsRetriedAfterADelay() {
        RangeLeasingEntityIdSource source = source(10, 5);
        CompletableFuture<EntityId> first = next(source, EntityType.ITEM);
        allocator.nextPending().answer(1, 10);
        assertThat(first).isDone();
        for (int i = 2; i <= 6; i++) {
            takesAtOnce(source, "Q" + i);
        }
        assertThat(allocator.claims()).as("4 left < 5: claimed ahead").isEqualTo(2);
        allocator.nextPending().fail(new ApiException(503, "id-allocator-unavailable", "down"));

        takesAtOnce(source, "Q7");
        assertThat(allocator.claims()).as("not again right after a failure").isEqualTo(2);
        clock.addAndGet(RangeLeasingEntityIdSource.PREFETCH_RETRY_DELAY.toNanos());
        takesAtOnce(source, "Q8");
        assertThat(allocator.claims()).as("again once the delay passed").isEqualTo(3);
    }

    @Test
    void onlyItemsPropertiesAndLexemesHaveLeasedIds() {
        RangeLeasingEntityIdSource source = source(10, 0);
        assertThat(next(source, EntityType.FORM)).isCompletedExceptionally();
        assertThat(next(source, EntityType.MEDIAINFO)).isCompletedExceptionally();
        assertThat(source.reserveUpTo(EntityId.parse("L1-F1")).subscribeAsCompletionStage())
                .isCompletedExceptionally();
        assertThat(allocator.claims()).isZero();
        assertThatThrownBy(() -> source(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source(10, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallerWaitingOnTheEventLoopResumesOnItsOwnContext() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RangeLeasingEntityIdSource source = source(10, 0);
            Context context = vertx.getOrCreateContext();
            CompletableFuture<Context> resumedOn = new CompletableFuture<>();
            context.runOnContext(ignored -> source.next(EntityType.ITEM)
                    .subscribe()
                    .with(id -> resumedOn.complete(Vertx.currentContext()), resumedOn::completeExceptionally));
            Claim claim = awaitPending();
            claim.answer(1, 10); // answered from the test thread, like an HTTP client on another loop
            assertThat(resumedOn.get(5, TimeUnit.SECONDS)).isSameAs(context);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private Claim awaitPending() throws InterruptedException {
        for (int i = 0; i < 500 && allocator.pendingClaims() == 0; i++) {
            Thread.sleep(10);
        }
        return allocator.nextPending();
    }

    private static void sleepMicros(long micros) {
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
