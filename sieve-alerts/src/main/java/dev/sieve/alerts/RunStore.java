package dev.sieve.alerts;

import dev.sieve.store.Jdbc;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditLog;
import dev.sieve.store.EntityJson;
import dev.sieve.store.SieveStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Monitoring runs: each re-screens the monitored subjects against what changed between the publications
 * monitoring had caught up with ({@code monitoring_state}) and the current ones, chunk by chunk, each
 * chunk committed with its alerts and the run's cursor, so that a run that dies resumes where it stopped.
 */
final class RunStore {
    private static final String COLUMNS = "id, status, from_pubs, to_pubs, screened_count, removed_count, cursor_agency,"
            + " cursor_subject, subjects, alerts, delisted, error, started_at, finished_at";

    /**
     * One run.
     *
     * @param from the publication of each source monitoring had caught up with
     * @param to the publications it catches up with
     */
    record Run(long id, String status, Map<String, Long> from, Map<String, Long> to, int screenedEntities,
               int removedEntities, String cursorAgency, String cursorSubject, long subjects, long alerts, long delisted,
               String error, Instant startedAt, Instant finishedAt) {
    }

    private final DataSource ds;
    private final AuditLog audit;

    RunStore(SieveStore store) {
        this.ds = store.dataSource();
        this.audit = store.audit();
    }

    /** The publication of each source monitoring has caught up with. */
    Map<String, Long> caughtUp() {
        Map<String, Long> out = new TreeMap<>();
        Jdbc.query(ds, "SELECT source, publication_id FROM monitoring_state", ps -> { }, rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /**
     * Monitoring's first state, set by the first enrolment: the publications (and databank entries) its subjects were
     * screened against, so that the first run screens what changed after them rather than everything. Only while
     * monitoring has no state, no run and no subject (else the first run's full screening is owed).
     */
    void baseline(Map<String, Long> state) {
        audit.transact((c, events) -> {
            long owed = Jdbc.query(c, "SELECT (SELECT COUNT(*) FROM monitoring_state) + (SELECT COUNT(*) FROM monitoring_run)"
                    + " + (SELECT COUNT(*) FROM subject)", ps -> { }, rs -> rs.getLong(1)).getFirst();
            if (owed > 0) return null;
            for (var e : state.entrySet()) {
                Jdbc.update(c, "INSERT INTO monitoring_state (source, publication_id) VALUES (?, ?)", ps -> {
                    ps.setString(1, e.getKey());
                    ps.setLong(2, e.getValue());
                });
            }
            events.add(new AuditLog.Draft(new Actor(Actor.OPERATOR_AGENCY, AlertStore.MONITOR_KEY), "monitoring.baseline", null,
                    EntityJson.write(Map.of("publications", Monitor.listsOf(state)))));
            return null;
        });
    }

    /** The run a previous process left unfinished, if any. */
    Optional<Run> unfinished() {
        return Jdbc.query(ds, "SELECT " + COLUMNS + " FROM monitoring_run WHERE status = 'running' ORDER BY id LIMIT 1",
                ps -> { }, RunStore::run).stream().findFirst();
    }

    Optional<Run> run(long id) {
        return Jdbc.query(ds, "SELECT " + COLUMNS + " FROM monitoring_run WHERE id = ?", ps -> ps.setLong(1, id), RunStore::run)
                .stream().findFirst();
    }

    /** The latest runs, newest first. */
    List<Run> latest(int limit) {
        return Jdbc.query(ds, "SELECT " + COLUMNS + " FROM monitoring_run ORDER BY id DESC LIMIT ?", ps -> ps.setInt(1, limit),
                RunStore::run);
    }

    /** Starts a run, on the audit trail as started by {@code by} (the monitoring itself, or who asked for a full re-screen). */
    Run start(Actor by, Map<String, Long> from, Map<String, Long> to, int screened, int removed) {
        return audit.transact((c, events) -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO monitoring_run (status, from_pubs, to_pubs,"
                    + " screened_count, removed_count, subjects, alerts, delisted, started_at) VALUES ('running', ?, ?, ?, ?,"
                    + " 0, 0, 0, ?)", new String[] {"id"})) {
                ps.setString(1, EntityJson.write(from));
                ps.setString(2, EntityJson.write(to));
                ps.setInt(3, screened);
                ps.setInt(4, removed);
                ps.setObject(5, Jdbc.utc(Jdbc.now()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("from", from);
            d.put("to", to);
            d.put("entities_screened", screened);
            d.put("entities_removed", removed);
            events.add(new AuditLog.Draft(by, "monitoring.start", String.valueOf(id), EntityJson.write(d)));
            return run(c, id);
        });
    }

    /** Records a chunk of subjects screened and moves the run's cursor past it, in the chunk's transaction. */
    void chunkDone(Connection c, long runId, Subject first, Subject last, int subjects, Instant readAt, int alerts)
            throws SQLException {
        int chunkNo = nextChunkNo(c, runId);
        Jdbc.update(c, "INSERT INTO monitoring_chunk (run_id, chunk_no, from_agency, from_subject, to_agency, to_subject,"
                + " subjects, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, chunkNo);
                    ps.setString(3, first.agency());
                    ps.setString(4, first.externalId());
                    ps.setString(5, last.agency());
                    ps.setString(6, last.externalId());
                    ps.setInt(7, subjects);
                    ps.setObject(8, Jdbc.utc(readAt));
                });
        Jdbc.update(c, "UPDATE monitoring_run SET cursor_agency = ?, cursor_subject = ?, subjects = subjects + ?,"
                + " alerts = alerts + ? WHERE id = ?", ps -> {
                    ps.setString(1, last.agency());
                    ps.setString(2, last.externalId());
                    ps.setInt(3, subjects);
                    ps.setInt(4, alerts);
                    ps.setLong(5, runId);
                });
    }

    private static int nextChunkNo(Connection c, long runId) throws SQLException {
        return Jdbc.query(c, "SELECT COALESCE(MAX(chunk_no), 0) + 1 FROM monitoring_chunk WHERE run_id = ?",
                ps -> ps.setLong(1, runId), rs -> rs.getInt(1)).getFirst();
    }

    /** Counts alerts a run raised outside its chunks' commits (a run from memory), in the caller's transaction. */
    int alertsRaised(Connection c, long runId, int alerts) throws SQLException {
        Jdbc.update(c, "UPDATE monitoring_run SET alerts = alerts + ? WHERE id = ?", ps -> {
            ps.setInt(1, alerts);
            ps.setLong(2, runId);
        });
        return alerts;
    }

    /**
     * Records that a run screened every monitored subject as held at {@code at} (a run from memory): one chunk that
     * covers them all, in the caller's transaction.
     */
    void everySubjectDone(Connection c, long runId, int subjects, Instant at) throws SQLException {
        int chunkNo = nextChunkNo(c, runId);
        Jdbc.update(c, "INSERT INTO monitoring_chunk (run_id, chunk_no, from_agency, from_subject, to_agency, to_subject,"
                + " subjects, read_at, every_subject) VALUES (?, ?, '', '', '', '', ?, ?, TRUE)", ps -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, chunkNo);
                    ps.setInt(3, subjects);
                    ps.setObject(4, Jdbc.utc(at));
                });
        Jdbc.update(c, "UPDATE monitoring_run SET subjects = ? WHERE id = ?", ps -> {
            ps.setInt(1, subjects);
            ps.setLong(2, runId);
        });
    }

