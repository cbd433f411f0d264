package dev.sieve.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Query parameters, checked; every refusal names the parameter. */
final class Params {
    private Params() {
    }

    /** A parameter's text, stripped; null when absent or blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static int integer(String text, String name, int fallback, int min, int max) {
        if (text == null || text.isBlank()) return fallback;
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "parameter '" + name + "' must be an integer from " + min + " to " + max
                    + ", not '" + text + "'");
        }
    }

    /** A number from 0 to 1 (a threshold, a cut-off). */
    static double fraction(String text, String name, double fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            double v = Double.parseDouble(text);
            if (v < 0 || v > 1 || Double.isNaN(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "parameter '" + name + "' must be a number between 0 and 1");
        }
    }

    /**
     * An instant: {@code 2024-05-01T12:00:00Z}, or a date meaning the end of that day (UTC) when
     * {@code endOfDay}, else its start.
     */
    static Instant instant(String text, String name, boolean endOfDay) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return endOfDay ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000)
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "parameter '" + name + "' must be a date (2024-05-01) or an instant"
                    + " (2024-05-01T12:00:00Z), not '" + text + "'");
        }
    }

    /** A whole day (2024-05-01), or today (UTC) when not given. */
    static LocalDate dayOrToday(String text, String name) {
        if (text == null || text.isBlank()) return LocalDate.now(ZoneOffset.UTC);
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "parameter '" + name + "' must be a date (2024-05-01), not '" + text + "'");
        }
    }

    /** The longest upload file name kept (it names the file in every message about it). */
    static final int MAX_FILE_NAME = 200;

    /**
     * An upload's {@code filename} parameter as a safe name: letters, digits, dot, dash and underscore (others
     * become '_'); "upload" when absent; refused when it is only dots or longer than {@link #MAX_FILE_NAME}.
     */
    static String fileName(String given) {
        if (given == null) return "upload";
        if (given.length() > MAX_FILE_NAME) {
            throw ApiException.badRequest("filename", "parameter 'filename' is longer than " + MAX_FILE_NAME + " characters");
        }
        String name = given.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.matches("\\.+")) {
            throw ApiException.badRequest("filename", "parameter 'filename' must name a file, not '" + given + "'");
        }
        return name;
    }
}
