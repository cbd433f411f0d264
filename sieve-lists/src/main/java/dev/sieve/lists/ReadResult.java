package dev.sieve.lists;

import java.time.Instant;
import java.util.List;

/**
 * What a reader found besides the entities it passed on.
 *
 * @param source the source the publication belongs to (may be refined from content, e.g. the FtM dataset)
 * @param publishedAt the publication date found inside the file, or null
 * @param records entities passed to the sink
 * @param skipped records deliberately not mapped (e.g. FtM Address or Ownership objects), not errors
 * @param problems records rejected, each with its place
 */
public record ReadResult(String source, Instant publishedAt, int records, int skipped, List<Problem> problems) {
    public ReadResult {
        problems = List.copyOf(problems);
    }
}
