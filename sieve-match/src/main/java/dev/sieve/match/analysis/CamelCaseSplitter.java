package dev.sieve.match.analysis;

/**
 * Stage (organisations, vessels, aircraft; before case folding): a capitalised word run into a following
 * capital is two words, "SiemensAG" is "Siemens AG" and "PetroChina" is "Petro China". Only after a
 * capital and three or more small letters, so typos in capitals ("KHAIRyHWAH", "YosAGUCHI") and
 * "McDonald" stay whole.
 */
public final class CamelCaseSplitter {
    /** Small letters a capitalised word needs before a capital may start the next: typos in capitals make at most two. */
    private static final int MIN_SMALL = 3;

    private CamelCaseSplitter() {
    }

    public static String apply(String s) {
        StringBuilder out = null;
        int small = 0; // small letters since the last capital that began a word, -1: not in such a run
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                if (small >= MIN_SMALL) {
                    if (out == null) out = new StringBuilder(s.length() + 4).append(s, 0, i);
                    out.append(' ');
                }
                small = i == 0 || !Character.isLetter(s.charAt(i - 1)) || small >= MIN_SMALL ? 0 : -1;
            } else if (Character.isLowerCase(c)) {
                if (small >= 0) small++;
            } else {
                small = -1;
            }
            if (out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }
}
