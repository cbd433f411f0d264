package dev.sieve.databank;

import dev.sieve.model.Publication;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How to load.
 *
 * @param lenient store the good records of a file with broken ones (each broken one is reported);
 *                by default such a file is rejected whole
 * @param source  put the publications in this source instead of the one their format implies
 * @param publishedAt the publication date of files that carry none (e.g. OFAC CSV), or null
 * @param origin where the file came from, to record instead of its path (an upload's name), or null
 * @param publishedHow how {@code publishedAt} was obtained ({@link Publication#DATE_GIVEN} by the user,
 *                     {@link Publication#DATE_HTTP_LAST_MODIFIED} by a download)
 * @param datedPaths dates for the undated files under given paths (a file or a folder), which take
 *                   precedence over {@code publishedAt}; the most specific path wins
 */
public record LoadOptions(boolean lenient, String source, Instant publishedAt, String origin, String publishedHow,
                          List<DatedPath> datedPaths) {
    /** The publication date of the undated files under {@code path}. */
    public record DatedPath(Path path, Instant publishedAt) {
        public DatedPath {
            path = path.toAbsolutePath().normalize();
            Objects.requireNonNull(publishedAt, "publishedAt");
        }
    }

    public LoadOptions {
        publishedHow = publishedHow == null ? Publication.DATE_GIVEN : publishedHow;
        datedPaths = datedPaths == null ? List.of() : List.copyOf(datedPaths);
    }

    public LoadOptions(boolean lenient, String source, Instant publishedAt, String origin) {
        this(lenient, source, publishedAt, origin, null, null);
    }

    public LoadOptions(boolean lenient, String source, Instant publishedAt) {
        this(lenient, source, publishedAt, null, null, null);
    }

    public static LoadOptions strict() {
        return new LoadOptions(false, null, null);
    }

    /** The same options with dates for the undated files under some paths. */
    public LoadOptions withDatedPaths(List<DatedPath> dated) {
        return new LoadOptions(lenient, source, publishedAt, origin, publishedHow, dated);
    }

    /** The same options with dates for the undated files under some paths (a file or folder each). */
    public LoadOptions withDatedPaths(java.util.Map<Path, Instant> dated) {
        return withDatedPaths(dated.entrySet().stream().map(e -> new DatedPath(e.getKey(), e.getValue())).toList());
    }

    /** The date given for an undated file, from the most specific dated path holding it, else the default. */
    Instant givenDateFor(Path file) {
        Path f = file.toAbsolutePath().normalize();
        DatedPath best = null;
        for (DatedPath d : datedPaths) {
            if (f.startsWith(d.path()) && (best == null || d.path().getNameCount() > best.path().getNameCount())) best = d;
        }
        return best != null ? best.publishedAt() : publishedAt;
    }
}
