package dev.sieve.match.analysis;

import java.text.Normalizer;

/**
 * Stage: compatibility normalisation (NFKC: full-width letters, ligatures), invisible format characters
 * removed, every dash and apostrophe look-alike made plain.
 */
public final class UnicodeNormalizer {
    private UnicodeNormalizer() {
    }

    static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '`') return false;
        }
        return true;
    }

    public static String apply(String text) {
        if (plainAscii(text)) return text; // nothing to normalise: the common case, kept cheap
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.CONTROL) {
                if (Character.isWhitespace(cp)) sb.append(' ');
                continue; // zero-width joiners, bidi marks, tatweel-like format characters
            }
            if (type == Character.DASH_PUNCTUATION) {
                sb.append('-');
            } else if (cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '\u02BB' || cp == '`' || cp == '\u00B4') {
                sb.append('\'');
            } else if (cp == '\u0640') {
                // Arabic tatweel (kashida) only stretches letters
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }
}
