package dev.sieve.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Requests that screen many names at once (batches, payment messages, manifests) take turns on fewer cores
 * than the machine has, so that single screenings always find a core free. A virtual thread busy with CPU
 * work keeps its carrier until it is done: without this, two large requests hold both cores of a 2-core
 * machine and every single screening waits behind them.
 */
final class HeavyLane {
    private final Semaphore permits;
    private final long waitMillis;

    HeavyLane(int permits, long waitMillis) {
        this.permits = new Semaphore(permits, true);
        this.waitMillis = waitMillis;
    }

    /** One lane fewer than the machine has cores (at least one), waiting up to 30 s for a turn. */
    static HeavyLane forThisMachine() {
        return new HeavyLane(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 30_000);
    }

    /** Runs {@code work} in its turn, or refuses with 503 when no turn comes within the wait. */
    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(503, "Server busy", "other large screenings (batches, payment messages, manifests) are"
                    + " using the server's share for them; retry in a few seconds", null, null);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
