package dev.sieve.lists;

import dev.sieve.model.BirthDate;
import dev.sieve.model.PartialDate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date spellings the lists use, parsed strictly: anything else is an IllegalArgumentException. */
final class Dates {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Pattern OFAC_DATE = Pattern.compile("(?:(\\d{1,2}) )?(?:([A-Za-z]{3})[a-z]* )?(\\d{4})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private Dates() {
    }

    /**
     * OFAC's date-of-birth text: "08 Jan 1984", "Jan 1984", "1984", "circa 1960", "1960 to 1962",
     * "01 Jan 1961 to 31 Dec 1962" (a trailing full stop is tolerated).
     */
    static BirthDate ofacBirthDate(String text) {
        String t = text.strip();
        if (t.endsWith(".")) t = t.substring(0, t.length() - 1).strip();
        boolean circa = false;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("circa ")) {
            circa = true;
            t = t.substring(6).strip();
        }
        int to = t.indexOf(" to ");
        if (to >= 0) {
            return new BirthDate(ofacDate(t.substring(0, to)), ofacDate(t.substring(to + 4)), circa);
        }
        return new BirthDate(ofacDate(t), null, circa);
    }

    static PartialDate ofacDate(String text) {
        Matcher m = OFAC_DATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("unreadable date '" + text.strip() + "'");
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(2) == null) {
            if (m.group(1) != null) throw new IllegalArgumentException("unreadable date '" + text.strip() + "'");
            return PartialDate.ofYear(year);
        }
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) throw new IllegalArgumentException("unknown month in date '" + text.strip() + "'");
        Integer day = m.group(1) == null ? null : Integer.parseInt(m.group(1));
        return new PartialDate(year, month, day);
    }

    /** "dd/mm/yyyy" where 00 stands for an unknown day or month (UK ConList). */
    static PartialDate dayMonthYear(String text) {
        Matcher m = DMY.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException("unreadable date '" + text.strip() + "' (expected dd/mm/yyyy)");
        int d = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        int y = Integer.parseInt(m.group(3));
        if (mo == 0) return PartialDate.ofYear(y);
        return new PartialDate(y, mo, d == 0 ? null : d);
    }

    static LocalDate dayMonthYearFull(String text) {
        PartialDate p = dayMonthYear(text);
        if (p.day() == null) throw new IllegalArgumentException("incomplete date '" + text.strip() + "'");
        return LocalDate.of(p.year(), p.month(), p.day());
    }

    /** ISO date, possibly with a time or an offset after it ("2012-12-31", "2007-05-16-04:00"). */
    static LocalDate isoDate(String text) {
        String t = text.strip();
        if (t.length() < 10) throw new IllegalArgumentException("unreadable date '" + t + "'");
        try {
            return LocalDate.parse(t.substring(0, 10));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unreadable date '" + t + "'");
        }
    }

    /**
     * A file's own date or time as lists write it: a day ("2026-03-02", the start of it), or a time with an offset
     * ("2026-03-02T10:15:00.000+01:00") or without one ("2026-11-27T09:14:52", UTC).
     */
    static Instant instant(String text) {
        String t = text.strip();
        try {
            if (t.length() == 10) return startOfDay(isoDate(t));
            try {
                return java.time.OffsetDateTime.parse(t).toInstant();
            } catch (java.time.DateTimeException e) {
                return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable date '" + t + "'");
        }
    }

    static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
