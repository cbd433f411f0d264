package dev.sieve.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Dates given on the command line. */
final class Dates {
    private Dates() {
    }

    /** YYYY-MM-DD (start of that day, UTC) or an ISO-8601 instant. */
    static Instant instant(String text, String option) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserException(option + ": '" + text + "' is not a date (YYYY-MM-DD) or an instant (2026-02-27T00:00:00Z)");
        }
    }

    /** A whole day (YYYY-MM-DD), or today (UTC) when not given; a usage error naming the option otherwise. */
    static LocalDate dayOrToday(String text, String option) {
        if (text == null) return LocalDate.now(ZoneOffset.UTC);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + ": not a date (YYYY-MM-DD): " + text);
        }
    }

    /** The end of day D (UTC) for a date, or the instant itself: "as of D" includes all of D. */
    static Instant endOf(String text, String option) {
        Instant start = instant(text, option);
        return text.length() == 10 ? start.plusSeconds(86_400).minusNanos(1) : start;
    }
}
