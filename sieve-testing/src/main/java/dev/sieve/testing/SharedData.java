package dev.sieve.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared real data (official lists, sample messages, benchmark cases), which lives
 * beside the checkout in {@code ../shared} and is never copied into the repository.
 * Set {@code -Dsieve.shared=DIR} (or env {@code SIEVE_SHARED}) to point elsewhere.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("sieve.shared", System.getenv("SIEVE_SHARED"));
        if (configured != null && !configured.isBlank()) {
            return check(Path.of(configured));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the shared data folder (../shared beside the checkout); "
                + "set -Dsieve.shared=DIR");
    }

    public static Path lists() {
        return root().resolve("data/lists");
    }

    public static Path list(String relative) {
        return check(lists().resolve(relative));
    }

    /**
     * The publication dates of the shared folders whose format carries none (OFAC's legacy CSV), as
     * PROVENANCE.md gives them: the scrape's commit time, and the benchmark set's commit date.
     * Relative to {@link #lists()}.
     */
    public static java.util.Map<String, String> undatedPublished() {
        return java.util.Map.of("ofac_sdn/2024-05-03", "2024-05-03T18:43:23Z",
                "ofac_sdn/2021-07_complete_set", "2021-07-07T00:00:00Z");
    }

    /** {@link #undatedPublished()} as absolute folders and instants, for a loader's dated paths. */
    public static java.util.Map<Path, java.time.Instant> undatedPublishedPaths() {
        java.util.Map<Path, java.time.Instant> out = new java.util.LinkedHashMap<>();
        undatedPublished().forEach((rel, date) -> out.put(lists().resolve(rel), java.time.Instant.parse(date)));
        return out;
    }

    /** {@code --published PATH=DATE} arguments for {@link #undatedPublished()}, for the command line. */
    public static java.util.List<String> publishedArguments() {
        java.util.List<String> out = new java.util.ArrayList<>();
        undatedPublished().forEach((rel, date) -> {
            out.add("--published");
            out.add(lists().resolve(rel) + "=" + date);
        });
        return out;
    }

    public static Path bench() {
        return root().resolve("bench");
    }

    private static Path check(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared data not found: " + p);
        }
        return p;
    }
}
