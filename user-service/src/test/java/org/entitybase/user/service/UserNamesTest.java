package org.entitybase.user.service;

import org.junit.jupiter.api.Test;

import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserNamesTest {

    @Test
    void namesThatDifferOnlyInCaseShareAKey() {
        assertThat(UserNames.key("Ada Lovelace")).isEqualTo(UserNames.key("ADA lovelace"));
        assertThat(UserNames.key("Straße")).isEqualTo(UserNames.key("STRASSE"));
        assertThat(UserNames.key("ΟΔΥΣΣΕΥΣ")).isEqualTo(UserNames.key("οδυσσευς"));
        assertThat(UserNames.key("Ada")).isNotEqualTo(UserNames.key("Ado"));
    }

    @Test
    void badNamesAre400() {
        for (String bad : new String[] {"", " lead", "trail ", "tab\there", "zero\u200bwidth", "x".repeat(256)}) {
            assertThatThrownBy(() -> UserNames.check(bad)).as(bad).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.code()).isEqualTo("invalid-user-name");
            });
        }
        assertThat(UserNames.check("Ada Lovelace")).isEqualTo("Ada Lovelace");
        assertThat(UserNames.check("x".repeat(255))).hasSize(255);
    }
}
