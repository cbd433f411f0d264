package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage: splits a folded name into parts on anything that is not a letter or digit ("Jong-un" → jong,
 * un; "KIM, Jong Un" → kim, jong, un). Apostrophes inside a word join it ("O'Neil" → oneil), since lists
 * write the same name with and without them.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    public static List<String> apply(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                    || Character.getType(cp) == Character.NON_SPACING_MARK) {
                cur.appendCodePoint(cp);
            } else if (cp == '\'' && !cur.isEmpty() && i < text.length() && Character.isLetter(text.codePointAt(i))) {
                // inside a word: dropped, the word goes on
            } else if (!cur.isEmpty()) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }
}
