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
 * not guessed.
 */
final class BirthDates {
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
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
        try {
            return PartialDate.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date " + (format != null
                    ? "in the format " + pattern : "(give its format with --date-format, e.g. dd/MM/yyyy)"));
        }
    }
}
