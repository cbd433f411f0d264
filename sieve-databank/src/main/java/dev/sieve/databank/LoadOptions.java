package dev.sieve.databank;

import java.time.Instant;

/**
 * How to load.
 *
 * @param lenient store the good records of a file with broken ones (each broken one is reported);
 *                by default such a file is rejected whole
 * @param source  put the publications in this source instead of the one their format implies
 * @param publishedAt the publication date to record when the file carries none (e.g. OFAC CSV)
 * @param origin where the file came from, to record instead of its path (an upload's name), or null
 */
public record LoadOptions(boolean lenient, String source, Instant publishedAt, String origin) {
    public LoadOptions(boolean lenient, String source, Instant publishedAt) {
        this(lenient, source, publishedAt, null);
    }

    public static LoadOptions strict() {
        return new LoadOptions(false, null, null);
    }
}
