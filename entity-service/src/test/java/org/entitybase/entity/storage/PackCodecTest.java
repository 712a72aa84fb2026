package org.entitybase.entity.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.hash.content.ContentAddress;
import org.entitybase.model.json.WikibaseJsonReader;
import org.entitybase.testkit.WikidataFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackCodecTest {

    private static final EntitySplitter SPLITTER = new EntitySplitter();

    static SplitEntity split(String id) {
        String json = WikidataFixtures.entities().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow()
                .json();
        return SPLITTER.split(WikibaseJsonReader.lenient().readEntity(json));
    }

    @Test
    void checkpointPackRoundTripsWithTheManifestFirst() throws IOException {
        SplitEntity q42 = split("Q42");
        Pack pack = new Pack(q42.revision(), null, q42.objects());

        byte[] encoded = PackCodec.encode(pack);
        Pack decoded = PackCodec.decode(encoded);

        assertThat(decoded.revision()).isEqualTo(q42.revision());
        assertThat(decoded.isCheckpoint()).isTrue();
        assertThat(decoded.objects().keySet())
                .containsExactlyInAnyOrderElementsOf(q42.objects().keySet());
        decoded.objects().forEach((address, bytes) -> assertThat(bytes).isEqualTo(q42.bytes(address)));
        assertThat(decoded.objects().keySet().iterator().next()).isEqualTo(q42.revision());
        // gzip of "EBP1" + ...: addresses are not stored, so the objects compress well together
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(encoded)).readAllBytes();
        assertThat(Arrays.copyOf(raw, 4)).isEqualTo(PackCodec.MAGIC);
        System.out.printf(
                "Q42 checkpoint pack: %d objects, %d bytes raw, %d bytes stored%n",
                pack.objects().size(), pack.rawBytes(), encoded.length);
        // composites refer to children by 64 hex digits, which gzip halves at best: about 2.8× on Q42
        assertThat(encoded.length).isLessThan((int) (pack.rawBytes() / 2));
    }

    @Test
    void deltaPackNamesItsCheckpoint() {
        SplitEntity q42 = split("Q42");
        SplitEntity q1 = split("Q1");
        Pack delta = new Pack(q1.revision(), q42.revision(), Map.of(q1.revision(), q1.bytes(q1.revision())));

        Pack decoded = PackCodec.decode(PackCodec.encode(delta));

        assertThat(decoded.isCheckpoint()).isFalse();
        assertThat(decoded.checkpoint()).isEqualTo(q42.revision());
        assertThat(decoded.checkpointOrSelf()).isEqualTo(q42.revision());
        assertThat(decoded.objects()).containsOnlyKeys(q1.revision());
    }

    @Test
    void encodingIsDeterministicSoARetriedPutWritesTheSameBytes() {
        SplitEntity q1 = split("Q1");
        Pack pack = new Pack(q1.revision(), null, q1.objects());
        assertThat(PackCodec.encode(pack)).isEqualTo(PackCodec.encode(new Pack(q1.revision(), null, q1.objects())));
    }

    @Test
    void acceptsBytesATransportAlreadyDecompressed() throws IOException {
        SplitEntity q1 = split("Q1");
        byte[] gzipped = PackCodec.encode(new Pack(q1.revision(), null, q1.objects()));
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(gzipped)).readAllBytes();
        assertThat(PackCodec.decode(plain).objects()).hasSameSizeAs(q1.objects());
    }

    @Test
    void rejectsWhatIsNotAPack() {
        assertThatThrownBy(() -> PackCodec.decode("not a pack".getBytes()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("magic");
        SplitEntity q1 = split("Q1");
        byte[] encoded = PackCodec.encode(new Pack(q1.revision(), null, q1.objects()));
        byte[] plain;
        try {
            plain = new GZIPInputStream(new ByteArrayInputStream(encoded)).readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> PackCodec.decode(Arrays.copyOf(plain, plain.length / 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aPackMustHoldItsManifest() {
        SplitEntity q1 = split("Q1");
        ContentAddress other = split("Q42").revision();
        assertThatThrownBy(() -> new Pack(other, null, q1.objects())).isInstanceOf(IllegalArgumentException.class);
    }
}
