package dev.sieve.match.util;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A concurrent memo of a pure function that forgets everything once it holds {@code limit} entries:
 * screening meets the same name parts again and again, but free text can hold any word, so the memo
 * must stay bounded. Clearing whole is crude and cheap; the parts that matter come straight back.
 */
public final class BoundedCache<K, V> {
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
    private final int limit;

    public BoundedCache(int limit) {
        this.limit = limit;
    }

    public V get(K key, Function<? super K, ? extends V> compute) {
        V value = map.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (map.size() >= limit) map.clear();
            map.put(key, value);
        }
        return value;
    }
}
