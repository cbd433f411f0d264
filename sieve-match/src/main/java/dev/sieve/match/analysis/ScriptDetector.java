package dev.sieve.match.analysis;

import java.util.EnumMap;
import java.util.Map;

/** Stage: finds the dominant script of a name (most letters win; Latin when there are no letters). */
public final class ScriptDetector {
    private ScriptDetector() {
    }

    public static Script detect(String text) {
        boolean basicLatin = true;
        for (int i = 0; i < text.length() && basicLatin; i++) basicLatin = text.charAt(i) < 0x250;
        if (basicLatin) return Script.LATIN;
        Map<Script, Integer> counts = new EnumMap<>(Script.class);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            counts.merge(of(cp), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Script.LATIN);
    }

    static Script of(int cp) {
        return switch (Character.UnicodeScript.of(cp)) {
            case LATIN, COMMON, INHERITED -> Script.LATIN;
            case CYRILLIC -> Script.CYRILLIC;
            case GREEK -> Script.GREEK;
            case ARABIC -> Script.ARABIC;
            case HEBREW -> Script.HEBREW;
            case HANGUL -> Script.HANGUL;
            case HAN -> Script.HAN;
            case HIRAGANA, KATAKANA -> Script.KANA;
            case THAI -> Script.THAI;
            case DEVANAGARI -> Script.DEVANAGARI;
            default -> Script.OTHER;
        };
    }
}
