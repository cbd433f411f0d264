package dev.sieve.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Words people type as keys to compare: a customer file's header ("Date of Birth"), a kind of party ("Personne
 * physique"). Case and accents are folded (ß as ss) and every run of characters other than letters and digits becomes
 * one separator, so that "Date-of-BIRTH" and "date of birth" are one key. Letters of every script are kept.
 */
public final class TextKeys {
    private TextKeys() {
    }

    /** The text as a key, its words joined by {@code separator} ("Staatsangehörigkeit" → staatsangehorigkeit). */
    public static String fold(String text, char separator) {
        String folded = Normalizer.normalize(text.strip(), Normalizer.Form.NFKD).replace("ß", "ss").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) continue;
            if (Character.isLetterOrDigit(cp)) {
                if (gap && !out.isEmpty()) out.append(separator);
                gap = false;
                out.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
