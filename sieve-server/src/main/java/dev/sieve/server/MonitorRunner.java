package dev.sieve.server;

import dev.sieve.alerts.Monitor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs monitoring catch-ups on one low-priority background thread, after every rebuild of the lists' index
 * (an upload, a load by another process found by polling) and once at start (resuming a run a killed
 * server left). Requests made while one runs are folded into one more run after it.
 */
final class MonitorRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorRunner.class);

    private final Monitor monitor;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> Background.thread("sieve-monitor", r));
    private final AtomicBoolean queued = new AtomicBoolean();

    MonitorRunner(Monitor monitor) {
        this.monitor = monitor;
    }

    /** Asks for a catch-up soon; returns at once. */
    void catchUpSoon() {
        if (!queued.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                queued.set(false);
                try {
                    monitor.warm(); // the subjects in memory first: the run then reads none from the database
                    monitor.catchUp();
                    reopenLapsed();
                } catch (RuntimeException e) {
                    // recorded on the run; the next list change (or restart) tries again
                    if (closing) LOG.debug("monitoring stopped by the server's close: {}", e.toString());
                    else LOG.error("monitoring failed: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false); // closing
        }
    }

    private volatile boolean closing;

    /**
     * Alerts covered by exemptions that were revoked or have passed their last day go back to the queue; alerts raised
     * under a measure since lifted say so.
     */
    private void reopenLapsed() {
        int n = monitor.alerts().reopenLapsed(monitor.exemptions()::stillCovers);
        if (n > 0) LOG.info("{} alerts re-opened: the exemptions covering them were revoked or expired", n);
        int lifted = monitor.alerts().noteLiftedMeasures(dev.sieve.regimes.RegimeCatalogue.standard(),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        if (lifted > 0) LOG.info("{} alerts noted: a measure they were raised under was lifted", lifted);
    }

    /** Checks the exemptions' expiry every hour (an exemption ends at the end of its last day). */
    private final java.util.concurrent.ScheduledExecutorService clock = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> Background.thread("sieve-exemption-clock", r));

    {
        clock.scheduleWithFixedDelay(() -> {
            try {
                executor.execute(() -> {
                    try {
                        reopenLapsed();
                    } catch (RuntimeException e) {
                        if (!closing) LOG.error("re-opening the alerts of lapsed exemptions failed: {}", e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }, 1, 1, java.util.concurrent.TimeUnit.HOURS);
    }

    /** Stops the work in progress (a run resumes at the next start) and waits a little for it to let go of the store. */
    @Override
    public void close() {
        closing = true;
        clock.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