    /** Ends a run and moves monitoring's state to its publications, in the caller's transaction. */
    void finish(Connection c, List<AuditLog.Draft> events, Run run, int delisted) throws SQLException {
        Jdbc.update(c, "UPDATE monitoring_run SET status = 'completed', delisted = ?, finished_at = ? WHERE id = ?", ps -> {
            ps.setInt(1, delisted);
            ps.setObject(2, Jdbc.utc(Jdbc.now()));
            ps.setLong(3, run.id());
        });
        Jdbc.update(c, "DELETE FROM monitoring_state", ps -> { });
        for (var e : run.to().entrySet()) {
            Jdbc.update(c, "INSERT INTO monitoring_state (source, publication_id) VALUES (?, ?)", ps -> {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
            });
        }
        Run done = run(c, run.id());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("to", run.to());
        d.put("subjects", done.subjects());
        d.put("alerts", done.alerts());
        d.put("delisted", delisted);
        events.add(new AuditLog.Draft(new Actor(Actor.OPERATOR_AGENCY, AlertStore.MONITOR_KEY), "monitoring.complete",
                String.valueOf(run.id()), EntityJson.write(d)));
        for (String agency : WebhookStore.subscribers(c, WebhookStore.Event.MONITORING_COMPLETED)) {
            long raised = Jdbc.query(c, "SELECT COUNT(*) FROM alert WHERE run_id = ? AND agency_id = ?", ps -> {
                ps.setLong(1, run.id());
                ps.setString(2, agency);
            }, rs -> rs.getLong(1)).getFirst();
            Map<String, Object> told = new LinkedHashMap<>();
            told.put("run", run.id());
            told.put("publications", Monitor.listsOf(run.to()));
            told.put("entities_screened", done.screenedEntities());
            told.put("entities_removed", done.removedEntities());
            told.put("alerts_raised", raised);
            WebhookStore.enqueue(c, agency, WebhookStore.Event.MONITORING_COMPLETED, told);
        }
    }

    /** Marks a run failed (it is not resumed; the next catch-up starts a new one from the same state). */
    void fail(long runId, String error) {
        audit.transact((c, events) -> {
            Jdbc.update(c, "UPDATE monitoring_run SET status = 'failed', error = ?, finished_at = ? WHERE id = ?", ps -> {
                ps.setString(1, error.length() > 4000 ? error.substring(0, 4000) : error);
                ps.setObject(2, Jdbc.utc(Jdbc.now()));
                ps.setLong(3, runId);
            });
            events.add(new AuditLog.Draft(new Actor(Actor.OPERATOR_AGENCY, AlertStore.MONITOR_KEY), "monitoring.fail",
                    String.valueOf(runId), EntityJson.write(Map.of("error", error))));
            return null;
        });
    }

    private static Run run(Connection c, long id) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM monitoring_run WHERE id = ?", ps -> ps.setLong(1, id), RunStore::run)
                .getFirst();
    }

    private static final TypeReference<TreeMap<String, Long>> PUBS = new TypeReference<>() { };

    private static Run run(ResultSet rs) throws SQLException {
        try {
            return new Run(rs.getLong(1), rs.getString(2), EntityJson.mapper().readValue(rs.getString(3), PUBS),
                    EntityJson.mapper().readValue(rs.getString(4), PUBS), rs.getInt(5), rs.getInt(6), rs.getString(7),
                    rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getString(12), Jdbc.instant(rs, 13),
                    Jdbc.instant(rs, 14));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
