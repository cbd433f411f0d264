package dev.sieve.databank;

import dev.sieve.lists.Problem;
import dev.sieve.model.Publication;
import java.util.List;

/**
 * What a committed load did: each file's publication (new, or the existing one when its bytes were
 * loaded before), the records a lenient load rejected, and the files found but passed over.
 */
public record LoadReport(List<Loaded> loaded, List<String> skipped) {
    public LoadReport {
        loaded = List.copyOf(loaded);
        skipped = List.copyOf(skipped);
    }

    /** One publication of the load. */
    public record Loaded(String origin, Publication publication, boolean unchanged, List<Problem> rejected,
                         int skippedRecords, long readNanos, long storeNanos) {
    }

    public int newRecords() {
        return loaded.stream().filter(l -> !l.unchanged()).mapToInt(l -> l.publication().recordCount()).sum();
    }
}
