package org.entitybase.user.rest;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchlistResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFilterIsItsDistinctPropertiesInOneOrder() throws Exception {
        assertThat(WatchlistResource.properties(JSON.readTree("[\"P569\",\"P31\",\"P31\",\"P1000\"]")))
                .containsExactly("P31", "P569", "P1000");
        assertThat(WatchlistResource.properties(null)).isNull();
        assertThat(WatchlistResource.properties(JSON.readTree("null"))).isNull();
    }

    @Test
    void anythingButPropertyIdsIs400() {
        for (String bad : new String[] {"[]", "\"P31\"", "[\"Q5\"]", "[31]"}) {
            assertThatThrownBy(() -> WatchlistResource.properties(JSON.readTree(bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
