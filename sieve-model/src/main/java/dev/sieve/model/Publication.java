package dev.sieve.model;

import java.time.Instant;

/**
 * One load of one list: every file ever loaded is kept as a publication.
 *
 * @param id store-assigned, increasing in load order
 * @param source the list ({@code un}, {@code us-ofac-sdn}, {@code uk-ofsi}, {@code eu-fsf}, {@code ftm:<dataset>})
 * @param format the file format it was read from
 * @param publishedAt the publication date found in the file, or given by the user; null when unknown
 * @param sha256 hash of the loaded bytes; loading identical bytes again changes nothing
 * @param loadedAt when Sieve loaded it
 * @param recordCount entities stored from it
 * @param rejectedCount records rejected in a lenient load (0 for a strict load)
 * @param origin file name or URL it was read from
 * @param dateSource how {@code publishedAt} was obtained: {@code file} (inside the file), {@code given} (by
 *                   the user), {@code http-last-modified} (the download's header); {@code load-time} and
 *                   {@code recorded} only for publications stored before Sieve kept how
 */
public record Publication(long id, String source, String format, Instant publishedAt, String sha256,
                          Instant loadedAt, int recordCount, int rejectedCount, String origin, String dateSource) {
    public static final String DATE_IN_FILE = "file";
    public static final String DATE_GIVEN = "given";
    public static final String DATE_HTTP_LAST_MODIFIED = "http-last-modified";

    /** The instant the publication speaks for: its own date when known, otherwise when it was loaded. */
    public Instant effectiveAt() {
        return publishedAt != null ? publishedAt : loadedAt;
    }
}
