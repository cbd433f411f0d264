package dev.sieve.match.score;

/**
 * Per-query memo of part comparisons, keyed by (query form, query part, listed vocabulary id) packed in a
 * long: an open-addressing table without boxing, since the same listed parts recur across candidates.
 */
public final class PartMemo {
    private long[] keys = new long[256];
    private TokenSimilarity.Result[] values = new TokenSimilarity.Result[256];
    private int size;

    public static long key(int form, int queryPart, int vocabularyId) {
        return (long) form << 48 | (long) queryPart << 32 | (vocabularyId & 0xFFFFFFFFL);
    }

    public TokenSimilarity.Result get(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            TokenSimilarity.Result v = values[i];
            if (v == null) return null;
            if (keys[i] == key) return v;
        }
    }

    public void put(long key, TokenSimilarity.Result value) {
        if (2 * (size + 1) > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Empties the memo for the next query, keeping its (grown) tables. */
    public void clear() {
        java.util.Arrays.fill(values, null);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        TokenSimilarity.Result[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new TokenSimilarity.Result[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldValues[i] != null) put(oldKeys[i], oldValues[i]);
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
