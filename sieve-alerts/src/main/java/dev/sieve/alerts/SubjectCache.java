package dev.sieve.alerts;

import dev.sieve.match.MatchEngine;
import dev.sieve.match.analysis.NameForm;
import dev.sieve.match.analysis.Token;
import dev.sieve.model.ScreeningQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The monitored subjects of every agency with their names analysed, kept in memory so that a monitoring run screens
 * them against the day's changes without reading, parsing and analysing a million subjects again.
 *
 * <p>The store counts every committed change of subjects (an epoch, bumped in the change's transaction). The cache
 * is trusted for a run only when it holds every change up to the store's current epoch: those of this process are
 * applied after they commit; a change made by another process (an enrolment from the command line) leaves a gap,
 * and the run then reads the subjects from the database, rebuilding the cache as it goes.
 */
final class SubjectCache {
    /** A subject as runs screen it; an inactive one is kept as a tombstone, so that an older read cannot revive it. */
    record Cached(String agency, String externalId, int version, boolean active, List<MatchEngine.PreparedQuery> queries) {
    }

    /**
     * The parts of names, each kept once: a million customers' names are made of far fewer parts, and an analysed part
     * is a few hundred bytes.
     */
    private final ConcurrentHashMap<Token, Token> parts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> agencies = new ConcurrentHashMap<>();

    /** A subject analysed as runs screen it, its parts kept once in this cache. */
    Cached prepare(Subject s) {
        return analyse(s, t -> parts.computeIfAbsent(t, k -> k), a -> agencies.computeIfAbsent(a, k -> k));
    }

    /** A subject analysed for one run (nothing kept). */
    static Cached analyse(Subject s) {
        return analyse(s, t -> t, a -> a);
    }

    private static Cached analyse(Subject s, UnaryOperator<Token> part, UnaryOperator<String> agency) {
        List<MatchEngine.PreparedQuery> qs = new ArrayList<>();
        if (s.active()) {
            for (ScreeningQuery q : s.data().queries()) {
                MatchEngine.PreparedQuery p = MatchEngine.prepare(q);
                List<NameForm> forms = new ArrayList<>(p.forms().size());
                for (NameForm f : p.forms()) {
                    List<Token> tokens = new ArrayList<>(f.tokens().size());
                    for (Token t : f.tokens()) tokens.add(part.apply(t));
                    forms.add(new NameForm(List.copyOf(tokens), f.origin(), f.native_()));
                }
                qs.add(new MatchEngine.PreparedQuery(q, forms));
            }
        }
        return new Cached(agency.apply(s.agency()), s.externalId(), s.version(), s.active(), List.copyOf(qs));
    }

    /** Per agency, its subjects by their id (the key is the subject's own string: no key objects beside them). */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Cached>> subjects = new ConcurrentHashMap<>();
    /** Every change up to this epoch is held; -1 while the cache is not (yet) complete. */
    private long upTo = -1;
    /** The epoch a rebuild started from, while one is in progress (-1: none). */
    private long building = -1;
    /** Epochs applied beyond {@link #upTo} (or beyond the rebuild's start), waiting for the ones before them. */
    private final TreeSet<Long> ahead = new TreeSet<>();

    /** Starts over from the database's subjects as of {@code epoch}: {@link #add} them, then {@link #built}. */
    synchronized void rebuild(long epoch) {
        subjects.clear();
        parts.clear();
        ahead.removeIf(e -> e <= epoch);
        upTo = -1;
        building = epoch;
    }

    /** A subject read from the database by a rebuild (a newer version already applied wins). */
    void add(Cached c) {
        subjects.computeIfAbsent(c.agency(), a -> new ConcurrentHashMap<>())
                .merge(c.externalId(), c, (old, nu) -> nu.version() > old.version() ? nu : old);
    }

    /** The rebuild is complete: the cache holds every subject as of its epoch and the changes applied since. */
    synchronized void built() {
        if (building < 0) return;
        upTo = building;
        building = -1;
        advance();
    }

    /** A rebuild abandoned (a failed run): the cache is not trusted until the next one completes. */
    synchronized void abandon() {
        building = -1;
        upTo = -1;
    }

    /** Applies the subjects a committed transaction of this process wrote, as of the epoch it bumped to. */
    void apply(long epoch, List<Subject> changed) {
        synchronized (this) {
            if (upTo < 0 && building < 0) return; // never built: the first run reads the database (and builds it)
        }
        List<Cached> prepared = changed.stream().map(this::prepare).toList(); // the analysis, outside the lock
        synchronized (this) {
            for (Cached c : prepared) add(c);
            ahead.add(epoch);
            advance();
        }
    }

    private void advance() {
        if (upTo < 0) return;
        ahead.removeIf(e -> e <= upTo);
        while (!ahead.isEmpty() && ahead.first() == upTo + 1) upTo = ahead.pollFirst();
    }

    /** Whether the cache holds every change up to the store's epoch {@code current}. */
    synchronized boolean holds(long current) {
        return upTo >= 0 && upTo == current;
    }

    /** The monitored subjects, in no particular order. */
    List<Cached> active() {
        List<Cached> out = new ArrayList<>();
        for (var agency : subjects.values()) {
            for (Cached c : agency.values()) if (c.active()) out.add(c);
        }
        return out;
    }
}
