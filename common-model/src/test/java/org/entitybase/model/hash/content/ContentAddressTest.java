package org.entitybase.model.hash.content;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentAddressTest {
    @Test
    void sha256OfTheBytesWithAHashPrefixedKey() {
        ContentAddress a = ContentAddress.of("snak", "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(a.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(a.s3Key()).isEqualTo("snak/ba/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ContentAddress.fromS3Key(a.s3Key())).isEqualTo(a);
    }

    @Test
    void kindTakesPartInEquality() {
        byte[] bytes = "{}".getBytes(StandardCharsets.US_ASCII);
        assertThat(ContentAddress.of("term", bytes)).isNotEqualTo(ContentAddress.of("sitelink", bytes));
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> new ContentAddress("snak", "ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentAddress("Snak", "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentAddress.fromS3Key("snak/aa/" + "b".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
