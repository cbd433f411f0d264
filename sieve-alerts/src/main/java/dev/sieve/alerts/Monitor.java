package dev.sieve.alerts;

import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.screening.ScreeningService;
import dev.sieve.exemptions.Coverage;
import dev.sieve.exemptions.ExemptionStore;
import dev.sieve.regimes.RegimeCatalogue;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditLog;
import dev.sieve.store.EntityJson;
import dev.sieve.store.Jdbc;
import dev.sieve.store.SieveStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screening that goes on: a subject is screened in full when it is enrolled or changed, and every
 * monitored subject is re-screened when the lists change, against the entities that were added or changed
 * only (a small index of the delta, not the subjects against everything: {@link DeltaScreening}); alerts on
 * entities that left their list are marked delisted.
 */
public final class Monitor {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
    /** Subjects per committed chunk of a run: a run that dies redoes at most this many. */
    static final int CHUNK = 5_000;

    private final SieveStore store;
    private final ScreeningService screening;
    private final SubjectStore subjects;
    private final AlertStore alerts;
    private final RunStore runs;
    private final HoldStore holds;
    private final AuditLog audit;
    private final ExemptionStore exemptions;
    /** How a run screens the subjects against what changed. */
    private final DeltaScreening deltas;

    private final int chunkSize;
    /** The monitored subjects analysed in memory for runs, or null when runs read them from the database each time. */
    private final SubjectCache cache;
    private static final Actor MONITOR = new Actor(Actor.OPERATOR_AGENCY, AlertStore.MONITOR_KEY);
    /** Held by a run (one at a time in this process; a run of another process shows as unfinished in the store). */
    private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();

    /** A monitor whose runs read the subjects from the database (a command that runs once). */
    public Monitor(SieveStore store, ScreeningService screening) {
        this(store, screening, false);
    }

    /**
     * @param keepSubjects keep the monitored subjects analysed in memory (a server): after its first run, a run screens
     *                     them without reading them from the database; about 1 KB of heap per subject
     */
    public Monitor(SieveStore store, ScreeningService screening, boolean keepSubjects) {
        this(store, screening, CHUNK, keepSubjects);
    }

    Monitor(SieveStore store, ScreeningService screening, int chunkSize, boolean keepSubjects) {
        this.chunkSize = chunkSize;
        this.cache = keepSubjects ? new SubjectCache() : null;
        this.store = store;
        this.screening = screening;
        this.subjects = new SubjectStore(store);
        this.alerts = new AlertStore(store);
        this.runs = new RunStore(store);
        this.holds = new HoldStore(store, alerts);
        this.audit = store.audit();
        this.exemptions = new ExemptionStore(store, RegimeCatalogue.standard());
        this.deltas = new DeltaScreening(screening, subjects, alerts, runs, audit, exemptions, cache, chunkSize);
        if (cache != null) subjects.onCommitted(cache::apply);
    }

    public SubjectStore subjects() {
        return subjects;
    }

    public AlertStore alerts() {
        return alerts;
    }

    /** The exemptions and licences agencies rely on (the one store whose records this monitor's alerts see at once). */
    public ExemptionStore exemptions() {
        return exemptions;
    }

