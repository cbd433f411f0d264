package dev.sieve.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date known to the year, the month or the day, as lists publish dates of birth.
 * Written and parsed as {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {
    public PartialDate {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (month == null && day != null) {
            throw new IllegalArgumentException("a day needs a month");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        if (day != null) {
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such day: " + year + "-" + month + "-" + day);
            }
        }
    }

    public static PartialDate ofYear(int year) {
        return new PartialDate(year, null, null);
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; throws with the offending text otherwise. */
    public static PartialDate parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return switch (t.length()) {
                case 4 -> ofYear(Integer.parseInt(t));
                case 7 -> {
                    YearMonth ym = YearMonth.parse(t);
                    yield new PartialDate(ym.getYear(), ym.getMonthValue(), null);
                }
                case 10 -> of(LocalDate.parse(t));
                default -> throw new IllegalArgumentException("not a date: '" + t + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
            };
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalArgumentException("not a date: '" + t + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        }
    }

    public Precision precision() {
        return day != null ? Precision.DAY : month != null ? Precision.MONTH : Precision.YEAR;
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = Integer.compare(year, o.year);
        if (c == 0) c = Integer.compare(month == null ? 0 : month, o.month == null ? 0 : o.month);
        if (c == 0) c = Integer.compare(day == null ? 0 : day, o.day == null ? 0 : o.day);
        return c;
    }

    /** ISO 8601 as far as known: "1964", "1964-03", "1964-03-08" (every stored entity writes its dates so). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(10);
        padded(b, year, 4);
        if (month != null) padded(b.append('-'), month, 2);
        if (day != null) padded(b.append('-'), day, 2);
        return b.toString();
    }

    private static void padded(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        b.repeat('0', width - digits.length()).append(digits);
    }

    public enum Precision { YEAR, MONTH, DAY }
}
