package dev.sieve.screening;

import dev.sieve.match.MatchEngine;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.store.SieveStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Screening over the databank: builds the match index from the latest publication of every source and
 * swaps it in atomically when lists change. Screenings in flight finish on the index they started with;
 * no screening ever sees a half-built one.
 */
public final class ScreeningService {
    /** An index and the publications it was built from, swapped as one. */
    public record Snapshot(MatchEngine engine, List<Publication> publications) {
    }

    /** The outcome of one screening: the alerts and the publications they were screened against. */
    public record Result(List<Match> matches, List<Publication> publications) {
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(MatchEngine.build(List.of()), List.of()));

    /** Rebuilds from the store's latest publication of each source (optionally only some sources) and swaps. */
    public Snapshot reload(SieveStore store, Collection<String> sources) {
        List<Entity> entities = new ArrayList<>();
        List<Publication> used = new ArrayList<>();
        for (String source : store.sources()) {
            if (sources != null && !sources.isEmpty() && !sources.contains(source)) continue;
            Publication p = store.latestPublication(source).orElse(null);
            if (p == null) continue;
            store.entitiesOf(p.id(), entities::add);
            used.add(p);
        }
        return swap(entities, used);
    }

    /** Swaps in an index built over these entities (e.g. read straight from list files). */
    public Snapshot swap(Collection<Entity> entities, List<Publication> publications) {
        Snapshot next = new Snapshot(MatchEngine.build(entities), List.copyOf(publications));
        current.set(next);
        return next;
    }

    public Snapshot snapshot() {
        return current.get();
    }

    public Result screen(ScreeningQuery query) {
        Snapshot s = current.get();
        return new Result(s.engine().screen(query), s.publications());
    }
}
