package org.entitybase.runtime.sql;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.mysqlclient.MySQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlErrorsTest {

    private static MySQLException mysql(int code) {
        return new MySQLException("error " + code, code, "23000");
    }

    @Test
    void duplicateKeyIsFoundThroughWrappers() {
        Throwable wrapped = new CompletionException(new RuntimeException(mysql(SqlErrors.DUPLICATE_KEY)));
        assertThat(SqlErrors.isDuplicateKey(wrapped)).isTrue();
        assertThat(SqlErrors.isTransient(wrapped)).isFalse();
        assertThat(SqlErrors.isUnavailable(wrapped)).isFalse();
        assertThat(SqlErrors.message(wrapped, SqlErrors.DUPLICATE_KEY)).contains("error 1062");
    }

    @Test
    void deadlocksAndLockWaitsAreTransient() {
        assertThat(SqlErrors.isTransient(mysql(SqlErrors.DEADLOCK))).isTrue();
        assertThat(SqlErrors.isTransient(mysql(SqlErrors.LOCK_WAIT_TIMEOUT))).isTrue();
        assertThat(SqlErrors.isTransient(mysql(1146))).isFalse();
        assertThat(SqlErrors.isDuplicateKey(mysql(SqlErrors.DEADLOCK))).isFalse();
    }

    @Test
    void aRefusedConnectionIsUnavailabilityButAnSqlErrorIsNot() {
        assertThat(SqlErrors.isUnavailable(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(SqlErrors.isUnavailable(mysql(1146))).isFalse();
        assertThat(SqlErrors.isUnavailable(new IllegalStateException("bug"))).isFalse();
        // a query on a pool closed by the service's shutdown (Vert.x: a bare NoStackTraceThrowable)
        assertThat(SqlErrors.isUnavailable(
                        io.vertx.core.Future.failedFuture("Pool closed").cause()))
                .isTrue();
    }
}
