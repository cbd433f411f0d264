package dev.sieve.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes committed changes of the embedded H2 durable before they are acknowledged. PostgreSQL does that in
 * its commit; H2's MVStore does not quite: with WRITE_DELAY=0 a commit writes its changes to the file only if
 * no other write of the store is under way (MVStore.tryCommit), else leaves them in memory for the next one
 * (say, while another process writes through AUTO_SERVER), and it never forces the file to disk.
 * {@code CHECKPOINT} waits for the store and writes whatever is pending; {@code CHECKPOINT SYNC} forces the
 * file to disk, so an acknowledged change survives a killed process and a lost machine alike.
 *
 * <p>A sync costs about 0.35 ms here, so callers share them (as a database's group commit does): a caller
 * takes a ticket after its commit, and one sync covers every ticket taken before it started; whoever asks
 * while one runs waits for the next, which covers everyone waiting.
 */
final class DurabilityBarrier {
    private final DataSource dataSource;
    private final boolean needed;
    private long requested;
    private long synced;
    private boolean syncing;

    DurabilityBarrier(DataSource dataSource, boolean needed) {
        this.dataSource = dataSource;
        this.needed = needed;
    }

    /** A ticket for everything committed so far; take it after the commit returns. */
    synchronized long ticket() {
        return ++requested;
    }

    /** Returns once everything committed before {@code ticket} was taken is on disk. */
    void await(long ticket) throws SQLException {
        if (!needed) return;
        long target;
        synchronized (this) {
            while (true) {
                if (synced >= ticket) return;
                if (!syncing) break;
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the commit to reach the disk", e);
                }
            }
            syncing = true;
            target = requested;
        }
        boolean done = false;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
            st.execute("CHECKPOINT SYNC");
            done = true;
        } finally {
            synchronized (this) {
                if (done) synced = Math.max(synced, target);
                syncing = false;
                notifyAll();
            }
        }
    }

    /** Commits made so far are on disk before this returns (a ticket and its wait in one). */
    void awaitAll() throws SQLException {
        await(ticket());
    }
}
