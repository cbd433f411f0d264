package dev.sieve.match.analysis;

/**
 * Stage (organisations, vessels, aircraft; before tokenising): a number run into a word is a part of its own, "GOLD
 * STAR3" is "GOLD STAR 3" and "3MAJ" is "3 MAJ", so that the number meets the number the other name writes apart. An
 * ordinal stays whole ("21ST CENTURY").
 */
public final class DigitSplitter {
    private DigitSplitter() {
    }

    public static String apply(String s) {
        StringBuilder out = null;
        for (int i = 1; i < s.length(); i++) {
            char before = s.charAt(i - 1);
            char c = s.charAt(i);
            boolean split = Character.isLetter(before) && Character.isDigit(c)
                    || Character.isDigit(before) && Character.isLetter(c) && !ordinal(s, i);
            if (split && out == null) out = new StringBuilder(s.length() + 4).append(s, 0, i);
            if (out != null) {
                if (split) out.append(' ');
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** "st", "nd", "rd" or "th" at {@code i} ending the word: 1st, 22nd, 3rd, 4th. */
    private static boolean ordinal(String s, int i) {
        if (i + 2 > s.length()) return false;
        String two = s.substring(i, i + 2).toLowerCase(java.util.Locale.ROOT);
        boolean suffix = two.equals("st") || two.equals("nd") || two.equals("rd") || two.equals("th");
        return suffix && (i + 2 == s.length() || !Character.isLetter(s.charAt(i + 2)));
    }
}
