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
 * The barrier commits the MVStore (it waits for the store and writes whatever is pending) and syncs its file,
 * so an acknowledged change survives a killed process and a lost machine alike.
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
        try (Connection c = dataSource.getConnection()) {
            writeAndSync(c);
            done = true;
        } finally {
            synchronized (this) {
                if (done) synced = Math.max(synced, target);
                syncing = false;
                notifyAll();
            }
        }
    }

    /**
     * Writes what the store holds in memory and forces the file to disk. In this process's own H2 that is
     * the MVStore's commit and sync; SQL's {@code CHECKPOINT SYNC} would do the same but also compact the
     * file (rewriting up to 4 MB of half-empty chunks, as after a list upload) on every call, which cost a
     * sixth of the requests per second under load. A connection to another process's database has only SQL.
     */
    private static void writeAndSync(Connection c) throws SQLException {
        org.h2.mvstore.MVStore store = ownStore(c);
        if (store != null) {
            store.commit();
            store.sync();
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT SYNC"); // the database's sync: a flush, then the file forced to disk
        }
    }

    private static org.h2.mvstore.MVStore ownStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)) return null;
        if (!(c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal local)) return null;
        org.h2.mvstore.db.Store store = local.getDatabase().getStore();
        return store == null ? null : store.getMvStore();
    }

    /** Commits made so far are on disk before this returns (a ticket and its wait in one). */
    void awaitAll() throws SQLException {
        await(ticket());
    }
}
