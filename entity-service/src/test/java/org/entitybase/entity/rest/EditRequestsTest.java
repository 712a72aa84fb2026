package org.entitybase.entity.rest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.entitybase.entity.service.EditContext;
import org.entitybase.entity.service.EditContext.ExpectationSource;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EditRequestsTest {

    @Test
    void headersBecomeAnEditContext() {
        EditContext plain = EditRequests.context("12", null, null, null);
        assertThat(plain.userId()).isEqualTo(12);
        assertThat(plain.summary()).isEmpty();
        assertThat(plain.expectationSource()).isEqualTo(ExpectationSource.NONE);

        EditContext ifMatch = EditRequests.context("0", "fix", "W/\"5\"", "3");
        assertThat(ifMatch.expectedRevision()).isEqualTo(5);
        assertThat(ifMatch.expectationSource()).isEqualTo(ExpectationSource.IF_MATCH);

        EditContext base = EditRequests.context("0", null, "*", "3");
        assertThat(base.expectedRevision()).isEqualTo(3);
        assertThat(base.expectationSource()).isEqualTo(ExpectationSource.BASE_REVISION);
    }

    @Test
    void onlyTheGatewaysFalseMarksAUserTooNewForSemiProtection() {
        EditContext plain = EditRequests.context("12", null, null, null);
        assertThat(plain.notAutoconfirmed()).isFalse();
        assertThat(plain.withAutoconfirmed(null).notAutoconfirmed())
                .as("no header: authentication off")
                .isFalse();
        assertThat(plain.withAutoconfirmed("true").notAutoconfirmed()).isFalse();
        EditContext tooNew = plain.withAutoconfirmed("false");
        assertThat(tooNew.notAutoconfirmed()).isTrue();
        assertThat(tooNew.asMassEdit().notAutoconfirmed())
                .as("kept by the withers")
                .isTrue();
        assertThat(tooNew.userId()).isEqualTo(12);
    }

    @Test
    void badHeadersAre400() {
        assertCode(() -> EditRequests.context(null, null, null, null), "missing-user-id");
        assertCode(() -> EditRequests.context("-3", null, null, null), "invalid-user-id");
        assertCode(() -> EditRequests.context("x", null, null, null), "invalid-user-id");
        assertCode(() -> EditRequests.context("1", "a".repeat(501), null, null), "edit-summary-too-long");
        assertCode(() -> EditRequests.context("1", null, "\"abc\"", null), "invalid-parameter");
        assertCode(() -> EditRequests.context("1", null, null, "0"), "invalid-parameter");
    }

    @Test
    void utf8SummariesSurviveHeaderDecoding() {
        String latin1View = new String("Gödel ✓".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(EditRequests.utf8(latin1View)).isEqualTo("Gödel ✓");
        assertThat(EditRequests.utf8("Gödel")).isEqualTo("Gödel"); // not valid UTF-8 bytes: kept
    }

    @Test
    void ifNoneMatchListsAndIds() {
        assertThat(EditRequests.matchesAny("\"3\", \"4\"", 4)).isTrue();
        assertThat(EditRequests.matchesAny("\"3\", W/\"x\"", 4)).isFalse();
        assertThat(EditRequests.matchesAny("*", 4)).isTrue();
        assertThat(EditRequests.entityId("L42").type()).isEqualTo(EntityType.LEXEME);
        assertCode(() -> EditRequests.entityId("L42-F1"), "invalid-entity-id");
        assertCode(() -> EditRequests.entityIdIn(EntityType.ITEM, "P31"), "entity-type-mismatch");
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
