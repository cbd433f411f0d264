package dev.sieve.match.analysis;

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), bounded for speed. */
public final class EditDistance {
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[][] {new int[64], new int[64], new int[64]});

    private EditDistance() {
    }

    /** The distance between a and b when it is at most {@code max}, otherwise -1. */
    public static int within(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) return -1;
        if (a.equals(b)) return 0;
        if (max <= 1) return max == 1 && oneEdit(a, b) ? 1 : -1;
        if (lettersApart(a, b) > max) return -1;
        return table(a, b, max);
    }

    /** The distance by the (row-bounded) table, when at most {@code max}, otherwise -1. */
    static int table(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[][] rows = ROWS.get();
        if (rows[0].length < m + 1) {
            rows = new int[][] {new int[m + 16], new int[m + 16], new int[m + 16]};
            ROWS.set(rows);
        }
        int[] prev2 = rows[0];
        int[] prev = rows[1];
        int[] cur = rows[2];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) return -1;
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m] <= max ? prev[m] : -1;
    }

    /**
     * A lower bound of the distance, far cheaper than the table: each edit brings at most one letter
     * the other string lacks into either side, so more distinct letters on one side only than allowed
     * edits rule the pair out. Letters share 64 bits; a shared bit can only lower the count.
     */
    static int lettersApart(String a, String b) {
        return lettersApart(letters(a), letters(b));
    }

    /** The same bound from two strings' {@link #letters}. */
    public static int lettersApart(long x, long y) {
        return Math.max(Long.bitCount(x & ~y), Long.bitCount(y & ~x));
    }

    /** The set of a string's letters as 64 bits (letters 64 apart share one). */
    public static long letters(String s) {
        long bits = 0;
        for (int i = 0; i < s.length(); i++) bits |= 1L << s.charAt(i); // the shift takes the char mod 64
        return bits;
    }

    /**
     * Whether two different strings are one substitution, insertion, deletion or adjacent transposition
     * apart: a scan, without the table (most bounded comparisons allow one edit).
     */
    private static boolean oneEdit(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (n < m) return oneEdit(b, a);
        int i = 0;
        while (i < m && a.charAt(i) == b.charAt(i)) i++;
        if (n == m) {
            if (a.regionMatches(i + 1, b, i + 1, n - i - 1)) return true; // substitution
            return i + 1 < n && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, n - i - 2); // transposition
        }
        return n == m + 1 && a.regionMatches(i + 1, b, i, m - i); // a has one letter more
    }

    /** 1 - distance / longer length, from the full (unbounded) distance; 1 for equal strings. */
    public static double similarity(String a, String b) {
        int longest = Math.max(a.length(), b.length());
        if (longest == 0) return 1;
        int d = within(a, b, longest);
        return 1.0 - (double) d / longest;
    }
}
