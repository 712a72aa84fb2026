package org.entitybase.model.pack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * "EBP2"                        magic and format version
 * flags        u8               bit 0: the pack is a checkpoint
 * checkpoint   32 bytes         SHA-256 of the checkpoint's manifest (absent for a checkpoint)
 * count        varint           number of entries
 * entries      count ×          kind u8 (see KINDS), length varint, body
 * </pre>
 *
 * The first entry is the manifest. Three things keep packs small; all are undone on decoding, so every object comes
 * back byte for byte and its address is the SHA-256 of what comes back:
 *
 * <ul>
 *   <li>An entry's address is not stored: it is recomputed from its bytes.
 *   <li>Composite objects name their children by 64 hex digits, which gzip cannot shrink below 32 bytes each, and Q42
 *       alone has thousands of them. Inside a body, a child that the reader holds (an entry of this pack or of its
 *       checkpoint) is written as {@code 0x01} and its entry number (varint) instead: the checkpoint's entries number
 *       from 0 in their stored order, this pack's own entries follow. {@code 0x01} never occurs in canonical JSON
 *       (control characters are escaped in strings), so the marker is unambiguous.
 *   <li>A delta pack's manifest is stored as a difference from its checkpoint's manifest (both with entry numbers):
 *       the length of the common prefix, of the common suffix, and the bytes in between. Most edits touch one place
 *       of an entity, so this is a few bytes where the manifest itself is kilobytes.
 * </ul>
 *
 * Kind codes are fixed here, not enum ordinals, so reordering {@link ContentKind} never changes stored bytes.
 * Encoding is deterministic: same pack, same bytes, so a retried PUT writes what is already there. Packs of the first
 * format ({@code EBP1}: plain bodies) are still read.
 */
public final class PackCodec {

    static final byte[] MAGIC = {'E', 'B', 'P', '2'};
    private static final byte[] MAGIC_V1 = {'E', 'B', 'P', '1'};
    private static final int FLAG_CHECKPOINT = 1;
    private static final int SHA256_BYTES = 32;
    private static final int HEX_DIGITS = 64;
    private static final byte REFERENCE = 0x01;
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

