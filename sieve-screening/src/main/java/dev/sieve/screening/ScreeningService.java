package dev.sieve.screening;

import dev.sieve.regimes.Action;
import dev.sieve.regimes.RegimeCatalogue;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.parties.Parties;
import dev.sieve.parties.PartyGroup;
import dev.sieve.parties.PartyLinker;
import dev.sieve.store.SieveStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Screening over the databank: one index over the latest publication of every official list, and one
 * over the member agencies' active databank entries, each rebuilt and swapped atomically when its
 * content changes. Screenings in flight finish on the indexes they started with; no screening ever sees
 * a half-built one. Databank entries are screened only for agencies their sharing admits.
 */
public final class ScreeningService {
    /**
     * An index, the publications it was built from and the parties of their listings, swapped as one. The
     * parties are linked on first use (a one-off screening from the command line never needs them; the
     * server links them right after each rebuild, off the request threads).
     */
    public record Snapshot(MatchEngine engine, List<Publication> publications, Supplier<Parties> partiesOnce) {
        public Parties parties() {
            return partiesOnce.get();
        }

        static Snapshot of(MatchEngine engine, List<Publication> publications, Collection<Entity> entities) {
            List<Entity> listed = List.copyOf(entities);
            Parties[] linked = new Parties[1];
            return new Snapshot(engine, publications, () -> {
                synchronized (linked) {
                    if (linked[0] == null) linked[0] = PartyLinker.standard().link(listed, engine);
                    return linked[0];
                }
            });
        }
    }

    /** The index over the active databank entries and the entries by id, swapped as one. */
    public record DatabankSnapshot(MatchEngine engine, Map<String, DatabankEntry> entries) {
    }

    /**
     * What a reload did: the index swapped in and how many entities it read from the store (those of
     * sources with a new publication).
     */
    public record Reloaded(Snapshot snapshot, int entitiesRead) {
        /** How many names the rebuild analysed (those the previous index did not list). */
        public int namesAnalysed() {
            return snapshot.engine().namesAnalysed();
        }
    }

    /**
     * The outcome of one screening: the alerts, the publications they were screened against and the
     * parties of the listings (to group the alerts of one party).
     */
    public record Result(List<Match> matches, List<Publication> publications, Supplier<Parties> partiesOf) {
        public Parties parties() {
            return partiesOf.get();
        }

        /** The alerts by party, best party first; each listing keeps its own score and list. */
        public List<PartyGroup> groups() {
            return matches.isEmpty() ? List.of() : PartyGroup.of(matches, parties());
        }

        /** "3 parties (5 listings)". */
        public String describe() {
            return parties().describe(matches.stream().map(Match::id).toList());
        }
    }

    private final AtomicReference<Snapshot> current;
    private final AtomicReference<DatabankSnapshot> databank;
    private final Object databankSwap = new Object();

    /**
     * The entities of each publication in the current index, by publication id: a reload reads from the
     * store only the sources with a new publication (a publication's entities never change once stored).
     */
    private Map<Long, List<Entity>> entitiesByPublication = Map.of();
    private final Object listsSwap = new Object();

    /** A service whose screenings alert at Sieve's default threshold unless a query gives its own. */
    public ScreeningService() {
        this(MatchEngine.DEFAULT_THRESHOLD);
    }

    /** A service whose screenings (and every engine it builds, for lists, databank and monitoring) alert at this threshold. */
    public ScreeningService(double defaultThreshold) {
        if (!(defaultThreshold > 0 && defaultThreshold <= 1)) throw new IllegalArgumentException("threshold must be above 0 and at most 1");
        current = new AtomicReference<>(new Snapshot(MatchEngine.build(List.of(), defaultThreshold), List.of(), Parties::none));
        databank = new AtomicReference<>(new DatabankSnapshot(MatchEngine.build(List.of(), defaultThreshold), Map.of()));
    }

    /**
     * Rebuilds from the store's latest publication of each source (optionally only some sources) and
     * swaps. Serialised, so the last swap always reflects the last publication stored before it began.
     * Sources whose latest publication is already indexed are not read again, and names already indexed
     * are not analysed again ({@link MatchEngine#rebuild}).
     */
    public Reloaded reload(SieveStore store, Collection<String> sources) {
        synchronized (listsSwap) {
            int read = 0;
            List<Entity> entities = new ArrayList<>();
            List<Publication> used = new ArrayList<>();
            Map<Long, List<Entity>> byPublication = new HashMap<>();
            for (String source : store.sources()) {
                if (sources != null && !sources.isEmpty() && !sources.contains(source)) continue;
                Publication p = store.latestPublication(source).orElse(null);
                if (p == null) continue;
                List<Entity> ofPublication = entitiesByPublication.get(p.id());
                if (ofPublication == null) {
                    List<Entity> fromStore = new ArrayList<>();
                    store.entitiesOf(p.id(), fromStore::add);
                    ofPublication = List.copyOf(fromStore);
                    read += ofPublication.size();
                }
                byPublication.put(p.id(), ofPublication);
                entities.addAll(ofPublication);
                used.add(p);
            }
            Snapshot next = install(entities, used);
            entitiesByPublication = byPublication;
            return new Reloaded(next, read);
        }
    }

