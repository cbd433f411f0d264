package dev.sieve.match.analysis;

import dev.sieve.match.util.BoundedCache;
import java.util.Set;

/**
 * Mandarin names romanised two ways: Wade-Giles (Mao Tse-tung, Hsi Chin-p'ing, Chiang Kai-shek) and
 * pinyin (Mao Zedong, Xi Jinping). Lists and customers use both, usually without Wade-Giles'
 * apostrophes, so aspirated and plain initials cannot be told apart: the key folds both systems onto
 * one spelling (hs/x, ts/tz/z/c, chi/ji/qi, ch/zh, p/b, t/d, k/g, -ung/-ong, -ih/-i, -ieh/-ie). It applies only
 * to parts that read wholly as Mandarin syllables, one of them spelled the Wade-Giles way.
 */
public final class ChineseRomanization {
    private static final Set<String> INITIALS = Set.of("b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j",
            "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w", "hs", "ts", "tz", "ss", "sz");
    private static final Set<String> FINALS = Set.of("a", "o", "e", "i", "u", "ai", "ei", "ao", "ou", "an", "en",
            "ang", "eng", "ong", "er", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai",
            "ui", "uan", "un", "uang", "ue", "ueng", "ih", "ieh", "ung", "iung", "uei", "ien", "eh", "erh", "ueh", "yu");
    private static final String[] WADE_GILES_MARKS = {"hs", "ts", "tz", "ch", "ih", "ieh", "ung", "ien", "uei", "erh",
            "eh"};

    private ChineseRomanization() {
    }

    private static final BoundedCache<String, String> KEYS = new BoundedCache<>(100_000);

    /** The folded key when the part reads as Mandarin syllables, else null (cached: parts repeat). */
    public static String key(String part) {
        if (part.length() < 2 || part.length() > 12) return null;
        String k = KEYS.get(part, ChineseRomanization::fold);
        return k.isEmpty() ? null : k;
    }

    private static String fold(String part) {
        if (!syllables(part)) return "";
        // Wade-Giles ch before i is pinyin j or q, before other vowels zh or ch ("Chin" / "Jin", "Choe" is not "Joe")
        String k = part.replace("hs", "x").replace("tz", "z").replace("ts", "z")
                .replace('j', 'J').replace('q', 'J').replace("chi", "Ji").replace("ch", "C").replace("zh", "C")
                .replace("ieh", "ie").replace("ien", "ian").replace("uei", "ui").replace("erh", "er")
                .replace("ih", "i").replace("eh", "e").replace("ung", "ong")
                .replace('p', 'b').replace('t', 'd').replace('k', 'g').replace('c', 'z');
        return k;
    }

    /** Whether the part is spelled the Wade-Giles way (else pinyin already compares as written). */
    public static boolean wadeGiles(String part) {
        for (String m : WADE_GILES_MARKS) if (part.contains(m)) return true;
        return false;
    }

    /**
     * The class of a part's first sound as the key folds it (hs/x, ts/tz/z/c, ch/zh/j/q, p/b, t/d, k/g):
     * parts whose classes differ cannot share a key. Read from the letters alone, so most pairs are
     * turned away before their keys are looked at.
     */
    public static char initialClass(String part) {
        char c = part.charAt(0);
        char d = part.length() > 1 ? part.charAt(1) : 0;
        return switch (c) {
            case 'h' -> d == 's' ? 'x' : 'h';
            case 't' -> d == 's' || d == 'z' ? 'z' : 'd';
            case 'c' -> d == 'h' ? 'j' : 'z';
            case 'z' -> d == 'h' ? 'j' : 'z';
            case 'q' -> 'j';
            case 'p' -> 'b';
            case 'k' -> 'g';
            default -> c;
        };
    }

    /** Whether two parts are one Mandarin name in Wade-Giles and pinyin (or both). */
    public static boolean same(Token a, Token b) {
        return a.mandarin() != null && (a.wadeGiles() || b.wadeGiles()) && a.mandarin().equals(b.mandarin())
                && initialClass(a.text()) == initialClass(b.text());
    }

    /** Whether the part splits wholly into (initial) + final syllables. */
    static boolean syllables(String s) {
        boolean[] ok = new boolean[s.length() + 1];
        ok[0] = true;
        for (int i = 0; i < s.length(); i++) {
            if (!ok[i]) continue;
            long code = 0;
            for (int end = i + 1; end <= Math.min(s.length(), i + MAX_SYLLABLE); end++) {
                char ch = s.charAt(end - 1);
                if (ch < 'a' || ch > 'z') return false;
                code = code << 5 | (ch - 'a' + 1);
                if (!ok[end] && java.util.Arrays.binarySearch(SYLLABLES, code) >= 0) ok[end] = true;
            }
        }
        return ok[s.length()];
    }

    private static final int MAX_SYLLABLE = 6;
    /** Every initial + final (and bare final), as 5 bits a letter: looked up without building strings. */
    private static final long[] SYLLABLES = syllableCodes();

    private static long[] syllableCodes() {
        java.util.TreeSet<Long> codes = new java.util.TreeSet<>();
        for (String f : FINALS) {
            codes.add(code(f));
            for (String i : INITIALS) codes.add(code(i + f));
        }
        long[] out = new long[codes.size()];
        int k = 0;
        for (long c : codes) out[k++] = c;
        return out;
    }

    private static long code(String s) {
        long code = 0;
        for (int i = 0; i < s.length(); i++) code = code << 5 | (s.charAt(i) - 'a' + 1);
        return code;
    }
}
