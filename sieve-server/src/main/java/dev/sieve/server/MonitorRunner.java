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

    /** Stops the work in progress (a run resumes at the next start) and waits a little for it to let go of the store. */
    @Override
    public void close() {
        closing = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
