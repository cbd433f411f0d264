package dev.sieve.alerts;

import dev.sieve.exemptions.Coverage;
import dev.sieve.exemptions.ExemptionStore;
import dev.sieve.match.MatchEngine;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import dev.sieve.regimes.Action;
import dev.sieve.regimes.RegimeCatalogue;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditLog;
import dev.sieve.store.EntityJson;
import dev.sieve.store.Jdbc;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a monitoring run screens the monitored subjects against what changed (a small index of the delta): from memory
 * when the {@link SubjectCache} holds every change of subjects, else from the database a chunk at a time (rebuilding the
 * cache as it reads). The run itself (its state, resumption, delisting) is {@link Monitor}'s.
 */
final class DeltaScreening {
    private final ScreeningService screening;
    private final SubjectStore subjects;
    private final AlertStore alerts;
    private final RunStore runs;
    private final AuditLog audit;
    private final ExemptionStore exemptions;
    private final SubjectCache cache;
    private final int chunkSize;

    DeltaScreening(ScreeningService screening, SubjectStore subjects, AlertStore alerts, RunStore runs, AuditLog audit,
                   ExemptionStore exemptions, SubjectCache cache, int chunkSize) {
        this.screening = screening;
        this.subjects = subjects;
        this.alerts = alerts;
        this.runs = runs;
        this.audit = audit;
        this.exemptions = exemptions;
        this.cache = cache;
        this.chunkSize = chunkSize;
    }

    /** Reads every monitored subject into the cache unless it holds them all (the caller holds the run lock). */
    void warm() {
        long epoch = subjects.epoch();
        if (cache.holds(epoch)) return;
        cache.rebuild(epoch);
        boolean done = false;
        try {
            for (List<Subject> page = subjects.active(null, null, chunkSize); !page.isEmpty();
                 page = subjects.active(page.getLast().agency(), page.getLast().externalId(), chunkSize)) {
                if (Thread.currentThread().isInterrupted()) return; // closing: abandoned, read again at the next start
                for (Subject s : page) cache.add(cache.prepare(s));
            }
            done = true;
        } finally {
            if (done) cache.built();
            else cache.abandon();
        }
    }

