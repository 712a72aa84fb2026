package org.entitybase.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a credential proved, believed until a deadline: verified JWTs and API keys (found or not) so a client's next
 * requests cost a map lookup. Bounded: past {@code maxSize} entries it starts over (clients verify again once).
 */
final class CredentialCache<V> {
    private final int maxSize;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

    private record Entry<V>(V value, long validUntilMillis) {}

    CredentialCache(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The value cached for {@code credential} while it is still valid, else null. */
    V get(String credential) {
        Entry<V> entry = entries.get(credential);
        if (entry == null) {
            return null;
        }
        if (System.currentTimeMillis() < entry.validUntilMillis()) {
            return entry.value();
        }
        entries.remove(credential);
        return null;
    }

    void put(String credential, V value, long validUntilMillis) {
        if (entries.size() >= maxSize) {
            entries.clear();
        }
        entries.put(credential, new Entry<>(value, validUntilMillis));
    }
}
