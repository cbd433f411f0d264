package dev.sieve.match.analysis;

import java.util.Map;

/**
 * Stage: in a word that is mostly Latin, Cyrillic or Greek letters that look like Latin ones ("о", "а",
 * "Р") are replaced by those Latin letters — a name spelled with a planted Cyrillic "о" is still itself.
 * Words written wholly in Cyrillic or Greek are left for transliteration.
 */
public final class HomoglyphFolder {
    private static final Map<Character, Character> LOOKALIKES = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('ѕ', 's'),
            Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('Е', 'E'), Map.entry('К', 'K'), Map.entry('М', 'M'),
            Map.entry('Н', 'H'), Map.entry('О', 'O'), Map.entry('Р', 'P'), Map.entry('С', 'C'), Map.entry('Т', 'T'),
            Map.entry('Х', 'X'), Map.entry('У', 'Y'), Map.entry('І', 'I'), Map.entry('Ј', 'J'), Map.entry('Ѕ', 'S'),
            Map.entry('ο', 'o'), Map.entry('α', 'a'), Map.entry('ν', 'v'), Map.entry('ρ', 'p'), Map.entry('Α', 'A'),
            Map.entry('Β', 'B'), Map.entry('Ε', 'E'), Map.entry('Ζ', 'Z'), Map.entry('Η', 'H'), Map.entry('Ι', 'I'),
            Map.entry('Κ', 'K'), Map.entry('Μ', 'M'), Map.entry('Ν', 'N'), Map.entry('Ο', 'O'), Map.entry('Ρ', 'P'),
            Map.entry('Τ', 'T'), Map.entry('Υ', 'Y'), Map.entry('Χ', 'X'));

    private HomoglyphFolder() {
    }

    public static String apply(String text) {
        boolean anyLookalikeScript = false;
        for (int i = 0; i < text.length() && !anyLookalikeScript; i++) anyLookalikeScript = text.charAt(i) >= 0x370;
        if (!anyLookalikeScript) return text;
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || !Character.isLetter(text.charAt(i))) {
                out.append(foldWord(text.substring(start, i)));
                if (i < text.length()) out.append(text.charAt(i));
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static String foldWord(String word) {
        int latin = 0;
        int lookalike = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x250 && Character.isLetter(c)) latin++;
            else if (LOOKALIKES.containsKey(c)) lookalike++;
        }
        if (lookalike == 0 || latin == 0 || latin < lookalike) return word;
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            sb.append(LOOKALIKES.getOrDefault(c, c));
        }
        return sb.toString();
    }
}