    /** Each match covered where an exemption of the agency covers it today (raised as a covered alert). */
    private List<Match> covered(String agency, List<Match> matches) {
        if (matches.isEmpty()) return matches;
        return Coverage.ofScreening(exemptions.visibleTo(agency), matches, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** Payments and travellers held by their alerts. */
    public HoldStore holds() {
        return holds;
    }

    /**
     * A subject stored and screened in full: its matches, the alerts they raised (none for a pair whose
     * decision still holds), and the publications screened against.
     */
    public record Enrolment(Subject subject, boolean created, boolean changed, List<Match> matches, List<Alert> raised,
                            List<Publication> publications) {
    }

    /**
     * Stores a subject (created or replaced) and screens it against every list and the databank entries its
     * agency may see, in one transaction: the subject, the evidence of its screening and its alerts.
     */
    public Enrolment enrol(Actor actor, String externalId, SubjectData data) {
        ScreeningService.Snapshot lists = screening.snapshot();
        ScreeningService.DatabankSnapshot databank = screening.databankSnapshot();
        baselineIfFirst(lists, databank);
        List<Match> matches = covered(actor.agency(), screen(data, q -> screening.screen(q, actor.agency()).matches()));
        List<Publication> publications = lists.publications();
        List<Hit> hits = new ArrayList<>();
        for (Match m : matches) {
            hits.add(new Hit(AlertStore.ORIGIN_MONITORING, externalId, data.fingerprint(), m, entityFingerprint(m.id(), lists, databank),
                    publications));
        }
        Instant at = Jdbc.now();
        long[] epoch = {-1};
        Enrolment done = audit.transact((c, events) -> {
            SubjectStore.Stored stored = subjects.put(c, events, actor, externalId, data, new SubjectStore.FullScreening(
                    stateJson(lists.publications()), EntityJson.write(EntityJson.shown().valueToTree(matches)), at));
            List<Alert> raised = alerts.raise(c, events, actor, hits, null);
            epoch[0] = subjects.bumpEpoch(c);
            return new Enrolment(stored.subject(), stored.created(), stored.changed(), matches, raised, lists.publications());
        });
        if (cache != null) cache.apply(epoch[0], List.of(done.subject()));
        return done;
    }

    /** A subject to enrol: the agency's id for it and what it is. */
    public record Enrollee(String externalId, SubjectData data) {
    }

    /**
     * Enrols many subjects at once (a customer file): screened on all cores, then stored with the evidence of
     * their screening and their alerts in one transaction, so the batch is stored whole or not at all. A subject
     * given exactly as it is stored keeps its version (it is screened and its evidence kept all the same).
     *
     * @param onAllCores screen on every core (the command line); false screens on the caller's thread (a server's
     *                   niced background job, which must leave the cores to the requests)
     * @return per subject, in order, what was stored and raised
     */
    public List<Enrolment> enrolAll(Actor actor, List<Enrollee> batch, boolean onAllCores) {
        return store(screenAll(actor, batch, onAllCores));
    }

    /** A batch screened and not yet stored: what {@link #store} needs (a caller screens the next batch while this one is stored). */
    public record Screened(Actor actor, List<Enrollee> batch, List<List<Match>> matches, ScreeningService.Snapshot lists,
                           ScreeningService.DatabankSnapshot databank) {
    }

    /** The screening half of {@link #enrolAll}: nothing is stored. */
    public Screened screenAll(Actor actor, List<Enrollee> batch, boolean onAllCores) {
        ScreeningService.Snapshot lists = screening.snapshot();
        ScreeningService.DatabankSnapshot databank = screening.databankSnapshot();
        java.util.function.Function<Enrollee, List<Match>> one = e -> covered(actor.agency(), screen(e.data(),
                q -> screening.screen(q, actor.agency()).matches()));
        List<List<Match>> matches = onAllCores ? onEveryCore(batch, one) : batch.stream().map(one).toList();
        return new Screened(actor, batch, matches, lists, databank);
    }

    /**
     * Each item's result, worked out on the caller's thread and the common pool's, each taking the next item as it
     * finishes one (a parallel stream splits the items ahead of time, and one thread idled while the other finished
     * its share of the slower names).
     */
    static <T, R> List<R> onEveryCore(List<T> items, java.util.function.Function<T, R> f) {
        Object[] out = new Object[items.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) out[i] = f.apply(items.get(i));
        };
        int helpers = Math.min(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(), Math.max(0, items.size() - 1));
        List<java.util.concurrent.ForkJoinTask<?>> started = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) started.add(java.util.concurrent.ForkJoinPool.commonPool().submit(work));
        try {
            work.run();
        } finally {
            for (java.util.concurrent.ForkJoinTask<?> t : started) t.join(); // (rethrows a helper's failure)
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) (List<?>) java.util.Arrays.asList(out);
        return java.util.Collections.unmodifiableList(results);
    }

