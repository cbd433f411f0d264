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
