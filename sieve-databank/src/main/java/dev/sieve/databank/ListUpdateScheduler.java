package dev.sieve.databank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's own schedule of official list updates, so that no cron job outside it is needed: every {@code every} or
 * at the minutes a cron expression names, each source is fetched and loaded ({@link ListUpdater}); a source that
 * fails is tried again after 1, 2, 4, 8 and 16 minutes (or at the next scheduled run, if sooner). What happened to
 * each source is kept for {@code /healthz} and {@code /metrics}.
 */
public final class ListUpdateScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListUpdateScheduler.class);
    static final int RETRIES = 5;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    /** When to update: every so often, or at the times of a cron expression (UTC). */
    public record Schedule(Duration every, Cron cron) {
        public Schedule {
            if ((every == null) == (cron == null)) throw new IllegalArgumentException("a schedule is either every DURATION or a cron expression");
            if (every != null && every.compareTo(Duration.ofMinutes(1)) < 0) throw new IllegalArgumentException("updates at most every minute");
        }

        /** {@code 1h}, {@code 30m}, {@code P1D}... ({@link SourceFreshness#parseAge}), or a five-field cron expression. */
        public static Schedule parse(String text) {
            String t = text.strip();
            if (t.split("\\s+").length == 5) return new Schedule(null, Cron.parse(t));
            return new Schedule(SourceFreshness.parseAge(t), null);
        }

        /** The next run after {@code t}. */
        public Instant next(Instant t) {
            return every != null ? t.plus(every) : cron.next(t.atZone(ZoneOffset.UTC)).toInstant();
        }

        @Override
        public String toString() {
            return every != null ? "every " + every : "cron '" + cron + "' (UTC)";
        }
    }

    /** A schedule and the sources it fetches. */
    public record Plan(Schedule schedule, OfficialSources sources) {
        @Override
        public String toString() {
            return schedule + " (" + String.join(", ", sources.sources().keySet()) + ")";
        }
    }

    /** What the last attempts at one source did. */
    public record SourceStatus(String source, Instant lastAttempt, Instant lastSuccess, String lastError, int failuresInARow,
                               long failuresTotal, Instant nextRetry) {
        public boolean failing() {
            return failuresInARow > 0;
        }
    }

    private final ListUpdater updater;
    private final OfficialSources sources;
    private final Schedule schedule;
    private final Clock clock;
    private final Consumer<List<ListUpdater.Outcome>> afterRun;
    private final Map<String, SourceStatus> status = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sieve-list-updates");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant nextRun;

    /** @param afterRun told of every run's outcomes (the server rebuilds its index after a load) */
    public ListUpdateScheduler(ListUpdater updater, OfficialSources sources, Schedule schedule, Clock clock,
                               Consumer<List<ListUpdater.Outcome>> afterRun) {
        this.updater = updater;
        this.sources = sources;
        this.schedule = schedule;
        this.clock = clock;
        this.afterRun = afterRun;
    }

    /** Runs now, then on the schedule. */
    public void start() {
        nextRun = clock.instant();
        executor.execute(this::scheduled);
    }

    private void scheduled() {
        try {
            run(List.copyOf(sources.sources().keySet()));
        } finally {
            nextRun = schedule.next(clock.instant());
            executor.schedule(this::scheduled, Math.max(0, Duration.between(clock.instant(), nextRun).toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** One update of these sources now (the scheduled runs and the retries call it); returns their outcomes. */
    public List<ListUpdater.Outcome> run(List<String> only) {
        Instant at = clock.instant();
        List<ListUpdater.Outcome> outcomes;
        try {
            outcomes = updater.update(sources, only, LoadListener.NONE);
        } catch (RuntimeException e) {
            outcomes = only.stream().map(s -> new ListUpdater.Outcome(s, null, e.toString())).toList();
        }
        for (ListUpdater.Outcome o : outcomes) record(o, at);
        try {
            afterRun.accept(outcomes);
        } catch (RuntimeException e) {
            LOG.error("after a list update", e);
        }
        return outcomes;
    }

    private void record(ListUpdater.Outcome o, Instant at) {
        SourceStatus before = status.get(o.source());
        long total = before == null ? 0 : before.failuresTotal();
        if (o.ok()) {
            status.put(o.source(), new SourceStatus(o.source(), at, at, null, 0, total, null));
            return;
        }
        int inARow = before == null ? 1 : before.failuresInARow() + 1;
        Instant retry = null;
        if (inARow <= RETRIES) {
            retry = at.plus(FIRST_RETRY.multipliedBy(1L << (inARow - 1)));
            if (nextRun != null && schedule.next(at).isBefore(retry)) retry = null; // the next run comes first
        }
        status.put(o.source(), new SourceStatus(o.source(), at, before == null ? null : before.lastSuccess(), o.error(), inARow, total + 1, retry));
        LOG.warn("list update of {} failed ({} in a row): {}{}", o.source(), inARow, o.error(),
                retry == null ? "" : "; trying again at " + retry);
        if (retry != null && !executor.isShutdown()) {
            executor.schedule(() -> run(List.of(o.source())), Math.max(0, Duration.between(clock.instant(), retry).toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Each source's last attempts, by source. */
    public Map<String, SourceStatus> status() {
        return new java.util.TreeMap<>(status);
    }

    public Schedule schedule() {
        return schedule;
    }

    public Instant nextRun() {
        return nextRun;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
