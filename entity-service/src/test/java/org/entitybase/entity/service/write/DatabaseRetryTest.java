package org.entitybase.entity.service.write;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.mysqlclient.MySQLBatchException;
import io.vertx.mysqlclient.MySQLException;

import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseRetryTest {

    private static MySQLBatchException deadlockInBatch() {
        MySQLBatchException batch = new MySQLBatchException();
        batch.reportError(2, new MySQLException("Deadlock found when trying to get lock", 1213, "40001"));
        return batch;
    }

    @Test
    void aDeadlockInsideABatchIsRetriedUntilTheTransactionCommits() {
        AtomicInteger attempts = new AtomicInteger();
        String result = DatabaseRetry.retried(
                        "create of L1",
                        5,
                        () -> attempts.incrementAndGet() < 3
                                ? Uni.createFrom().failure(deadlockInBatch())
                                : Uni.createFrom().item("committed"))
                .await()
                .atMost(Duration.ofSeconds(5));
        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void attemptsRunOutAs503WithRetryAfter() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseRetry.retried("create of L1", 4, () -> {
                            attempts.incrementAndGet();
                            return Uni.createFrom()
                                    .<String>failure(new MySQLException("Lock wait timeout exceeded", 1205, "HY000"));
                        })
                        .await()
                        .atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).isPresent();
                });
        assertThat(attempts).hasValue(4);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        MySQLException duplicate = new MySQLException("Duplicate entry 'L1'", 1062, "23000");
        assertThatThrownBy(() -> DatabaseRetry.retried("create of L1", 5, () -> {
                            attempts.incrementAndGet();
                            return Uni.createFrom().<String>failure(duplicate);
                        })
                        .await()
                        .atMost(Duration.ofSeconds(5)))
                .isSameAs(duplicate);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theDescriptionNamesTheErrorOfEachFailedBatchIteration() {
        RuntimeException wrapped = new RuntimeException("commit failed", deadlockInBatch());
        assertThat(DatabaseRetry.describe(wrapped))
                .contains("commit failed")
                .contains("MySQLBatchException")
                .contains("iteration 2")
                .contains("1213")
                .contains("Deadlock found");
    }
}
