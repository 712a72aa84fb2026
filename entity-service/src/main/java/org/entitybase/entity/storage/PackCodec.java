package org.entitybase.entity.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.entitybase.model.content.ContentKind;
import org.entitybase.model.hash.content.ContentAddress;

/**
 * The byte format of a {@link Pack}, gzip-compressed as a whole:
 *
 * <pre>
 * "EBP1"                        magic and format version
 * flags        u8               bit 0: the pack is a checkpoint
 * checkpoint   32 bytes         SHA-256 of the checkpoint's manifest (absent for a checkpoint)
 * count        varint           number of entries
 * entries      count ×          kind u8 (see KINDS), length varint, canonical bytes
 * </pre>
 *
 * The first entry is the manifest. An entry's address is not stored: it is the SHA-256 of its bytes, recomputed on
 * decoding (32 random bytes per object would be most of a compressed pack, since objects compress well together and
 * hashes not at all). Kind codes are fixed here, not enum ordinals, so reordering {@link ContentKind} never changes
 * stored bytes. Encoding is deterministic: same pack, same bytes, so a retried PUT writes what is already there.
 */
public final class PackCodec {

    static final byte[] MAGIC = {'E', 'B', 'P', '1'};
    private static final int FLAG_CHECKPOINT = 1;
    private static final int SHA256_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    /** Kind codes in the pack format: index = code. Append only. */
    private static final List<ContentKind> KINDS = List.of(
            ContentKind.REVISION,
            ContentKind.SNAK,
            ContentKind.REFERENCE,
            ContentKind.QUALIFIERS,
            ContentKind.STATEMENT,
            ContentKind.TERM,
            ContentKind.SITELINK,
            ContentKind.FORM,
            ContentKind.SENSE);

    private PackCodec() {}

    public static byte[] encode(Pack pack) {
        ByteArrayOutputStream buffer =
                new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, pack.rawBytes() / 4));
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(buffer, 8192))) {
            out.write(MAGIC);
            out.writeByte(pack.isCheckpoint() ? FLAG_CHECKPOINT : 0);
            if (!pack.isCheckpoint()) {
                out.write(HEX.parseHex(pack.checkpoint().sha256()));
            }
            writeVarint(out, pack.objects().size());
            writeEntry(out, pack.revision(), pack.objects().get(pack.revision()));
            for (Map.Entry<ContentAddress, byte[]> e : pack.objects().entrySet()) {
                if (!e.getKey().equals(pack.revision())) {
                    writeEntry(out, e.getKey(), e.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a pack in memory", e);
        }
        return buffer.toByteArray();
    }

    /** Decodes a pack; bytes already decompressed by a transport (no gzip header) are accepted too. */
    public static Pack decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(open(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalStateException("not an entity pack (bad magic)");
            }
            int flags = in.readUnsignedByte();
            ContentAddress checkpoint =
                    (flags & FLAG_CHECKPOINT) != 0 ? null : ContentKind.REVISION.address(readSha256(in));
            int count = readVarint(in);
            Map<ContentAddress, byte[]> objects = new LinkedHashMap<>(count * 2);
            ContentAddress revision = null;
            for (int i = 0; i < count; i++) {
                int code = in.readUnsignedByte();
                if (code >= KINDS.size()) {
                    throw new IllegalStateException("unknown content kind code " + code);
                }
                int length = readVarint(in);
                byte[] content = in.readNBytes(length);
                if (content.length != length) {
                    throw new EOFException();
                }
                ContentAddress address = KINDS.get(code).address(content);
                objects.put(address, content);
                if (i == 0) {
                    revision = address;
                }
            }
            if (revision == null || ContentKind.of(revision) != ContentKind.REVISION) {
                throw new IllegalStateException("a pack starts with its manifest");
            }
            return new Pack(revision, checkpoint, objects);
        } catch (EOFException e) {
            throw new IllegalStateException("truncated entity pack", e);
        } catch (IOException e) {
            throw new UncheckedIOException("decoding a pack", e);
        }
    }

    private static InputStream open(byte[] bytes) throws IOException {
        boolean gzip = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        InputStream raw = new ByteArrayInputStream(bytes);
        return gzip ? new GZIPInputStream(raw, 8192) : raw;
    }

    private static void writeEntry(DataOutputStream out, ContentAddress address, byte[] content) throws IOException {
        out.writeByte(code(ContentKind.of(address)));
        writeVarint(out, content.length);
        out.write(content);
    }

    private static int code(ContentKind kind) {
        int code = KINDS.indexOf(kind);
        if (code < 0) {
            throw new IllegalArgumentException("no pack code for " + kind);
        }
        return code;
    }

    private static String readSha256(DataInputStream in) throws IOException {
        byte[] raw = new byte[SHA256_BYTES];
        in.readFully(raw);
        return HEX.formatHex(raw);
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new IllegalStateException("negative length in pack");
                }
                return value;
            }
        }
        throw new IllegalStateException("varint too long in pack");
    }
}
