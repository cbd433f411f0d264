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
 * that date.
 */
final class BirthDates {
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
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
}
