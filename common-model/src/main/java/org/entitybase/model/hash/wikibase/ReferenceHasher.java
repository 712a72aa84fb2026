package org.entitybase.model.hash.wikibase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.entitybase.model.snak.Snak;
import org.entitybase.model.statement.Reference;

/**
 * The Wikibase reference hash (HASHES.md §4): SHA-1 of the sorted, de-duplicated snak hashes joined with {@code |}.
 * The snak hashes are recomputed from the snaks, never read from their {@code hash} fields, exactly as Wikibase does;
 * the order of properties and of {@code snaks-order} does not matter. The same value names the RDF {@code wdref:}
 * node (§5.3).
 */
public final class ReferenceHasher {
    private static final System.Logger LOG = System.getLogger(ReferenceHasher.class.getName());
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(ReferenceHasher::sha1);

    private ReferenceHasher() {}

    public static String hash(Reference reference) {
        return hash(reference, SnakHashVariant.CURRENT);
    }

    static String hash(Reference reference, SnakHashVariant variant) {
        int count = 0;
        for (List<Snak> snaks : reference.snaks().values()) {
            count += snaks.size();
        }
        String[] hashes = new String[count];
        int i = 0;
        for (List<Snak> snaks : reference.snaks().values()) {
            for (Snak snak : snaks) {
                hashes[i++] = SnakHasher.hash(snak, variant);
            }
        }
        return hashOfSnakHashes(hashes);
    }

    /**
     * SHA-1 of the sorted, distinct lowercase hex hashes joined by {@code |}. Sorts {@code snakHashes} in place. Byte
     * order equals String order here because the hashes are ASCII.
     */
    public static String hashOfSnakHashes(String[] snakHashes) {
        Arrays.sort(snakHashes);
        MessageDigest digest = SHA1.get();
        digest.reset();
        String previous = null;
        for (String h : snakHashes) {
            if (h.equals(previous)) {
                continue;
            }
            if (previous != null) {
                digest.update((byte) '|');
            }
            if (looksNumericToPhp(h)) {
                // PHP's sort() would compare two such strings as numbers; never seen on Wikidata (HASHES.md §4).
                LOG.log(System.Logger.Level.WARNING, "snak hash {0} looks numeric to PHP sort()", h);
            }
            digest.update(h.getBytes(StandardCharsets.US_ASCII));
            previous = h;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** All digits, or digits with one {@code e} strictly inside: what PHP would treat as a numeric string. */
    static boolean looksNumericToPhp(String hash) {
        int e = -1;
        for (int i = 0; i < hash.length(); i++) {
            char c = hash.charAt(i);
            if (c == 'e' && e < 0 && i > 0 && i < hash.length() - 1) {
                e = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }
}
