package dev.sieve.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long file: a progress bar on a terminal, and otherwise (a pipe, a log, CI) a plain line
 * every few seconds, so that logs stay readable.
 */
abstract class Progress implements AutoCloseable {
    static Progress start(PrintWriter err, long fileBytes) {
        return onTerminal() ? new Bar() : new Lines(err);
    }

    /** Whether standard output is a terminal (Console.isTerminal is JDK 22+; on 21 a console means one). */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    abstract void rows(long rows, long line);

    @Override
    public abstract void close();

    private static final class Bar extends Progress {
        private final ProgressBar bar = new ProgressBarBuilder().setTaskName("screening").setUnit(" rows", 1)
                .setInitialMax(-1).setStyle(ProgressBarStyle.ASCII).showSpeed().build();

        @Override
        void rows(long rows, long line) {
            bar.stepTo(rows);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    private static final class Lines extends Progress {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private long last = start;

        Lines(PrintWriter err) {
            this.err = err;
        }

        @Override
        void rows(long rows, long line) {
            long now = System.nanoTime();
            if (now - last < EVERY_NANOS) return;
            last = now;
            err.printf("... %,d rows screened (line %,d), %,.0f rows/s%n", rows, line, rows / ((now - start) / 1e9));
            err.flush();
        }

        @Override
        public void close() {
        }
    }
}