    /**
     * Encodes {@code pack}; a delta pack needs its {@code checkpoint} pack (whose entries it refers to by number),
     * a checkpoint takes null.
     */
    public static byte[] encode(Pack pack, Pack checkpoint) {
        requireCheckpoint(pack.isCheckpoint() ? null : pack.checkpoint(), checkpoint);
        List<ContentAddress> base = checkpoint == null ? List.of() : storedOrder(checkpoint);
        List<ContentAddress> own = storedOrder(pack);
        Map<String, Integer> numbers = new HashMap<>((base.size() + own.size()) * 2);
        number(base, 0, numbers);
        number(own, base.size(), numbers);
        ByteArrayOutputStream buffer =
                new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, pack.rawBytes() / 8 + 64));
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(buffer, 8192))) {
            out.write(MAGIC);
            out.writeByte(pack.isCheckpoint() ? FLAG_CHECKPOINT : 0);
            if (!pack.isCheckpoint()) {
                out.write(HEX.parseHex(pack.checkpoint().sha256()));
            }
            writeVarint(out, own.size());
            for (int i = 0; i < own.size(); i++) {
                ContentAddress address = own.get(i);
                byte[] body = withNumbers(pack.objects().get(address), numbers);
                if (i == 0 && checkpoint != null) {
                    byte[] baseManifest = withNumbers(checkpoint.objects().get(checkpoint.revision()), numbers);
                    body = manifestDelta(baseManifest, body);
                }
                out.writeByte(code(ContentKind.of(address)));
                writeVarint(out, body.length);
                out.write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a pack in memory", e);
        }
        return buffer.toByteArray();
    }

    /**
     * The checkpoint a pack's bytes refer to (null for a checkpoint): what {@link #decode} needs besides the bytes.
     */
    public static ContentAddress checkpointOf(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(open(bytes))) {
            readMagic(in);
            return readCheckpoint(in);
        } catch (EOFException e) {
            throw new IllegalStateException("truncated entity pack", e);
        } catch (IOException e) {
            throw new UncheckedIOException("decoding a pack", e);
        }
    }

    /**
     * Decodes a pack; a delta pack needs its checkpoint's pack ({@link #checkpointOf}), a checkpoint takes null. Bytes
     * already decompressed by a transport (no gzip header) are accepted too.
     */
    public static Pack decode(byte[] bytes, Pack checkpoint) {
        try (DataInputStream in = new DataInputStream(open(bytes))) {
            boolean numbered = readMagic(in);
            ContentAddress checkpointAddress = readCheckpoint(in);
            if (numbered) {
                requireCheckpoint(checkpointAddress, checkpoint);
            }
            int count = readVarint(in);
            List<ContentKind> kinds = new ArrayList<>(count);
            List<byte[]> bodies = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int code = in.readUnsignedByte();
                if (code >= KINDS.size()) {
                    throw new IllegalStateException("unknown content kind code " + code);
                }
                int length = readVarint(in);
                byte[] body = in.readNBytes(length);
                if (body.length != length) {
                    throw new EOFException();
                }
                kinds.add(KINDS.get(code));
                bodies.add(body);
            }
            if (count == 0 || kinds.get(0) != ContentKind.REVISION) {
                throw new IllegalStateException("a pack starts with its manifest");
            }
            Map<ContentAddress, byte[]> objects =
                    numbered ? new Expansion(checkpoint, kinds, bodies).objects() : plainObjects(kinds, bodies);
            ContentAddress revision = objects.keySet().iterator().next();
            return new Pack(revision, checkpointAddress, objects);
        } catch (EOFException e) {
            throw new IllegalStateException("truncated entity pack", e);
        } catch (IOException e) {
            throw new UncheckedIOException("decoding a pack", e);
        }
    }

    /** The entries as {@link #encode} writes them: the manifest first, then the others in the pack's map order. */
    private static List<ContentAddress> storedOrder(Pack pack) {
        List<ContentAddress> order = new ArrayList<>(pack.objects().size());
        order.add(pack.revision());
        for (ContentAddress address : pack.objects().keySet()) {
            if (!address.equals(pack.revision())) {
                order.add(address);
            }
        }
        return order;
    }

    private static void number(List<ContentAddress> addresses, int first, Map<String, Integer> numbers) {
        for (int i = 0; i < addresses.size(); i++) {
            numbers.putIfAbsent(addresses.get(i).sha256(), first + i);
        }
    }

    private static void requireCheckpoint(ContentAddress expected, Pack checkpoint) {
        if (expected == null && checkpoint != null) {
            throw new IllegalArgumentException("a checkpoint pack takes no checkpoint");
        }
        if (expected != null && (checkpoint == null || !checkpoint.revision().equals(expected))) {
            throw new IllegalArgumentException("a delta pack needs its checkpoint " + expected.sha256() + ", got "
                    + (checkpoint == null ? "none" : checkpoint.revision().sha256()));
        }
    }

    /** {@code "<64 hex>"} of a numbered object becomes {@code "\x01<varint>"}. */
    private static byte[] withNumbers(byte[] json, Map<String, Integer> numbers) {
        ByteArrayOutputStream out = null;
        int copied = 0;
        for (int i = 0; i + HEX_DIGITS + 1 < json.length; i++) {
            if (json[i] != '"' || json[i + HEX_DIGITS + 1] != '"' || !hexRun(json, i + 1)) {
                continue;
            }
            Integer number = numbers.get(new String(json, i + 1, HEX_DIGITS, StandardCharsets.ISO_8859_1));
            if (number == null) {
                continue;
            }
            if (out == null) {
                out = new ByteArrayOutputStream(json.length / 2);
            }
            out.write(json, copied, i + 1 - copied);
            out.write(REFERENCE);
            writeVarint(out, number);
            copied = i + 1 + HEX_DIGITS;
            i = copied; // the closing quote
        }
        if (out == null) {
            return json;
        }
        out.write(json, copied, json.length - copied);
        return out.toByteArray();
    }

    private static boolean hexRun(byte[] bytes, int from) {
        for (int i = from; i < from + HEX_DIGITS; i++) {
            byte b = bytes[i];
            if ((b < '0' || b > '9') && (b < 'a' || b > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code prefix varint, suffix varint, middle}: {@code target} as an edit of {@code base}. */
    private static byte[] manifestDelta(byte[] base, byte[] target) {
        int max = Math.min(base.length, target.length);
        int prefix = 0;
        while (prefix < max && base[prefix] == target[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix && base[base.length - 1 - suffix] == target[target.length - 1 - suffix]) {
            suffix++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(target.length - prefix - suffix + 10);
        writeVarint(out, prefix);
        writeVarint(out, suffix);
        out.write(target, prefix, target.length - prefix - suffix);
        return out.toByteArray();
    }

    private static byte[] applyManifestDelta(byte[] base, byte[] delta) {
        ByteArrayInputStream in = new ByteArrayInputStream(delta);
        int prefix = readVarint(in);
        int suffix = readVarint(in);
        if (prefix + suffix > base.length) {
            throw new IllegalStateException("manifest delta longer than its checkpoint's manifest");
        }
        byte[] middle = in.readAllBytes();
        byte[] manifest = new byte[prefix + middle.length + suffix];
        System.arraycopy(base, 0, manifest, 0, prefix);
        System.arraycopy(middle, 0, manifest, prefix, middle.length);
        System.arraycopy(base, base.length - suffix, manifest, prefix + middle.length, suffix);
        return manifest;
    }

    /**
     * Turns numbered bodies back into objects. A body may refer to entries stored after it (the manifest to its
     * statements), so each entry's address is computed on first need, children first; content addressing makes the
     * references acyclic.
     */
    private static final class Expansion {
        private final List<ContentAddress> base;
        private final Map<String, Integer> baseNumbers = new HashMap<>();
        private final List<ContentKind> kinds;
        private final List<byte[]> bodies;
        private final byte[][] expanded;
        private final ContentAddress[] addresses;
        private final boolean[] expanding;

        Expansion(Pack checkpoint, List<ContentKind> kinds, List<byte[]> bodies) {
            this.base = checkpoint == null ? List.of() : storedOrder(checkpoint);
            this.kinds = kinds;
            this.bodies = new ArrayList<>(bodies);
            this.expanded = new byte[bodies.size()][];
            this.addresses = new ContentAddress[bodies.size()];
            this.expanding = new boolean[bodies.size()];
            if (checkpoint != null) {
                number(base, 0, baseNumbers);
                byte[] baseManifest = withNumbers(checkpoint.objects().get(checkpoint.revision()), baseNumbers);
                this.bodies.set(0, applyManifestDelta(baseManifest, bodies.get(0)));
            }
        }

        Map<ContentAddress, byte[]> objects() {
            Map<ContentAddress, byte[]> objects = new LinkedHashMap<>(bodies.size() * 2);
            for (int i = 0; i < bodies.size(); i++) {
                address(i);
                objects.put(addresses[i], expanded[i]);
            }
            return objects;
        }

        private ContentAddress address(int entry) {
            if (addresses[entry] != null) {
                return addresses[entry];
            }
            if (expanding[entry]) {
                throw new IllegalStateException("entity pack entries refer to each other in a cycle");
            }
            expanding[entry] = true;
            byte[] json = expand(bodies.get(entry));
            expanded[entry] = json;
            addresses[entry] = kinds.get(entry).address(json);
            expanding[entry] = false;
            return addresses[entry];
        }

        private byte[] expand(byte[] body) {
            int marker = indexOf(body, REFERENCE, 0);
            if (marker < 0) {
                return body;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 3);
            int copied = 0;
            while (marker >= 0) {
                out.write(body, copied, marker - copied);
                int number = 0;
                int shift = 0;
                int i = marker + 1;
                while (true) {
                    if (i >= body.length || shift > 28) {
                        throw new IllegalStateException("bad entry number in entity pack");
                    }
                    int b = body[i++] & 0xff;
                    number |= (b & 0x7f) << shift;
                    shift += 7;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
                out.writeBytes(hexOf(number).getBytes(StandardCharsets.ISO_8859_1));
                copied = i;
                marker = indexOf(body, REFERENCE, copied);
            }
            out.write(body, copied, body.length - copied);
            return out.toByteArray();
        }

        private String hexOf(int number) {
            if (number < 0) {
                throw new IllegalStateException("bad entry number in entity pack");
            }
            if (number < base.size()) {
                return base.get(number).sha256();
            }
            int own = number - base.size();
            if (own >= bodies.size()) {
                throw new IllegalStateException("entity pack refers to entry " + number + " it does not hold");
            }
            return address(own).sha256();
        }

        private static int indexOf(byte[] bytes, byte value, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == value) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static Map<ContentAddress, byte[]> plainObjects(List<ContentKind> kinds, List<byte[]> bodies) {
        Map<ContentAddress, byte[]> objects = new LinkedHashMap<>(bodies.size() * 2);
        for (int i = 0; i < bodies.size(); i++) {
            objects.put(kinds.get(i).address(bodies.get(i)), bodies.get(i));
        }
        return objects;
    }

    private static InputStream open(byte[] bytes) throws IOException {
        boolean gzip = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        InputStream raw = new ByteArrayInputStream(bytes);
        return gzip ? new GZIPInputStream(raw, 8192) : raw;
    }

    /** True for the current format (numbered bodies), false for EBP1. */
    private static boolean readMagic(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (Arrays.equals(magic, MAGIC)) {
            return true;
        }
        if (Arrays.equals(magic, MAGIC_V1)) {
            return false;
        }
        throw new IllegalStateException("not an entity pack (bad magic)");
    }

    private static ContentAddress readCheckpoint(DataInputStream in) throws IOException {
        int flags = in.readUnsignedByte();
        if ((flags & FLAG_CHECKPOINT) != 0) {
            return null;
        }
        byte[] raw = new byte[SHA256_BYTES];
        in.readFully(raw);
        return ContentKind.REVISION.address(HEX.formatHex(raw));
    }

    private static int code(ContentKind kind) {
        int code = KINDS.indexOf(kind);
        if (code < 0) {
            throw new IllegalArgumentException("no pack code for " + kind);
        }
        return code;
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
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

    private static int readVarint(ByteArrayInputStream in) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("truncated entity pack");
            }
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("varint too long in pack");
    }
}
