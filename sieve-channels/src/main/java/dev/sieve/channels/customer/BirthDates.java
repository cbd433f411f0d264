package dev.sieve.channels.customer;

import dev.sieve.model.PartialDate;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Birth dates as customer files write them: ISO (1952, 1952-10, 1952-10-07), day.month.year (07.10.1952,
 * unambiguous in every locale that writes it), or the pattern the user gives ("dd/MM/yyyy"). A date such
 * as 07/10/1952 is the 7th of October in Europe and the 10th of July in the US: without a pattern it is
 * not guessed; where only one reading is a date (21/03/1950, 03/21/1950) or both are the same day (05/05/1980), it is
 * that date. Also read as databases and reports write them: 19500321, 1950-03-21T00:00:00 and 1950-03-21 00:00:00.000
 * (the time left out), 21-Mar-1950, 21 March 1950 and March 21, 1950.
 */
final class BirthDates {
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern COMPACT = Pattern.compile("(1[89]\\d\\d|20\\d\\d)(\\d\\d)(\\d\\d)");
    private static final Pattern WITH_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]\\d{1,2}:\\d{2}(:\\d{2}([.,]\\d+)?)?"
            + "\\s*(Z|UTC|[+-]\\d{2}(:?\\d{2})?)?");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile("(\\d{1,2})[ -]([A-Za-z]{3,9})\\.?[ -](\\d{4})");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile("([A-Za-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})");
    private final DateTimeFormatter format;
    private final String pattern;

    BirthDates(String pattern) {
        this.pattern = pattern;
        if (pattern == null || pattern.isBlank()) {
            this.format = null;
            return;
        }
        try {
            this.format = DateTimeFormatter.ofPattern(pattern.strip().replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a date pattern (e.g. dd/MM/yyyy, MM/dd/yyyy): " + e.getMessage());
        }
    }

    PartialDate parse(String text) {
        String t = text.strip();
        if (format != null) {
            try {
                return PartialDate.of(LocalDate.parse(t, format));
            } catch (DateTimeParseException e) {
                // fall through: ISO dates are accepted whatever the pattern
            }
        }
        Matcher m = DOTTED.matcher(t);
        if (m.matches()) {
            try {
                return PartialDate.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1))));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date");
            }
        }
        LocalDate written = writtenOut(t);
        if (written != null) return PartialDate.of(written);
        Matcher slashed = SLASHED.matcher(t);
        if (format == null && slashed.matches()) {
            int first = Integer.parseInt(slashed.group(1));
            int second = Integer.parseInt(slashed.group(3));
            int year = Integer.parseInt(slashed.group(4));
            LocalDate dayFirst = date(year, second, first);
            LocalDate monthFirst = date(year, first, second);
            if (dayFirst != null && (monthFirst == null || monthFirst.equals(dayFirst))) return PartialDate.of(dayFirst);
            if (monthFirst != null && dayFirst == null) return PartialDate.of(monthFirst);
            if (dayFirst != null) {
                throw new IllegalArgumentException("'" + text + "' is " + dayFirst.getDayOfMonth() + " " + month(dayFirst) + " or "
                        + monthFirst.getDayOfMonth() + " " + month(monthFirst) + " (give its format with --date-format, e.g."
                        + " dd/MM/yyyy or MM/dd/yyyy)");
            }
        }
        try {
            return PartialDate.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date " + (format != null
                    ? "in the format " + pattern : "(give its format with --date-format, e.g. dd/MM/yyyy)"));
        }
    }

    /** The date, or null when there is no such day. */
    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String month(LocalDate d) {
        return d.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    }

    /** A date in one of the unambiguous forms databases and reports write (see the class), or null. */
    private static LocalDate writtenOut(String t) {
        Matcher m = COMPACT.matcher(t);
        if (m.matches()) return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        m = WITH_TIME.matcher(t);
        if (m.matches()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        m = DAY_MONTH_NAME.matcher(t);
        if (m.matches()) {
            int month = monthNamed(m.group(2));
            return month == 0 ? null : date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
        }
        m = MONTH_NAME_DAY.matcher(t);
        if (m.matches()) {
            int month = monthNamed(m.group(1));
            return month == 0 ? null : date(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
        }
        return null;
    }

    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};

    /** The month an English name or its abbreviation ("Mar", "Sept") names, 1 to 12; 0 for none. */
    private static int monthNamed(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (w.equals(MONTHS[i]) || w.length() >= 3 && MONTHS[i].startsWith(w)) return i + 1;
        }
        return 0;
    }
}
