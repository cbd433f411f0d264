package dev.sieve.channels.travel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An ICAO Doc 9303 machine-readable zone, read and checked: TD1 (3 × 30), TD2 (2 × 36) and TD3 (2 × 44)
 * travel documents, and MRV-A / MRV-B visas (2 × 44 / 2 × 36, without composite check digit). Every check
 * digit is verified; a wrong one is an error naming the field.
 *
 * @param format TD1, TD2, TD3, MRV-A or MRV-B
 * @param documentCode e.g. {@code P}, {@code I}, {@code V} (filler removed)
 * @param issuingState ICAO three-letter code as printed ({@code D} for Germany, {@code UTO} for the specimen state)
 * @param nationality ICAO three-letter code as printed
 * @param sex {@code M}, {@code F} or null when unspecified
 */
public record Mrz(String format, String documentCode, String issuingState, String surname, String givenNames,
                  String documentNumber, String nationality, LocalDate birthDate, String sex, LocalDate expiryDate,
                  String optionalData) {

    /** The holder's name as "GIVEN NAMES SURNAME". */
    public String fullName() {
        return givenNames.isEmpty() ? surname : givenNames + " " + surname;
    }

    public static Mrz parse(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\\R")) if (!l.isBlank()) lines.add(l.strip());
        if (lines.size() == 3 && lines.stream().allMatch(l -> l.length() == 30)) return td1(lines);
        if (lines.size() == 2 && lines.stream().allMatch(l -> l.length() == 36)) return twoLines(lines, 36);
        if (lines.size() == 2 && lines.stream().allMatch(l -> l.length() == 44)) return twoLines(lines, 44);
        throw new MrzException("not a machine-readable zone: " + lines.size() + " line(s) of "
                + lines.stream().map(l -> String.valueOf(l.length())).toList()
                + " characters (expected 3 × 30, 2 × 36 or 2 × 44)");
    }

    private static Mrz td1(List<String> l) {
        String l1 = l.get(0), l2 = l.get(1), l3 = l.get(2);
        charset(l, "TD1");
        String number = l1.substring(5, 14);
        String numberCheck = l1.substring(14, 15);
        String optional1 = l1.substring(15, 30);
        if (numberCheck.equals("<")) {
            // a long document number continues in the optional data; its check digit ends it
            int end = optional1.indexOf('<');
            String rest = end < 0 ? optional1 : optional1.substring(0, end);
            if (rest.isEmpty()) throw new MrzException("line 1: document number check digit is missing");
            number = number + rest.substring(0, rest.length() - 1);
            numberCheck = rest.substring(rest.length() - 1);
            optional1 = end < 0 ? "" : optional1.substring(end);
        }
        check(number, numberCheck, "document number (line 1)");
        check(l2.substring(0, 6), l2.substring(6, 7), "date of birth (line 2)");
        check(l2.substring(8, 14), l2.substring(14, 15), "date of expiry (line 2)");
        String composite = l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        check(composite, l2.substring(29, 30), "composite (line 2)");
        String[] names = names(l3);
        return new Mrz("TD1", filler(l1.substring(0, 2)), state(l1.substring(2, 5), "issuing state (line 1)"), names[0],
                names[1], filler(number), state(l2.substring(15, 18), "nationality (line 2)"), date(l2.substring(0, 6), true, "date of birth"), sex(l2.charAt(7)),
                date(l2.substring(8, 14), false, "date of expiry"), filler(optional1 + l2.substring(18, 29)));
    }

    private static Mrz twoLines(List<String> l, int width) {
        String l1 = l.get(0), l2 = l.get(1);
        boolean visa = l1.charAt(0) == 'V';
        String format = width == 44 ? (visa ? "MRV-A" : "TD3") : (visa ? "MRV-B" : "TD2");
        charset(l, format);
        check(l2.substring(0, 9), l2.substring(9, 10), "document number (line 2)");
        check(l2.substring(13, 19), l2.substring(19, 20), "date of birth (line 2)");
        check(l2.substring(21, 27), l2.substring(27, 28), "date of expiry (line 2)");
        String optional;
        if (visa) {
            optional = l2.substring(28);
        } else if (width == 44) {
            optional = l2.substring(28, 42);
            // the personal number's check digit may be '<' when the field is empty
            if (!(l2.charAt(42) == '<' && optional.chars().allMatch(c -> c == '<'))) {
                check(optional, l2.substring(42, 43), "personal number (line 2)");
            }
            check(l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43), l2.substring(43, 44), "composite (line 2)");
        } else {
            optional = l2.substring(28, 35);
            check(l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35), l2.substring(35, 36), "composite (line 2)");
        }
        String[] names = names(l1.substring(5));
        return new Mrz(format, filler(l1.substring(0, 2)), state(l1.substring(2, 5), "issuing state (line 1)"), names[0],
                names[1], filler(l2.substring(0, 9)), state(l2.substring(10, 13), "nationality (line 2)"), date(l2.substring(13, 19), true, "date of birth"),
                sex(l2.charAt(20)), date(l2.substring(21, 27), false, "date of expiry"), filler(optional));
    }

    /** The ICAO check digit: weights 7, 3, 1 over digits, letters (A = 10 … Z = 35) and filler (0). */
    public static int checkDigit(String s) {
        int sum = 0;
        int[] weights = {7, 3, 1};
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * weights[i % 3];
        }
        return sum % 10;
    }

    private static void check(String data, String digit, String field) {
        int expected = checkDigit(data);
        if (digit.length() != 1 || !Character.isDigit(digit.charAt(0)) || digit.charAt(0) - '0' != expected) {
            throw new MrzException("check digit of the " + field + " is '" + digit + "', expected " + expected);
        }
    }

    private static void charset(List<String> lines, String format) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            for (int j = 0; j < l.length(); j++) {
                char c = l.charAt(j);
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '<')) {
                    throw new MrzException(format + " line " + (i + 1) + ", position " + (j + 1) + ": '" + c
                            + "' is not an MRZ character (A-Z, 0-9, <)");
                }
            }
        }
    }

    private static String[] names(String field) {
        String trimmed = field.replaceAll("<+$", "");
        int split = trimmed.indexOf("<<");
        String surname = (split < 0 ? trimmed : trimmed.substring(0, split)).replace('<', ' ').strip();
        String given = split < 0 ? "" : trimmed.substring(split + 2).replace('<', ' ').strip().replaceAll(" +", " ");
        return new String[] {surname, given};
    }

    private static String state(String code, String field) {
        if (!code.matches("[A-Z<]{3}")) throw new MrzException("the " + field + " '" + code + "' is not a three-letter code");
        return filler(code);
    }

    private static String filler(String s) {
        return s.replace('<', ' ').strip();
    }

    private static String sex(char c) {
        return c == 'M' || c == 'F' ? String.valueOf(c) : null;
    }

    private static LocalDate date(String yymmdd, boolean birth, String field) {
        LocalDate d = TravelDates.yymmdd(yymmdd, birth);
        if (d == null) throw new MrzException("the " + field + " '" + yymmdd + "' is not a date (YYMMDD)");
        return d;
    }
}