    /** The storing half of {@link #enrolAll}: subjects, evidence and alerts in one transaction. */
    public List<Enrolment> store(Screened s) {
        baselineIfFirst(s.lists(), s.databank());
        String publications = stateJson(s.lists().publications());
        Instant at = Jdbc.now();
        List<String> matchesJson = new ArrayList<>(s.batch().size());
        for (List<Match> ms : s.matches()) matchesJson.add(ms.isEmpty() ? "[]" : EntityJson.write(EntityJson.shown().valueToTree(ms)));
        long[] epoch = {-1};
        List<Enrolment> done = audit.transact((c, events) -> {
            List<SubjectStore.Stored> stored = subjects.putAll(c, events, s.actor(), s.batch(), publications, matchesJson, at);
            List<Enrolment> out = new ArrayList<>(s.batch().size());
            for (int i = 0; i < s.batch().size(); i++) {
                Enrollee e = s.batch().get(i);
                List<Match> ms = s.matches().get(i);
                List<Alert> raised = List.of();
                if (!ms.isEmpty()) {
                    List<Hit> hits = new ArrayList<>(ms.size());
                    for (Match m : ms) {
                        hits.add(new Hit(AlertStore.ORIGIN_MONITORING, e.externalId(), e.data().fingerprint(), m,
                                entityFingerprint(m.id(), s.lists(), s.databank()), s.lists().publications()));
                    }
                    raised = alerts.raise(c, events, s.actor(), hits, null);
                }
                SubjectStore.Stored st = stored.get(i);
                out.add(new Enrolment(st.subject(), st.created(), st.changed(), ms, raised, s.lists().publications()));
            }
            if (stored.stream().anyMatch(SubjectStore.Stored::changed)) epoch[0] = subjects.bumpEpoch(c);
            return out;
        });
        if (cache != null && epoch[0] >= 0) {
            cache.apply(epoch[0], done.stream().filter(Enrolment::changed).map(Enrolment::subject).toList());
        }
        return done;
    }

    /** The publications screened against as a screening's evidence keeps them: each list's publication id. */
    static String stateJson(List<Publication> ps) {
        return EntityJson.write(state(ps));
    }

    /** Each list's publication id: monitoring's state, as far as lists go. */
    private static Map<String, Long> state(List<Publication> ps) {
        Map<String, Long> m = new TreeMap<>();
        for (Publication p : ps) m.put(p.source(), p.id());
        return m;
    }

    /** The first subjects ever: what they are screened against is where monitoring starts (see {@link RunStore#baseline}). */
    private void baselineIfFirst(ScreeningService.Snapshot lists, ScreeningService.DatabankSnapshot databank) {
        if (!runs.caughtUp().isEmpty()) return;
        Map<String, Long> state = state(lists.publications());
        for (DatabankEntry e : databank.entries().values()) state.put(DATABANK_KEY + e.id(), (long) e.version());
        if (!state.isEmpty()) runs.baseline(state);
    }

    /** Each name of a subject screened; the best match per entity, best first. */
    static List<Match> screen(SubjectData data, java.util.function.Function<ScreeningQuery, List<Match>> screener) {
        return ScreeningService.bestPerEntity(data.queries(), screener);
    }

    /** The content hash of a listed entity or databank entry as the snapshots screened hold it. */
    public static String entityFingerprint(String entityId, ScreeningService.Snapshot lists,
                                           ScreeningService.DatabankSnapshot databank) {
        Entity e = lists.engine().entity(entityId);
        if (e == null) {
            DatabankEntry entry = databank.entries().get(entityId);
            if (entry != null) e = entry.entity();
        }
        // an index swapped between the screening and this look-up: the pair alerts again at the next change, never less
        return e == null ? SubjectData.sha256("unknown:" + entityId) : EntityJson.contentHash(e);
    }

