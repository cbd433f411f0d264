package dev.sieve.match.util;

import java.util.function.LongFunction;

/**
 * A lossy memo of a pure function of a {@code long}: one slot per hash, a newer key taking its slot. No locks, no
 * boxing and no map entries: where a {@link BoundedCache} looked its keys up millions of times a second (the candidate
 * bound's runs of listed parts), its hash map was a tenth of names-only screening. Threads may race for a slot; each
 * slot holds an immutable entry, so a reader sees a whole entry or another one, never half of one.
 */
public final class LongKeyedMemo<V> {
    private record Entry<V>(long key, V value) {
    }

    private final Entry<V>[] slots;
    private final int mask;

    @SuppressWarnings("unchecked")
    public LongKeyedMemo(int slotsPowerOfTwo) {
        if (Integer.bitCount(slotsPowerOfTwo) != 1) throw new IllegalArgumentException("slots must be a power of two");
        slots = (Entry<V>[]) new Entry[slotsPowerOfTwo];
        mask = slotsPowerOfTwo - 1;
    }

    public V get(long key, LongFunction<? extends V> compute) {
        int slot = (int) mix(key) & mask;
        Entry<V> e = slots[slot];
        if (e != null && e.key == key) return e.value;
        V value = compute.apply(key);
        slots[slot] = new Entry<>(key, value);
        return value;
    }

    /** A 64-bit finaliser (SplitMix64's), so that keys differing in high bits only spread over the slots. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
