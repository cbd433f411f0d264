package dev.sieve.lists;

import java.util.ArrayList;
import java.util.List;

/** Small string helpers shared by the readers. */
final class Text {
    private Text() {
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String joinNonBlank(String sep, String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (isBlank(p)) continue;
            if (!sb.isEmpty()) sb.append(sep);
            sb.append(p.strip());
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** Splits on a separator character outside parentheses, brackets and single/double quotes. */
    static List<String> splitTopLevel(String s, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inQuote = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && depth > 0) depth--;
            else if (c == '\'' && isQuoteBoundary(s, i, inQuote)) inQuote = !inQuote;
            else if (c == sep && depth == 0 && !inQuote) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    // An apostrophe inside a word ("Workers' Party", "O'NEIL") is not a quote.
    private static boolean isQuoteBoundary(String s, int i, boolean inQuote) {
        if (inQuote) {
            return i + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 1));
        }
        return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }

    /** True when the text has letters outside the Latin script (Arabic, Cyrillic, Han...). */
    static boolean hasNonLatinLetters(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON) {
                    return true;
                }
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
