package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage: the alternatives of a name written with slashes ("AL-QA'IDA/ISLAMIC ARMY"). Only slashes with
 * a word of two letters or more on each side split ("S/O", "A/S" and "1/2" do not), and every
 * alternative must hold four letters; otherwise the name has no alternatives.
 */
public final class SlashAlternatives {
    private SlashAlternatives() {
    }

    public static List<String> split(String raw) {
        if (raw.indexOf('/') < 0) return List.of();
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) != '/') continue;
            if (wordBefore(raw, i) < 2 || wordAfter(raw, i) < 2) return List.of();
            parts.add(raw.substring(start, i).strip());
            start = i + 1;
        }
        parts.add(raw.substring(start).strip());
        for (String p : parts) if (letters(p) < 4) return List.of();
        return parts;
    }

    private static int wordBefore(String s, int slash) {
        int n = 0;
        for (int i = slash - 1; i >= 0 && Character.isLetter(s.charAt(i)); i--) n++;
        return n;
    }

    private static int wordAfter(String s, int slash) {
        int n = 0;
        for (int i = slash + 1; i < s.length() && Character.isLetter(s.charAt(i)); i++) n++;
        return n;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) n++;
        return n;
    }
}
