package dev.sieve.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The append-only, hash-chained audit trail. Changes append their events inside their own transaction
 * ({@link #transact}), so a change and its event commit together or not at all. Screenings, far more
 * frequent, are appended by one writer thread in group commits ({@link #record}); the caller waits
 * until its event is durable. Appends are serial: in this process by a lock, across processes by the
 * row lock on {@code audit_head}, which holds the last sequence number and hash.
 *
 * <p>A commit costs mostly per commit, not per event: the database rewrites every page the group
 * touched (the table's last leaf, the index's, the head's). So when events arrive faster than one per
 * half millisecond, the writer waits up to {@link #LINGER_NANOS} after the first queued event for
 * others to join its group (PostgreSQL's {@code commit_delay} does the same); when they are sparse, it
 * commits at once.
 */
public final class AuditLog implements AutoCloseable {
    public static final String GENESIS = "0".repeat(64);
    private static final int GROUP = 512;
    /** The longest detail kept in the inline column; longer ones go whole into {@code detail_large}. */
    static final int INLINE_DETAIL = 1_000_000;
    static final long LINGER_NANOS = 1_000_000;

    /**
     * An event to append: the log fills in its number, time and hashes.
     *
     * @param subjectAgency the agency the event concerns when it is not the actor's (its auditors see it too), or null
     */
    public record Draft(Actor actor, String action, String target, String detail, String subjectAgency) {
        public Draft(Actor actor, String action, String target, String detail) {
            this(actor, action, target, detail, null);
        }

        /** The same event, concerning {@code agency} as well when that is not the actor's own. */
        public Draft concerning(String agency) {
            return agency == null || agency.equals(actor.agency()) ? this : new Draft(actor, action, target, detail, agency);
        }
    }

    /** Work done in a change's transaction; it adds the events that describe it to {@code audit}. */
    public interface Work<R> {
        R run(Connection connection, List<Draft> audit) throws SQLException;
    }

    /**
     * The outcome of checking the whole chain.
     *
     * @param sealedUpTo the newest event a checkpoint outside the database vouches for (0: none)
     */
    public record Verification(boolean intact, long events, long firstBrokenSeq, String problem, long sealedUpTo) {
        public Verification(boolean intact, long events, long firstBrokenSeq, String problem) {
            this(intact, events, firstBrokenSeq, problem, 0);
        }
    }

    /** The chain's last event, as the head row records it. */
    public record Head(long seq, String hash) {
    }

    /** The head of the chain. */
    public Head head() {
        return SieveStore.query(dataSource, "SELECT seq, hash FROM audit_head WHERE id = 1", ps -> { },
                rs -> new Head(rs.getLong(1), rs.getString(2))).stream().findFirst()
                .orElseThrow(() -> new StoreException("the audit head row is missing"));
    }

    private record Pending(Draft draft, CompletableFuture<Long> done, long queuedAt) {
    }

    /** How many group commits the writer made for how many events (benchmarks report it). */
    public record GroupStats(long commits, long events) {
    }

    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private volatile Thread writer;
    private volatile boolean closed;
    private volatile long commits;
    private volatile long committedEvents;

    /** Commits reach the disk before they are acknowledged (H2 needs it; PostgreSQL does it itself). */
    private final DurabilityBarrier barrier;
    /** Acknowledges the writer's groups once they are on disk, so the writer goes on with the next group meanwhile. */
    private final java.util.concurrent.ExecutorService acknowledger = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("sieve-audit-ack").unstarted(r));

    AuditLog(DataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.barrier = new DurabilityBarrier(dataSource, embedded);
    }

    /**
     * Runs {@code work} and appends its events in one transaction: both commit or neither does. Throws
     * {@link StoreException} (or the work's own runtime exception) after rolling back.
     */
    public <R> R transact(Work<R> work) {
        R result = transactCounted(work).result();
        try {
            barrier.awaitAll();
        } catch (SQLException e) {
            throw new StoreException("the change was committed but could not be confirmed on disk: " + e.getMessage(), e);
        }
        return result;
    }

    private record Written<R>(R result, long lastSeq) {
    }

    private <R> Written<R> transactCounted(Work<R> work) {
        lock.lock();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Draft> drafts = new ArrayList<>();
                R result = work.run(c, drafts);
                long last = append(c, drafts);
                c.commit();
                return new Written<>(result, last);
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                if (e instanceof SQLException se) throw new StoreException("change not written: " + se.getMessage(), se);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("change not written: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Appends events to a transaction another part opened, and commits it: both or neither. */
    void commitWith(Connection c, List<Draft> drafts) throws SQLException {
        lock.lock();
        try {
            append(c, drafts);
            c.commit();
        } finally {
            lock.unlock();
        }
        barrier.awaitAll();
    }

    /** Queues an event for the next group commit; the future completes with its sequence number once durable. */
    public CompletableFuture<Long> record(Draft draft) {
        if (closed) return CompletableFuture.failedFuture(new StoreException("the audit log is closed"));
        startWriter();
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (!queue.offer(new Pending(draft, done, System.nanoTime()))) {
            done.completeExceptionally(new StoreException("the audit log is overloaded"));
        }
        return done;
    }

    private void startWriter() {
        if (writer != null) return;
        synchronized (this) {
            if (writer != null) return;
            Thread t = new Thread(this::writeLoop, "sieve-audit-writer");
            t.setDaemon(true);
            t.start();
            writer = t;
        }
    }

    /** The group commits made by this process's writer so far. */
    public GroupStats groupStats() {
        return new GroupStats(commits, committedEvents);
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(GROUP);
        CommitPacing pacing = new CommitPacing(LINGER_NANOS);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, GROUP - 1);
                if (pacing.worthWaiting()) lingerForMore(batch, first.queuedAt() + LINGER_NANOS);
                for (Pending p : batch) pacing.arrived(p.queuedAt());
                try {
                    commitGroup(batch);
                } catch (RuntimeException groupFailed) {
                    // one bad event must not fail the others' requests: each is tried alone, and only the
                    // events that cannot be written fail
                    for (Pending p : batch) {
                        try {
                            commitGroup(List.of(p));
                        } catch (RuntimeException alone) {
                            p.done().completeExceptionally(alone);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                for (Pending p : batch) p.done().completeExceptionally(e);
            } finally {
                batch.clear();
            }
        }
    }

    private void commitGroup(List<Pending> group) {
        List<Draft> drafts = group.stream().map(Pending::draft).toList();
        long last = transactCounted((c, audit) -> {
            audit.addAll(drafts);
            return null;
        }).lastSeq();
        commits++;
        committedEvents += drafts.size();
        long firstSeq = last - drafts.size() + 1;
        long ticket = barrier.ticket();
        List<Pending> acknowledged = List.copyOf(group);
        // the disk sync runs beside the next group's commit; one sync often covers several groups
        acknowledger.execute(() -> {
            try {
                barrier.await(ticket);
                for (int i = 0; i < acknowledged.size(); i++) acknowledged.get(i).done().complete(firstSeq + i);
            } catch (SQLException | RuntimeException e) {
                StoreException failed = new StoreException("the audit event was committed but could not be confirmed on disk", e);
                for (Pending p : acknowledged) p.done().completeExceptionally(failed);
            }
        });
    }

    private void lingerForMore(List<Pending> batch, long deadline) throws InterruptedException {
        while (batch.size() < GROUP && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            Pending more = queue.poll(left, TimeUnit.NANOSECONDS);
            if (more == null) return;
            batch.add(more);
            queue.drainTo(batch, GROUP - batch.size());
        }
    }

    private static long append(Connection c, List<Draft> drafts) throws SQLException {
        if (drafts.isEmpty()) return -1;
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("the audit head row is missing");
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit_event"
                + " (seq, at, agency_id, key_id, action, target, detail, detail_large, prev_hash, hash, subject_agency, request_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Draft d : drafts) {
                seq++;
                String hash = hash(prev, seq, at, d.actor().agency(), d.actor().keyId(), d.action(), d.target(), d.detail(),
                        d.subjectAgency(), d.actor().requestId());
                ins.setLong(1, seq);
                ins.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ins.setString(3, d.actor().agency());
                ins.setString(4, d.actor().keyId());
                ins.setString(5, d.action());
                ins.setString(6, d.target());
                boolean large = d.detail().length() > INLINE_DETAIL;
                ins.setString(7, large ? "" : d.detail());
                ins.setString(8, large ? d.detail() : null);
                ins.setString(9, prev);
                ins.setString(10, hash);
                ins.setString(11, d.subjectAgency());
                ins.setString(12, d.actor().requestId());
                ins.addBatch();
                prev = hash;
            }
            ins.executeBatch();
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            up.setLong(1, seq);
            up.setString(2, prev);
            up.executeUpdate();
        }
        return seq;
    }

    static String hash(String prev, long seq, Instant at, String agency, String keyId, String action, String target,
                       String detail, String subjectAgency) {
        return hash(prev, seq, at, agency, keyId, action, target, detail, subjectAgency, null);
    }

    static String hash(String prev, long seq, Instant at, String agency, String keyId, String action, String target,
                       String detail, String subjectAgency, String requestId) {
        StringBuilder sb = new StringBuilder(256 + detail.length());
        // the subject agency and the request id are hashed only when set, so events written before they existed keep
        // their hashes; with a request id, the subject agency's place is always filled (ten parts, never nine)
        Object[] parts = requestId != null ? new Object[] {prev, seq, at, agency, keyId, action, target, detail, subjectAgency, requestId}
                : subjectAgency == null ? new Object[] {prev, seq, at, agency, keyId, action, target, detail}
                : new Object[] {prev, seq, at, agency, keyId, action, target, detail, subjectAgency};
        for (Object part : parts) {
            // a null and an empty field must hash differently, and no field may run into the next
            String s = part == null ? "\u0000" : part.toString();
            sb.append(s.length()).append(':').append(s).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Events in sequence order, newest last: all of them ({@code agency} null) or those one agency's
     * keys caused or that concern it (a key the operator issued for it); after a sequence number (for paging), within an optional time window.
     */
    public List<AuditEvent> events(String agency, long afterSeq, Instant from, Instant to, String action, int limit) {
        StringBuilder sql = new StringBuilder("SELECT seq, at, agency_id, key_id, action, target, detail, prev_hash, hash, detail_large, subject_agency, request_id"
                + " FROM audit_event WHERE seq > ?");
        List<Object> args = new ArrayList<>();
        args.add(afterSeq);
        if (agency != null) {
            sql.append(" AND (agency_id = ? OR subject_agency = ?)");
            args.add(agency);
            args.add(agency);
        }
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        if (action != null) {
            sql.append(" AND action = ?");
            args.add(action);
        }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(limit);
        return SieveStore.query(dataSource, sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
        }, AuditLog::event);
    }

    /** Streams every event in order. */
    public void forEach(Consumer<AuditEvent> sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, agency_id, key_id, action, target, detail,"
                    + " prev_hash, hash, detail_large, subject_agency, request_id FROM audit_event ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) sink.accept(event(rs));
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the whole chain: numbers without gaps from 1, each event's previous hash equal to the hash
     * before it, each hash recomputed from the fields, and the head equal to the last event.
     */
    public Verification verify() {
        return verify(null);
    }

    /**
     * Checks the whole chain as {@link #verify()} does, and then that it passes through every checkpoint of
     * {@code seal} and reaches the last (null: no seal).
     */
    public Verification verify(AuditSeal seal) {
        java.util.Set<Long> sealed = new java.util.HashSet<>();
        if (seal != null) for (AuditSeal.Checkpoint c : seal.checkpoints()) sealed.add(c.seq());
        java.util.Map<Long, String> hashes = new java.util.HashMap<>();
        // the head first: every event up to it is committed (an append writes both in one transaction), and events
        // appended while the chain is read come after it, so a running server's appends are not taken for a gap
        long headSeq;
        String headHash;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return new Verification(false, 0, 1, "the audit head row is missing");
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit head: " + e.getMessage(), e);
        }
        long[] expectedSeq = {1};
        String[] prev = {GENESIS};
        Verification[] broken = {null};
        long[] count = {0};
        long[] beyondHead = {0};
        forEach(e -> {
            if (e.seq() > headSeq) beyondHead[0] = Math.max(beyondHead[0], e.seq());
            if (broken[0] != null || e.seq() > headSeq) return;
            count[0]++;
            if (e.seq() != expectedSeq[0]) {
                broken[0] = new Verification(false, count[0], expectedSeq[0], "event " + expectedSeq[0]
                        + " is missing (next found: " + e.seq() + ")");
            } else if (!e.prevHash().equals(prev[0])) {
                broken[0] = new Verification(false, count[0], e.seq(), "event " + e.seq()
                        + " does not follow the hash of the event before it");
            } else if (!e.hash().equals(hash(e.prevHash(), e.seq(), e.at(), e.agency(), e.keyId(), e.action(),
                    e.target(), e.detail(), e.subjectAgency(), e.requestId()))) {
                broken[0] = new Verification(false, count[0], e.seq(), "event " + e.seq()
                        + " was altered: its content does not give its hash");
            }
            expectedSeq[0] = e.seq() + 1;
            prev[0] = e.hash();
            if (sealed.contains(e.seq())) hashes.put(e.seq(), e.hash());
        });
        if (broken[0] != null) return broken[0];
        if (beyondHead[0] > 0 && headSeqNow() < beyondHead[0]) {
            // not appended since the head was read: written beside the trail, not through it
            return new Verification(false, count[0], headSeq + 1, "event " + beyondHead[0] + " lies beyond the head, which"
                    + " records event " + headSeqNow() + ": it was not appended through the audit trail");
        }
        if (headSeq != expectedSeq[0] - 1 || !headHash.equals(prev[0])) {
            return new Verification(false, count[0], headSeq, "the chain ends at event " + (expectedSeq[0] - 1)
                    + " but its head records event " + headSeq + ": events were removed from the end");
        }
        if (seal == null) return new Verification(true, count[0], 0, null);
        String problem = seal.check(hashes::get);
        long upTo = sealed.stream().mapToLong(Long::longValue).max().orElse(0);
        if (problem != null) return new Verification(false, count[0], upTo, problem, upTo);
        return new Verification(true, count[0], 0, null, upTo);
    }

    private long headSeqNow() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit head: " + e.getMessage(), e);
        }
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        String large = rs.getString(10);
        return new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), large != null ? large : rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(11), rs.getString(12));
    }

    /** Stops the writer after it has written everything queued. */
    @Override
    public void close() {
        closed = true;
        Thread t = writer;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        acknowledger.shutdown();
        try {
            acknowledger.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
