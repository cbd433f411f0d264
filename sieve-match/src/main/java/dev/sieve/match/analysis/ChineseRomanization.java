package dev.sieve.match.analysis;

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

    /** The folded key when the part reads as Mandarin syllables, else null. */
    public static String key(String part) {
        if (part.length() < 2 || part.length() > 12 || !syllables(part)) return null;
        // Wade-Giles ch before i is pinyin j or q, before other vowels zh or ch ("Chin" / "Jin", "Choe" is not "Joe")
        String k = part.replace("hs", "x").replace("tz", "z").replace("ts", "z")
                .replace('j', 'J').replace('q', 'J').replace("chi", "Ji").replace("ch", "C").replace("zh", "C")
                .replace("ieh", "ie").replace("ien", "ian").replace("uei", "ui").replace("erh", "er")
                .replace("ih", "i").replace("eh", "e").replace("ung", "ong")
                .replace('p', 'b').replace('t', 'd').replace('k', 'g').replace('c', 'z');
        return k;
    }

    /** Whether either part is spelled the Wade-Giles way (else pinyin already compares as written). */
    public static boolean wadeGiles(String a, String b) {
        for (String m : WADE_GILES_MARKS) if (a.contains(m) || b.contains(m)) return true;
        return false;
    }

    /** Whether two parts are one Mandarin name in Wade-Giles and pinyin (or both). */
    public static boolean same(String a, String b) {
        if (!wadeGiles(a, b)) return false;
        String ka = key(a);
        return ka != null && ka.equals(key(b));
    }

    /** Whether the part splits wholly into (initial) + final syllables. */
    static boolean syllables(String s) {
        boolean[] ok = new boolean[s.length() + 1];
        ok[0] = true;
        for (int i = 0; i < s.length(); i++) {
            if (!ok[i]) continue;
            for (int end = i + 1; end <= Math.min(s.length(), i + 6); end++) {
                if (!ok[end] && syllable(s, i, end)) ok[end] = true;
            }
        }
        return ok[s.length()];
    }

    private static boolean syllable(String s, int from, int to) {
        String syl = s.substring(from, to);
        if (FINALS.contains(syl)) return true;
        for (int n = 1; n <= 2 && n < syl.length(); n++) {
            if (INITIALS.contains(syl.substring(0, n)) && FINALS.contains(syl.substring(n))) return true;
        }
        return false;
    }
}
