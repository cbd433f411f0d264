package dev.sieve.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitPacingTest {
    private static final long MS = 1_000_000;

    @Test
    void waitsOnlyWhileEventsComeOftenerThanEveryHalfLinger() {
        CommitPacing pacing = new CommitPacing(MS);
        assertThat(pacing.worthWaiting()).as("nothing seen yet").isFalse();
        long t = 0;
        for (int i = 0; i < 50; i++) pacing.arrived(t += 300_000); // 3,300 events/s
        assertThat(pacing.worthWaiting()).isTrue();
        for (int i = 0; i < 50; i++) pacing.arrived(t += 5 * MS); // 200 events/s
        assertThat(pacing.worthWaiting()).isFalse();
        for (int i = 0; i < 50; i++) pacing.arrived(t += 100_000);
        assertThat(pacing.worthWaiting()).as("busy again").isTrue();
    }

    @Test
    void oneLongPauseEndsTheWaitingAtOnce() {
        CommitPacing pacing = new CommitPacing(MS);
        long t = 0;
        for (int i = 0; i < 100; i++) pacing.arrived(t += 50_000);
        pacing.arrived(t + 2_000 * MS); // two seconds of quiet: the next lone event must not wait
        assertThat(pacing.worthWaiting()).isFalse();
    }

    @Test
    void eventsNotedOutOfOrderCountAsSimultaneous() {
        CommitPacing pacing = new CommitPacing(MS);
        pacing.arrived(10 * MS);
        for (int i = 0; i < 20; i++) pacing.arrived(10 * MS - 1_000);
        assertThat(pacing.worthWaiting()).isTrue();
    }
}
