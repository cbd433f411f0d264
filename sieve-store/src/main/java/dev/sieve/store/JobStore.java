package dev.sieve.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Screening jobs: the submitted file (stored in chunks), the job's progress and each row's result. Results
 * and progress are written together, one transaction per chunk, and a row's result is keyed by its
 * number: a job resumed after a crash continues after its last committed row, never twice, never skipping.
 */
public final class JobStore {
    private static final int INPUT_CHUNK = 500_000;

    /** A job's state. {@code columns} holds the column mapping as "field=header" lines. */
    public record Job(String id, String agency, String keyId, String fileName, String columns, String status,
                      long rowsDone, long rowsTotal, long problems, long alerts, String error, Instant createdAt,
                      Instant updatedAt) {
    }

    /** One row's result as stored (its JSON document). */
    public record Row(long row, String body) {
    }

    private final DataSource dataSource;
    private final AuditLog audit;

    JobStore(DataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** Stores a new job with its file; it starts queued. */
    public Job create(Actor actor, String fileName, String columns, String text, long rowsTotal) {
        String id = "job-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return audit.transact((c, events) -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (id, agency_id, key_id, file_name, column_map, status,"
                    + " rows_done, rows_total, problems, alerts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, 0, 0, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, actor.agency());
                ps.setString(3, actor.keyId());
                ps.setString(4, fileName);
                ps.setString(5, columns);
                ps.setLong(6, rowsTotal);
                ps.setObject(7, utc(now));
                ps.setObject(8, utc(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_input (job_id, chunk_no, body) VALUES (?, ?, ?)")) {
                int n = 0;
                for (int from = 0; from < text.length(); ) {
                    int to = Math.min(text.length(), from + INPUT_CHUNK);
                    ps.setString(1, id);
                    ps.setInt(2, n++);
                    ps.setString(3, text.substring(from, to));
                    ps.addBatch();
                    from = to;
                }
                ps.executeBatch();
            }
            events.add(new AuditLog.Draft(actor, "job.create", id, EntityJson.write(Map.of("file", fileName,
                    "characters", text.length()))));
            return new Job(id, actor.agency(), actor.keyId(), fileName, columns, "queued", 0, rowsTotal, 0, 0, null, now, now);
        });
    }

    public java.util.Optional<Job> job(String id) {
        return SieveStore.query(dataSource, "SELECT id, agency_id, key_id, file_name, column_map, status, rows_done, problems,"
                + " alerts, error, created_at, updated_at, rows_total FROM job WHERE id = ?", ps -> ps.setString(1, id), JobStore::job)
                .stream().findFirst();
    }

    /** Jobs that were queued or running when their server stopped: to be resumed. */
    public List<Job> unfinished() {
        return SieveStore.query(dataSource, "SELECT id, agency_id, key_id, file_name, column_map, status, rows_done, problems,"
                + " alerts, error, created_at, updated_at, rows_total FROM job WHERE status IN ('queued', 'running') ORDER BY created_at",
                ps -> { }, JobStore::job);
    }

    /** The submitted file, whole. */
    public String input(String id) {
        StringBuilder sb = new StringBuilder();
        SieveStore.query(dataSource, "SELECT body FROM job_input WHERE job_id = ? ORDER BY chunk_no", ps -> ps.setString(1, id),
                rs -> sb.append(rs.getString(1)));
        return sb.toString();
    }

    /** Stores a chunk of results and the progress they make, in one transaction. */
    public void saveChunk(String id, List<Row> rows, long rowsDone, long problems, long alerts) {
        audit.transact((c, events) -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_result (job_id, row_no, body) VALUES (?, ?, ?)")) {
                for (Row r : rows) {
                    ps.setString(1, id);
                    ps.setLong(2, r.row());
                    ps.setString(3, r.body());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE job SET status = 'running', rows_done = ?, problems = problems + ?,"
                    + " alerts = alerts + ?, updated_at = ? WHERE id = ?")) {
                ps.setLong(1, rowsDone);
                ps.setLong(2, problems);
                ps.setLong(3, alerts);
                ps.setObject(4, utc(Instant.now()));
                ps.setString(5, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Marks a job done or failed, with its audit event. */
    public void finish(Actor actor, String id, String status, String error) {
        audit.transact((c, events) -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job SET status = ?, error = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setString(2, error == null || error.length() <= 4000 ? error : error.substring(0, 4000));
                ps.setObject(3, utc(Instant.now()));
                ps.setString(4, id);
                ps.executeUpdate();
            }
            Job j = read(c, id);
            events.add(new AuditLog.Draft(actor, "job." + status, id, EntityJson.write(Map.of("rows", j.rowsDone(),
                    "problems", j.problems(), "alerts", j.alerts()))));
            return null;
        });
    }

    /** Results after a row number, in row order. */
    public List<Row> results(String id, long afterRow, int limit) {
        return SieveStore.query(dataSource, "SELECT row_no, body FROM job_result WHERE job_id = ? AND row_no > ? ORDER BY row_no LIMIT ?",
                ps -> {
                    ps.setString(1, id);
                    ps.setLong(2, afterRow);
                    ps.setInt(3, limit);
                }, rs -> new Row(rs.getLong(1), rs.getString(2)));
    }

    private static Job read(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, agency_id, key_id, file_name, column_map, status, rows_done,"
                + " problems, alerts, error, created_at, updated_at, rows_total FROM job WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return job(rs);
            }
        }
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getLong(7), rs.getLong(13), rs.getLong(8), rs.getLong(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getObject(12, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
