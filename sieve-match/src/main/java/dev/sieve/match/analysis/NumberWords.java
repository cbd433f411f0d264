package dev.sieve.match.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage: numbers written as words or ordinals become digits, so "Brigade Forty-Four" is "Brigade 44",
 * "Three Percenters" is "3 Percenters" and "First International Bank" is "1st International Bank".
 * Not for persons: "Seven" or "Ten" may be a name there.
 */
public final class NumberWords {
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fourty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    private NumberWords() {
    }

    public static List<String> apply(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            Integer tens = TENS.get(t);
            if (tens != null) {
                int value = tens;
                if (i + 1 < tokens.size()) {
                    String next = tokens.get(i + 1);
                    Integer unit = UNITS.get(next);
                    if (unit == null && next.matches("[1-9]")) unit = Integer.parseInt(next);
                    if (unit != null && unit >= 1 && unit <= 9) {
                        value += unit;
                        i++;
                    }
                }
                out.add(Integer.toString(value));
                continue;
            }
            Integer unit = UNITS.get(t);
            if (unit != null) {
                out.add(Integer.toString(unit));
                continue;
            }
            String ordinal = ordinalDigits(t);
            out.add(ordinal != null ? ordinal : t);
        }
        return out;
    }

    /** "1st", "22nd", "3rd", "4th" → the digits; else null. */
    private static String ordinalDigits(String t) {
        if (t.length() < 3 || !Character.isDigit(t.charAt(0))) return null;
        String suffix = t.substring(t.length() - 2);
        String digits = t.substring(0, t.length() - 2);
        if (!digits.chars().allMatch(Character::isDigit)) return null;
        return suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th") ? digits : null;
    }
}