    /** What a monitoring run did. */
    public record RunSummary(long id, String status, Map<String, Long> from, Map<String, Long> to, int entitiesScreened,
                             int entitiesRemoved, long subjects, long alerts, long delisted, String error, Instant startedAt,
                             Instant finishedAt) {
        static RunSummary of(RunStore.Run r) {
            return new RunSummary(r.id(), r.status(), listsOf(r.from()), listsOf(r.to()), r.screenedEntities(), r.removedEntities(),
                    r.subjects(), r.alerts(), r.delisted(), r.error(), r.startedAt(), r.finishedAt());
        }
    }

    /** The lists' publications of a run's state, without the databank's entries. */
    static Map<String, Long> listsOf(Map<String, Long> state) {
        Map<String, Long> out = new TreeMap<>();
        state.forEach((k, v) -> {
            if (!k.startsWith(DATABANK_KEY)) out.put(k, v);
        });
        return out;
    }

    /**
     * Reads the monitored subjects into memory when they are kept there and not all held (a server at start, or after
     * another process changed some), so that the next run needs no database read either. Nothing when they are not kept.
     */
    public void warm() {
        if (cache == null) return;
        running.lock();
        try {
            deltas.warm();
        } finally {
            running.unlock();
        }
    }

    /** The latest runs, newest first. */
    public List<RunSummary> runs(int limit) {
        return runs.latest(limit).stream().map(RunSummary::of).toList();
    }

    /**
     * Brings monitoring up to the store's current publications: resumes a run a previous process left
     * unfinished, else starts one when any list has a new latest publication. Serialised; empty when there
     * was nothing to do.
     */
    public Optional<RunSummary> catchUp() {
        return catchUp(Integer.MAX_VALUE);
    }

    /** {@link #catchUp()}, stopping after {@code maxChunks} chunks as a killed process would (for tests of resumption). */
    Optional<RunSummary> catchUp(int maxChunks) {
        running.lock();
        try {
            return catchUpLocked(maxChunks);
        } finally {
            running.unlock();
        }
    }

