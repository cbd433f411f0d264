package dev.sieve.match.util;

/** Sizes of the per-query scratch arrays that are indexed by an index's parts or names. */
public final class Capacity {
    private Capacity() {
    }

    /**
     * {@code needed} plus a quarter. A reloaded index is usually a little larger than the one before;
     * when the pooled arrays already fit it, the hot loops never take their "grow" branch after a swap.
     * Taking a branch the JIT compiler has never seen discards the compiled code of the methods that
     * inlined it. They then run slower for seconds while it is compiled again, under load.
     */
    public static int withRoomToGrow(int needed) {
        return needed + needed / 4;
    }
}
