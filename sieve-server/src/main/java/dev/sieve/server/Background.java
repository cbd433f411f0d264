package dev.sieve.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the server's heavy work besides answering requests runs: loading an uploaded list, rebuilding
 * the indexes, customer-file jobs. It runs on platform threads at the lowest OS scheduling priority.
 * On a virtual thread it would hold one of the few carrier threads for seconds (virtual threads are not
 * time-sliced), and at normal priority it would take half of a two-core machine from the screenings;
 * niced, it gets what the requests leave, and the screenings' latency stays flat during a reload.
 */
final class Background implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    /** The kernel's lowest priority: a nice-19 thread gets about 1/70 of a core that normal threads want. */
    static final int NICE = 19;

    private final ExecutorService executor;

    Background(String name) {
        this.executor = Executors.newSingleThreadExecutor(r -> thread(name, r));
    }

    /** A daemon platform thread that lowers its own priority before running {@code body}; not yet started. */
    static Thread thread(String name, Runnable body) {
        return Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            lowerPriorityOfThisThread();
            body.run();
        });
    }

    /** Runs {@code work} on the background thread and waits for it; its exceptions are rethrown here. */
    <T> T call(Callable<T> work) {
        try {
            return executor.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for background work", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Lowers the calling platform thread's scheduling priority to {@link #NICE}, where the OS allows it
     * (Linux: {@code renice} on the thread's own id, read from {@code /proc/thread-self}); elsewhere the
     * thread keeps its priority.
     */
    private static void lowerPriorityOfThisThread() {
        try {
            Path self = Path.of("/proc/thread-self");
            if (!Files.exists(self)) return;
            String tid = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean ok = renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0;
            if (!ok) LOG.debug("renice of thread {} failed; background work runs at normal priority", tid);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot lower the background thread's priority: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread; work still queued is cancelled, so whoever waits for it gets an exception, not a hang. */
    @Override
    public void close() {
        for (Runnable queued : executor.shutdownNow()) {
            if (queued instanceof Future<?> future) future.cancel(false);
        }
    }
}
