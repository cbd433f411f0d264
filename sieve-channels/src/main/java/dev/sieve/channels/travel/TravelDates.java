package dev.sieve.channels.travel;

import java.time.LocalDate;
import java.time.Year;

/** The two-digit-year dates of travel documents and manifests (YYMMDD), one pivot rule for both. */
final class TravelDates {
    private TravelDates() {
    }

    /** Birth dates fall in the last hundred years, other dates (expiry) in 1970–2069; null when not a date. */
    static LocalDate yymmdd(String text, boolean birth) {
        if (text == null || !text.matches("\\d{6}")) return null;
        int yy = Integer.parseInt(text.substring(0, 2));
        int century = birth ? (yy > Year.now().getValue() % 100 ? 1900 : 2000) : (yy >= 70 ? 1900 : 2000);
        try {
            return LocalDate.of(century + yy, Integer.parseInt(text.substring(2, 4)), Integer.parseInt(text.substring(4, 6)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
