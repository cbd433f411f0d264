package dev.sieve.server;

import dev.sieve.screening.ScreeningService;
import dev.sieve.store.SieveStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the screening indexes in step with the database: after this server's own changes at once, and
 * by polling for changes other processes made (a {@code sieve lists load} against the same PostgreSQL
 * database, another server). Each rebuild happens beside the live index, on the low-priority
 * {@link Background} thread, and is swapped in atomically.
 */
final class Reloader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);
    private final SieveStore store;
    private final ScreeningService screening;
    private final ServerMetrics metrics;
    private final Background background;
    /** Told after every rebuild of an index (monitoring catches up with the new publications or databank entries). */
    private final Runnable afterRebuild;
    private volatile SieveStore.ChangeMarker marker;
    private Thread poller;
    private volatile boolean closed;

    Reloader(SieveStore store, ScreeningService screening, ServerMetrics metrics, Background background,
             Runnable afterRebuild) {
        this.store = store;
        this.screening = screening;
        this.metrics = metrics;
        this.background = background;
        this.afterRebuild = afterRebuild;
    }

    /** Rebuilds both indexes (the databank one borrows the lists' rarity weights); returns when swapped in. */
    void reloadLists() {
        background.run(this::rebuildLists);
    }

    private synchronized void rebuildLists() {
        long t0 = System.nanoTime();
        SieveStore.ChangeMarker before = store.changeMarker();
        ScreeningService.Reloaded lists = screening.reload(store, null);
        lists.snapshot().parties(); // link the parties here, in the background, not in the first screening after
        screening.reloadDatabank(store);
        marker = before;
        long took = System.nanoTime() - t0;
        metrics.reloaded(took);
        LOG.info("indexes rebuilt in {} ms: {} entities, {} read from the database, {} names analysed",
                took / 1_000_000, lists.snapshot().engine().entityCount(), lists.entitiesRead(), lists.namesAnalysed());
        afterRebuild.run();
    }

    synchronized void reloadDatabank() {
        SieveStore.ChangeMarker before = store.changeMarker();
        screening.reloadDatabank(store);
        // a list load by another process between two databank changes is still picked up by the poller
        if (before.sameLists(marker)) marker = before;
        afterRebuild.run();
    }

    void startPolling(Duration interval) {
        if (interval.isZero() || interval.isNegative()) return;
        poller = Thread.ofPlatform().daemon().name("sieve-reload-poller").start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(interval);
                    SieveStore.ChangeMarker now = store.changeMarker();
                    if (!now.equals(marker)) {
                        if (now.sameLists(marker)) reloadDatabank();
                        else reloadLists();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the database may be briefly unreachable; the live index keeps serving
                    metrics.reloadFailed();
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        if (poller != null) poller.interrupt();
    }
}