    /** Each match covered where an exemption of the agency covers it today (raised as a covered alert). */
    private List<Match> covered(String agency, List<Match> matches) {
        if (matches.isEmpty()) return matches;
        return Coverage.ofScreening(exemptions.visibleTo(agency), matches, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /**
     * Screens the monitored subjects against the delta: from memory when the cache holds every change of subjects,
     * else those after the run's cursor as read from the database. False when stopped after {@code maxChunks}.
     */
    boolean screen(RunStore.Run run, Monitor.Delta delta, int maxChunks) {
        if (delta.screen().isEmpty()) return true;
        MatchEngine engine = MatchEngine.buildWithRarityOf(delta.screen(), screening.snapshot().engine(), null);
        List<Publication> publications = delta.publications();
        if (cache != null && cache.holds(subjects.epoch())) return screenFromMemory(run, delta, engine, publications, maxChunks);
        if (subjects.active(run.cursorAgency(), run.cursorSubject(), 1).isEmpty()) return true;
        // a run from the first subject reads them all: the cache is rebuilt from what it reads
        boolean rebuild = cache != null && run.cursorAgency() == null;
        if (rebuild) cache.rebuild(subjects.epoch());
        boolean done = false;
        try {
            done = screenFromDatabase(run, delta, engine, publications, maxChunks, rebuild);
            return done;
        } finally {
            if (rebuild) {
                if (done) cache.built();
                else cache.abandon();
            }
        }
    }

    /** A subject's analysed names against the delta: its best match per entity. */
    private static List<Match> matches(SubjectCache.Cached s, MatchEngine engine, Monitor.Delta delta) {
        return dev.sieve.screening.ScreeningService.bestPerEntity(s.queries(), q -> engine.screen(q, e -> delta.visibleTo(s.agency(), e)));
    }

    /**
     * Raises the alerts of a chunk's matches, in the caller's transaction: how many were raised. The fingerprint of
     * the version screened is read for the few subjects that matched (the cache keeps none).
     */
    private int raise(Connection c, List<AuditLog.Draft> events, List<SubjectCache.Cached> chunk, List<List<Match>> matches,
                      MatchEngine engine, List<Publication> publications, long runId) throws java.sql.SQLException {
        int raised = 0;
        for (int i = 0; i < chunk.size(); i++) {
            if (matches.get(i).isEmpty()) continue;
            SubjectCache.Cached s = chunk.get(i);
            String fingerprint = subjects.fingerprint(c, s.agency(), s.externalId(), s.version());
            List<Hit> hits = new ArrayList<>();
            List<Match> annotated = new ArrayList<>();
            for (Match m : matches.get(i)) {
                // what the listing obliges, as a screening's answer says it
                annotated.add(RegimeCatalogue.standard().annotate(m, engine.entity(m.id()),
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC), Action.Channel.SCREENING));
            }
            for (Match m : covered(s.agency(), annotated)) {
                Entity e = engine.entity(m.id());
                hits.add(new Hit(AlertStore.ORIGIN_MONITORING, s.externalId(), fingerprint, m, EntityJson.contentHash(e),
                        publications));
            }
            raised += alerts.raise(c, events, new Actor(s.agency(), AlertStore.MONITOR_KEY), hits, runId).size();
        }
        return raised;
    }

    /**
     * Every subject held in memory against the delta, a chunk at a time on all cores; a chunk's alerts are committed
     * with it, and one record covers every subject when all are done. A run that dies is screened again whole (an
     * alert raised already is not raised twice).
     */
    private boolean screenFromMemory(RunStore.Run run, Monitor.Delta delta, MatchEngine engine, List<Publication> publications, int maxChunks) {
        List<SubjectCache.Cached> all = cache.active();
        // after the snapshot: every version in it was committed before this instant
        Instant at = Jdbc.now();
        int chunks = 0;
        for (int from = 0; from < all.size(); from += chunkSize, chunks++) {
            if (chunks == maxChunks) return false;
            List<SubjectCache.Cached> chunk = all.subList(from, Math.min(all.size(), from + chunkSize));
            List<List<Match>> matches = chunk.parallelStream().map(s -> matches(s, engine, delta)).toList();
            if (matches.stream().allMatch(List::isEmpty)) continue;
            audit.transact((c, events) -> runs.alertsRaised(c, run.id(),
                    raise(c, events, chunk, matches, engine, publications, run.id())));
        }
        audit.transact((c, events) -> {
            runs.everySubjectDone(c, run.id(), all.size(), at);
            return null;
        });
        return true;
    }

    /** The subjects after the run's cursor as read from the database, a chunk at a time; each chunk committed. */
    private boolean screenFromDatabase(RunStore.Run run, Monitor.Delta delta, MatchEngine engine, List<Publication> publications, int maxChunks,
                                       boolean rebuild) {
        // a pipeline: the next chunk is read from the database while the workers screen this one
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> Thread.ofPlatform().daemon().name("sieve-monitor-reader").unstarted(r));
        try {
            var next = reader.submit(readChunk(run.cursorAgency(), run.cursorSubject()));
            for (int chunks = 0; ; chunks++) {
                if (chunks == maxChunks) return false;
                Read read = await(next);
                List<Subject> chunk = read.subjects();
                if (chunk.isEmpty()) return true;
                next = reader.submit(readChunk(chunk.getLast().agency(), chunk.getLast().externalId()));
                List<SubjectCache.Cached> analysed = chunk.parallelStream()
                        .map(s -> rebuild ? cache.prepare(s) : SubjectCache.analyse(s)).toList();
                if (rebuild) analysed.forEach(cache::add);
                List<List<Match>> matches = analysed.parallelStream().map(s -> matches(s, engine, delta)).toList();
                long runId = run.id();
                audit.transact((c, events) -> {
                    int raised = raise(c, events, analysed, matches, engine, publications, runId);
                    runs.chunkDone(c, runId, chunk.getFirst(), chunk.getLast(), chunk.size(), read.at(), raised);
                    return null;
                });
            }
        } finally {
            reader.shutdownNow();
        }
    }

    /** A chunk of subjects and the instant it was read at (the evidence of which version each one was screened in). */
    private record Read(Instant at, List<Subject> subjects) {
    }

    private java.util.concurrent.Callable<Read> readChunk(String afterAgency, String afterId) {
        return () -> {
            Instant at = Jdbc.now();
            return new Read(at, subjects.active(afterAgency, afterId, chunkSize));
        };
    }

    private static <T> T await(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading subjects", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

}
