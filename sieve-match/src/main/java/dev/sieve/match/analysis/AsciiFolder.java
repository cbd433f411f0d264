package dev.sieve.match.analysis;

import java.text.Normalizer;

/**
 * Stage: case and diacritic folding for Latin text (Nguyễn → nguyen, Ð/Đ → d, ß → ss, Ø → o). Letters of
 * other scripts are lower-cased and kept, for same-script comparison of original-script names.
 */
public final class AsciiFolder {
    private AsciiFolder() {
    }

    public static String apply(String text) {
        if (UnicodeNormalizer.plainAscii(text)) return text.toLowerCase(java.util.Locale.ROOT);
        String d = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                // Diacritics go, except the Arabic/Hebrew marks ICU leaves nowhere near Latin text anyway.
                continue;
            }
            switch (c) {
                case 'ß' -> sb.append("ss");
                case 'Æ', 'æ' -> sb.append("ae");
                case 'Œ', 'œ' -> sb.append("oe");
                case 'Ø', 'ø' -> sb.append('o');
                case 'Đ', 'đ', 'Ð', 'ð' -> sb.append('d');
                case 'Ł', 'ł' -> sb.append('l');
                case 'ı' -> sb.append('i');
                case 'Þ', 'þ' -> sb.append("th");
                default -> sb.append(Character.toLowerCase(c));
            }
        }
        // Hangul syllables were decomposed into jamo above: compose them again (Latin marks are gone already).
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }
}