    private Optional<RunSummary> catchUpLocked(int maxChunks) {
        RunStore.Run run = runs.unfinished().orElse(null);
        Delta delta;
        if (run == null) {
            Map<String, Long> from = runs.caughtUp();
            Map<String, Long> to = current();
            if (from.equals(to)) return Optional.empty();
            delta = delta(from, to, anySubjects());
            run = runs.start(MONITOR, from, to, delta.screen().size(), delta.removed().size() + delta.removedSources().size());
        } else {
            delta = delta(run.from(), run.to(), anySubjects());
        }
        try {
            if (!deltas.screen(run, delta, maxChunks)) return Optional.of(RunSummary.of(runs.run(run.id()).orElseThrow()));
            RunStore.Run started = run;
            audit.transact((c, events) -> {
                int delisted = alerts.delist(c, events, delta.removed(), delta.removedSources(), started.id(),
                        "no longer listed (monitoring run " + started.id() + ")");
                runs.finish(c, events, started, delisted);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("monitoring run {} failed", run.id(), e);
            runs.fail(run.id(), String.valueOf(e.getMessage()));
            throw e;
        }
        RunSummary done = RunSummary.of(runs.run(run.id()).orElseThrow());
        LOG.info("monitoring run {}: {} entities added or changed, {} removed; {} subjects screened, {} alerts raised,"
                + " {} delisted", done.id(), done.entitiesScreened(), done.entitiesRemoved(), done.subjects(), done.alerts(),
                done.delisted());
        return Optional.of(done);
    }

    /** How monitoring's state names a databank entry: beside the lists' sources, with its version for a publication. */
    static final String DATABANK_KEY = "databank:";

    /**
     * Starts a full re-screen: a run of every monitored subject against every listed entity and databank entry (after
     * the engine or the threshold changed), carried out by the next {@link #catchUp()}. A pair whose decision still
     * holds does not alert again; a new alert is raised only where the new engine finds what the old one did not.
     *
     * @throws ConflictException when a run is in progress (start it after that one)
     */
    public RunSummary startFullRescreen(Actor by) {
        // a run may take minutes: the caller is told at once rather than kept waiting for it
        if (!running.tryLock()) {
            throw new dev.sieve.store.ConflictException("a monitoring run is in progress; start the full re-screen once it"
                    + " has finished", "full");
        }
        try {
            RunStore.Run open = runs.unfinished().orElse(null);
            if (open != null) {
                throw new dev.sieve.store.ConflictException("monitoring run " + open.id() + " is in progress; start the full"
                        + " re-screen once it has finished", "full");
            }
            Map<String, Long> to = current();
            int entities = screening.snapshot().engine().entityCount() + screening.databankSnapshot().entries().size();
            return RunSummary.of(runs.start(by, Map.of(), to, entities, 0));
        } finally {
            running.unlock();
        }
    }

    /** The latest publication of each source in the store, and the version of each active databank entry. */
    private Map<String, Long> current() {
        Map<String, Long> out = new TreeMap<>();
        for (String source : store.sources()) store.latestPublication(source).ifPresent(p -> out.put(source, p.id()));
        for (DatabankEntry e : store.databank().active()) out.put(DATABANK_KEY + e.id(), (long) e.version());
        return out;
    }

    /**
     * What changed between two sets of publications: the entities to screen (added or changed), those removed,
     * and sources gone whole.
     */
    record Delta(List<Entity> screen, Set<String> removed, Set<String> removedSources, List<Publication> publications,
                 Map<String, DatabankEntry> entries) {
        /** Whether an agency may see an entity of the delta: every listed one, a databank entry as its sharing says. */
        boolean visibleTo(String agency, Entity e) {
            DatabankEntry entry = entries.get(e.id());
            return entry == null || entry.visibleTo(agency);
        }
    }

    private boolean anySubjects() {
        return !subjects.active(null, null, 1).isEmpty();
    }

    /**
     * The delta between two states; without {@code toScreen} (no subject is monitored), what was removed only: a
     * list's whole content is not read for nobody to be screened against it.
     */
    private Delta delta(Map<String, Long> from, Map<String, Long> to, boolean toScreen) {
        List<Entity> screen = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        Set<String> removedSources = new HashSet<>();
        List<Publication> publications = new ArrayList<>();
        Map<String, DatabankEntry> entries = new java.util.HashMap<>();
        for (var e : to.entrySet()) {
            Long before = from.get(e.getKey());
            long after = e.getValue();
            if (e.getKey().startsWith(DATABANK_KEY)) {
                if (before != null && before == after) continue;
                // the entry at the version the run catches up with (a resumed run screens what it started with)
                String id = e.getKey().substring(DATABANK_KEY.length());
                store.databank().history(id).stream().filter(v -> v.version() == after).findFirst().ifPresent(v -> {
                    entries.put(id, v);
                    screen.add(v.entity());
                });
                continue;
            }
            store.publication(after).ifPresent(publications::add);
            if (before != null && before == after) continue;
            if (before != null && store.publication(before).isPresent()) {
                SieveStore.Changes changes = store.changes(before, after);
                if (toScreen) screen.addAll(changes.current());
                removed.addAll(changes.removed());
            } else if (toScreen) {
                store.entitiesOf(after, screen::add); // a new source (or one whose earlier publication was removed): all of it
            }
        }
        for (String source : from.keySet()) {
            if (to.containsKey(source)) continue;
            // an entry delisted (or no longer active) is removed like a listed entity; a list gone whole, with its source
            if (source.startsWith(DATABANK_KEY)) removed.add(source.substring(DATABANK_KEY.length()));
            else removedSources.add(source);
        }
        return new Delta(screen, removed, removedSources, publications, entries);
    }

    /** The publications screened against, as the alerts keep them (id, source, date). */
    public static String publicationsJson(List<Publication> ps) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Publication p : ps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("source", p.source());
            m.put("published_at", p.publishedAt() == null ? null : p.publishedAt().toString());
            out.add(m);
        }
        return EntityJson.write(out);
    }
}
