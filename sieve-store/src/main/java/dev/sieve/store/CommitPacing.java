package dev.sieve.store;

/**
 * Decides whether the audit writer should wait for more events before a group commit: only when events
 * have lately come often enough that a wait of {@code linger} is likely to bring at least two more. It
 * keeps a moving average of the time between events; one writer thread uses it, so it is not shared.
 */
final class CommitPacing {
    private static final double WEIGHT_OF_NEWEST = 0.1;

    private final long linger;
    private long lastArrival = Long.MIN_VALUE;
    private double meanGap = Double.POSITIVE_INFINITY;

    CommitPacing(long lingerNanos) {
        this.linger = lingerNanos;
    }

    /** Notes an event queued at {@code nanoTime} (events may be noted slightly out of order). */
    void arrived(long nanoTime) {
        if (lastArrival != Long.MIN_VALUE) {
            double gap = Math.max(0, nanoTime - lastArrival);
            meanGap = Double.isInfinite(meanGap) ? gap : (1 - WEIGHT_OF_NEWEST) * meanGap + WEIGHT_OF_NEWEST * gap;
        }
        lastArrival = Math.max(lastArrival, nanoTime);
    }

    boolean worthWaiting() {
        return meanGap * 2 <= linger;
    }
}