    /** Swaps in an index built over these entities (e.g. read straight from list files). */
    public Snapshot swap(Collection<Entity> entities, List<Publication> publications) {
        synchronized (listsSwap) {
            entitiesByPublication = Map.of();
            return install(entities, publications);
        }
    }

    private Snapshot install(Collection<Entity> entities, List<Publication> publications) {
        MatchEngine engine = MatchEngine.rebuild(entities, current.get().engine());
        Snapshot next = Snapshot.of(engine, List.copyOf(publications), entities);
        current.set(next);
        return next;
    }

    /**
     * Rebuilds the databank index from the store's active entries and swaps it. Serialised, and read
     * after the caller's change committed, so the last swap always reflects the last change.
     */
    public DatabankSnapshot reloadDatabank(SieveStore store) {
        synchronized (databankSwap) {
            Map<String, DatabankEntry> entries = new LinkedHashMap<>();
            for (DatabankEntry e : store.databank().active()) entries.put(e.id(), e);
            DatabankSnapshot next = new DatabankSnapshot(
                    MatchEngine.buildWithRarityOf(entries.values().stream().map(DatabankEntry::entity).toList(),
                            current.get().engine(), databank.get().engine()), Map.copyOf(entries));
            databank.set(next);
            return next;
        }
    }

    public Snapshot snapshot() {
        return current.get();
    }

    /**
     * Several queries for one subject (its names, its aliases) screened and merged: the best match per entity, best
     * first (ties by id).
     */
    public static <Q> List<Match> bestPerEntity(List<Q> queries, java.util.function.Function<Q, List<Match>> screener) {
        Map<String, Match> best = new LinkedHashMap<>();
        for (Q q : queries) {
            for (Match m : screener.apply(q)) best.merge(m.id(), m, (a, b) -> b.score() > a.score() ? b : a);
        }
        List<Match> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id));
        return out;
    }

    public DatabankSnapshot databankSnapshot() {
        return databank.get();
    }

    /** Screens the official lists only (the command line, which acts for no agency). */
    public Result screen(ScreeningQuery query) {
        Snapshot s = current.get();
        return new Result(obligations(s.engine().screen(query), s, databank.get()), s.publications(), s.partiesOnce());
    }

    /**
     * Each match with what its listing obliges today (regimes, binding measures, the action of a plain screening; a
     * payment or manifest turns the action into its own channel's): from the catalogue of regimes.
     */
    private static List<Match> obligations(List<Match> matches, Snapshot s, DatabankSnapshot d) {
        if (matches.isEmpty()) return matches;
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        RegimeCatalogue catalogue = RegimeCatalogue.standard();
        List<Match> out = new ArrayList<>(matches.size());
        for (Match m : matches) {
            dev.sieve.model.Entity e = s.engine().entity(m.id());
            if (e == null && d.entries().get(m.id()) != null) e = d.entries().get(m.id()).entity();
            out.add(catalogue.annotate(m, e, today, Action.Channel.SCREENING));
        }
        return out;
    }

    /** Whether a word of free text could be part of a name in either index (see {@link MatchEngine#mayBeNamePart}). */
    public boolean mayBeNamePart(String word) {
        return current.get().engine().mayBeNamePart(word) || databank.get().engine().mayBeNamePart(word);
    }

    /** Screens the official lists and the databank entries {@code agency} may see. */
    public Result screen(ScreeningQuery query, String agency) {
        Snapshot s = current.get();
        DatabankSnapshot d = databank.get();
        List<Match> fromLists = obligations(s.engine().screen(query), s, d);
        if (d.entries().isEmpty()) return new Result(fromLists, s.publications(), s.partiesOnce());
        List<Match> fromDatabank = d.engine().screen(query, e -> {
            DatabankEntry entry = d.entries().get(e.id());
            return entry != null && entry.visibleTo(agency);
        });
        if (fromDatabank.isEmpty()) return new Result(fromLists, s.publications(), s.partiesOnce());
        List<Match> all = new ArrayList<>(fromLists);
        all.addAll(obligations(fromDatabank, s, d));
        all.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id));
        return new Result(all.subList(0, Math.min(all.size(), query.limit())), s.publications(), s.partiesOnce());
    }
}
