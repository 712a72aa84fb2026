package org.entitybase.model.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.model.content.EntitySplitter;
import org.entitybase.model.content.SplitEntity;
import org.entitybase.model.entity.Entity;
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

        byte[] encoded = PackCodec.encode(pack, null);
        Pack decoded = PackCodec.decode(encoded, null);

        assertThat(decoded.revision()).isEqualTo(q42.revision());
        assertThat(decoded.isCheckpoint()).isTrue();
        assertThat(decoded.objects().keySet())
                .containsExactlyInAnyOrderElementsOf(q42.objects().keySet());
        decoded.objects().forEach((address, bytes) -> assertThat(bytes).isEqualTo(q42.bytes(address)));
        assertThat(decoded.objects().keySet().iterator().next()).isEqualTo(q42.revision());
        // gzip of "EBP2" + ...: addresses are neither stored nor spelled out in composites
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(encoded)).readAllBytes();
        assertThat(Arrays.copyOf(raw, 4)).isEqualTo(PackCodec.MAGIC);
        System.out.printf(
                "Q42 checkpoint pack: %d objects, %d bytes raw, %d bytes stored%n",
                pack.objects().size(), pack.rawBytes(), encoded.length);
        // children are entry numbers, not 64 hex digits: about the size of the entity's own JSON gzip'd (it was
        // twice that with hex addresses)
        byte[] json = WikidataFixtures.entities().stream()
                .filter(e -> e.id().equals("Q42"))
                .findFirst()
                .orElseThrow()
                .json()
                .getBytes(StandardCharsets.UTF_8);
        assertThat(encoded.length).isLessThan(gzip(json).length * 11 / 10);
    }

    @Test
    void deltaPackRoundTripsAgainstItsCheckpointAndStoresOnlyTheChange() {
        SplitEntity q42 = split("Q42");
        Pack checkpoint = PackCodec.decode(PackCodec.encode(new Pack(q42.revision(), null, q42.objects()), null), null);
        SplitEntity edited = SPLITTER.split(withEnglishDescription("Q42", "edited by PackCodecTest"));
        Pack delta = new PackPlanner(16).plan(edited, 2, checkpoint, 1);
        assertThat(delta.isCheckpoint()).as("planned as a delta").isFalse();

        byte[] encoded = PackCodec.encode(delta, checkpoint);
        Pack decoded = PackCodec.decode(encoded, checkpoint);

        assertThat(PackCodec.checkpointOf(encoded)).isEqualTo(q42.revision());
        assertThat(decoded.checkpoint()).isEqualTo(q42.revision());
        assertThat(decoded.revision()).isEqualTo(edited.revision());
        assertThat(decoded.objects().keySet())
                .containsExactlyInAnyOrderElementsOf(delta.objects().keySet());
        decoded.objects().forEach((address, bytes) -> assertThat(bytes).isEqualTo(edited.bytes(address)));
        System.out.printf(
                "Q42 delta pack (one description changed): %d objects, %d bytes stored%n",
                delta.objects().size(), encoded.length);
        // the manifest (tens of kilobytes) is stored as a difference from the checkpoint's
        assertThat(encoded.length).isLessThan(300);
    }

    @Test
    void aDeltaPackCannotBeDecodedWithoutItsCheckpoint() {
        SplitEntity q42 = split("Q42");
        Pack checkpoint = new Pack(q42.revision(), null, q42.objects());
        SplitEntity edited = SPLITTER.split(withEnglishDescription("Q42", "another"));
        Pack delta = new PackPlanner(16).plan(edited, 2, checkpoint, 1);
        byte[] encoded = PackCodec.encode(delta, checkpoint);
        SplitEntity q1 = split("Q1");

        assertThatThrownBy(() -> PackCodec.decode(encoded, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackCodec.decode(encoded, new Pack(q1.revision(), null, q1.objects())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(q42.revision().sha256());
    }

    @Test
    void readsPacksOfTheFirstFormat() throws IOException {
        SplitEntity q1 = split("Q1");
        ByteArrayOutputStream v1 = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(v1))) {
            out.writeBytes("EBP1");
            out.writeByte(1); // checkpoint
            writeVarint(out, q1.objects().size());
            byte[] manifest = q1.bytes(q1.revision());
            writeV1Entry(out, 0, manifest);
            for (Map.Entry<ContentAddress, byte[]> e : q1.objects().entrySet()) {
                if (!e.getKey().equals(q1.revision())) {
                    writeV1Entry(out, kindCode(e.getKey()), e.getValue());
                }
            }
        }
        Pack decoded = PackCodec.decode(v1.toByteArray(), null);
        assertThat(decoded.revision()).isEqualTo(q1.revision());
        decoded.objects().forEach((address, bytes) -> assertThat(bytes).isEqualTo(q1.bytes(address)));
        assertThat(decoded.objects()).hasSameSizeAs(q1.objects());
    }

    private static void writeV1Entry(DataOutputStream out, int code, byte[] body) throws IOException {
        out.writeByte(code);
        writeVarint(out, body.length);
        out.write(body);
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int kindCode(ContentAddress address) {
        return switch (address.kind()) {
            case "revision" -> 0;
            case "snak" -> 1;
            case "reference" -> 2;
            case "qualifiers" -> 3;
            case "statement" -> 4;
            case "term" -> 5;
            case "sitelink" -> 6;
            case "form" -> 7;
            case "sense" -> 8;
            default -> throw new IllegalArgumentException(address.kind());
        };
    }

    private static Entity withEnglishDescription(String id, String value) {
        ObjectNode json = (ObjectNode) WikidataFixtures.tree(WikidataFixtures.entities().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow()
                .json());
        ((ObjectNode) json.get("descriptions"))
                .putObject("en")
                .put("language", "en")
                .put("value", value);
        return WikibaseJsonReader.lenient().readEntity(json.toString());
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    @Test
    void encodingIsDeterministicSoARetriedPutWritesTheSameBytes() {
        SplitEntity q1 = split("Q1");
        Pack pack = new Pack(q1.revision(), null, q1.objects());
        assertThat(PackCodec.encode(pack, null))
                .isEqualTo(PackCodec.encode(new Pack(q1.revision(), null, q1.objects()), null));
    }

    @Test
    void acceptsBytesATransportAlreadyDecompressed() throws IOException {
        SplitEntity q1 = split("Q1");
        byte[] gzipped = PackCodec.encode(new Pack(q1.revision(), null, q1.objects()), null);
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(gzipped)).readAllBytes();
        assertThat(PackCodec.decode(plain, null).objects()).hasSameSizeAs(q1.objects());
    }

    @Test
    void rejectsWhatIsNotAPack() {
        assertThatThrownBy(() -> PackCodec.decode("not a pack".getBytes(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("magic");
        SplitEntity q1 = split("Q1");
        byte[] encoded = PackCodec.encode(new Pack(q1.revision(), null, q1.objects()), null);
        byte[] plain;
        try {
            plain = new GZIPInputStream(new ByteArrayInputStream(encoded)).readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> PackCodec.decode(Arrays.copyOf(plain, plain.length / 2), null))
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
