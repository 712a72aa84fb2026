package org.entitybase.gateway.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    private static AuthConfig.Bucket limits(int capacity, double perSecond) {
        return new AuthConfig.Bucket() {
            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public double perSecond() {
                return perSecond;
            }
        };
    }

    @Test
    void aFullBucketAllowsItsBurstThenRefusesWithRetryAfter() {
        TokenBucket bucket = new TokenBucket(limits(3, 0.5), 0);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take("ip", 0).taken()).isTrue();
        }
        TokenBucket.Take refused = bucket.take("ip", 0);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2); // one token at 0.5/s
        assertThat(refused.resetSeconds()).isEqualTo(6);
        assertThat(bucket.take("ip", 2 * SECOND).taken()).isTrue();
        assertThat(bucket.take("ip", 2 * SECOND).taken()).isFalse();
    }

    @Test
    void refillStopsAtCapacityAndAFullBucketCanBeForgotten() {
        TokenBucket bucket = new TokenBucket(limits(2, 10), 0);
        bucket.take("user", 0);
        assertThat(bucket.full(0)).isFalse();
        assertThat(bucket.full(SECOND)).isTrue();
        assertThat(bucket.take("user", 100 * SECOND).remaining()).isEqualTo(1);
    }
}
