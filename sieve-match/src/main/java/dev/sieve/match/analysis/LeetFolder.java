package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage: digits standing for letters inside a word ("Ig0r Sech1n", "I9or") become those letters. Only
 * a digit with letters on both sides changes: codes such as "AHL1", "A320" or "2004" keep their digits.
 */
public final class LeetFolder {
    private LeetFolder() {
    }

    public static List<String> apply(List<String> tokens) {
        List<String> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String folded = fold(t);
            if (folded != t) {
                if (out == null) out = new ArrayList<>(tokens);
                out.set(i, folded);
            }
        }
        return out == null ? tokens : out;
    }

    static String fold(String t) {
        char[] cs = null;
        for (int i = 1; i + 1 < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isDigit(c) || !Character.isLetter(t.charAt(i - 1)) || !Character.isLetter(t.charAt(i + 1))) continue;
            char letter = switch (c) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4' -> 'a';
                case '5' -> 's';
                case '7' -> 't';
                case '8' -> 'b';
                case '9' -> 'g';
                default -> c;
            };
            if (letter == c) continue;
            if (cs == null) cs = t.toCharArray();
            cs[i] = letter;
        }
        return cs == null ? t : new String(cs);
    }
}
