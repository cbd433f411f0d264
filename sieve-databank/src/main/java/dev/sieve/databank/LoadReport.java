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

    /**
     * One publication of the load.
     *
     * @param current its source's current publication after the load: this one, or a newer one when this
     *                one is dated before it (then it was stored as history)
     * @param unmappedPrograms the programmes of its records that name no regime of the catalogue, with how many
     *                         records carry each: their listings bind no known measure until the catalogue maps them
     */
    public record Loaded(String origin, Publication publication, boolean unchanged, List<Problem> rejected,
                         int skippedRecords, long readNanos, long storeNanos, Publication current,
                         java.util.Map<String, Integer> unmappedPrograms) {
        public Loaded {
            unmappedPrograms = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(unmappedPrograms));
        }

        public Loaded(String origin, Publication publication, boolean unchanged, List<Problem> rejected,
                      int skippedRecords, long readNanos, long storeNanos, java.util.Map<String, Integer> unmappedPrograms) {
            this(origin, publication, unchanged, rejected, skippedRecords, readNanos, storeNanos, publication, unmappedPrograms);
        }

        Loaded withCurrent(Publication now) {
            return new Loaded(origin, publication, unchanged, rejected, skippedRecords, readNanos, storeNanos, now,
                    unmappedPrograms);
        }

        /** True when a newer publication of the source stays current: this one was stored as history. */
        public boolean history() {
            return current.id() != publication.id();
        }
    }

    public int newRecords() {
        return loaded.stream().filter(l -> !l.unchanged()).mapToInt(l -> l.publication().recordCount()).sum();
    }
}
