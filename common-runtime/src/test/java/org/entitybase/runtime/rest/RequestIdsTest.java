package org.entitybase.runtime.rest;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e", "gw:1.2_3"})
    void keepsASafeCallerId(String offered) {
        assertThat(RequestIds.acceptOrGenerate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "a b", "id\nfake log line", "id\r\nX-Evil: 1", "é", "{\"json\":1}"})
    void replacesAMissingOrUnsafeIdWithAUuid(String offered) {
        String id = RequestIds.acceptOrGenerate(offered);
        assertThat(id).isNotEqualTo(offered);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void acceptsTheMaximumLengthButNotOneMore() {
        String longest = "a".repeat(RequestIds.MAX_LENGTH);
        assertThat(RequestIds.acceptOrGenerate(longest)).isEqualTo(longest);
        assertThat(RequestIds.acceptOrGenerate(longest + "a")).hasSize(36);
    }

    @Test
    void generatesADifferentIdEachTime() {
        assertThat(RequestIds.acceptOrGenerate(null)).isNotEqualTo(RequestIds.acceptOrGenerate(null));
    }
}
