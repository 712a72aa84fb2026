package org.entitybase.runtime.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestParamsTest {

    private static void refused(Runnable check, int status, String code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void actingUserIsANonNegativeIntegerHeader() {
        assertThat(RequestParams.actingUser(" 42 ")).isEqualTo(42);
        assertThat(RequestParams.actingUser("0")).isZero();
        refused(() -> RequestParams.actingUser(null), 400, "missing-user-id");
        refused(() -> RequestParams.actingUser("-1"), 400, "invalid-user-id");
        refused(() -> RequestParams.actingUser("99999999999999999999"), 400, "invalid-user-id");
    }

    @Test
    void actingAsIsTheOwnerAndNeverAnonymous() {
        assertThat(RequestParams.actingAs("7", 7)).isEqualTo(7);
        refused(() -> RequestParams.actingAs("8", 7), 403, "not-your-resource");
        refused(() -> RequestParams.actingAs("0", 0), 403, "anonymous-not-allowed");
    }

    @Test
    void limitIsBoundedAndDefaults() {
        assertThat(RequestParams.limit(null, 50, 500)).isEqualTo(50);
        assertThat(RequestParams.limit("500", 50, 500)).isEqualTo(500);
        refused(() -> RequestParams.limit("501", 50, 500), 400, "invalid-parameter");
        refused(() -> RequestParams.limit("0", 50, 500), 400, "invalid-parameter");
        refused(() -> RequestParams.limit("1e3", 50, 500), 400, "invalid-parameter");
    }

    @Test
    void flagsAreTrueFalseOrAbsent() {
        assertThat(RequestParams.flag("unread", null)).isFalse();
        assertThat(RequestParams.flag("unread", "true")).isTrue();
        refused(() -> RequestParams.flag("unread", "yes"), 400, "invalid-parameter");
    }

    @Test
    void idsArePositive() {
        assertThat(RequestParams.userId("1")).isEqualTo(1);
        refused(() -> RequestParams.userId("0"), 400, "invalid-parameter");
        assertThat(RequestParams.number("9223372036854775808")).isNull();
    }
}
