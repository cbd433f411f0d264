package dev.sieve.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BackgroundTest {
    @Test
    void runsWorkOnItsOwnPlatformThreadAndHandsBackResultsAndFailures() {
        try (Background background = new Background("test-background")) {
            Thread caller = Thread.currentThread();
            Thread worker = background.call(Thread::currentThread);
            assertThat(worker).isNotSameAs(caller);
            assertThat(worker.isVirtual()).isFalse();
            assertThat(worker.getName()).isEqualTo("test-background");
            assertThat(background.call(() -> 6 * 7)).isEqualTo(42);
            assertThatThrownBy(() -> background.run(() -> {
                throw new IllegalArgumentException("broken list");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("broken list");
        }
    }

    @Test
    void workStillQueuedAtCloseFailsInsteadOfHanging() throws Exception {
        Background background = new Background("test-background");
        var running = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                background.run(() -> {
                    running.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (RuntimeException expected) {
                // interrupted by the close
            }
        });
        running.await();
        var queuedOutcome = new java.util.concurrent.CompletableFuture<Throwable>();
        Thread second = Thread.ofVirtual().start(() -> {
            try {
                background.call(() -> "ran");
                queuedOutcome.complete(null);
            } catch (RuntimeException e) {
                queuedOutcome.complete(e);
            }
        });
        while (second.getState() != Thread.State.WAITING) Thread.sleep(5);
        background.close();
        release.countDown();
        assertThat(queuedOutcome.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        first.join();
    }

    @Test
    void theBackgroundThreadRunsAtTheLowestSchedulingPriority() {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "needs Linux's /proc to read a thread's nice value");
        try (Background background = new Background("test-background")) {
            int nice = background.call(() -> {
                String stat = Files.readString(Path.of("/proc/thread-self/stat"));
                // fields after the command name (which may hold spaces) start at field 3; nice is field 19
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Integer.parseInt(fields[19 - 3]);
            });
            assertThat(nice).isEqualTo(Background.NICE);
        }
    }
}
