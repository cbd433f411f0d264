package dev.sieve.alerts;

import dev.sieve.store.Jdbc;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditLog;
import dev.sieve.store.EntityJson;
import dev.sieve.store.NotFoundException;
import dev.sieve.store.SieveStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The subjects each agency monitors, with every version, and the evidence of their screenings. A subject
 * belongs to its agency alone: every read and change is by (agency, external id).
 */
public final class SubjectStore {
    private static final String COLUMNS = "agency_id, external_id, version, active, body, fingerprint, created_at, updated_at";

    private final SieveStore store;
    private final DataSource ds;
    private final AuditLog audit;

    public SubjectStore(SieveStore store) {
        this.store = store;
        this.ds = store.dataSource();
        this.audit = store.audit();
    }

    /** The stored subject, whether this call created it, and whether it changed it (a new version). */
    public record Stored(Subject subject, boolean created, boolean changed) {
    }

    /**
     * A full screening of a subject (against every list in {@code publications}, as each list's publication id) and
     * the entities it matched, as JSON.
     */
    record FullScreening(String publications, String matches, Instant at) {
    }

    /**
     * Creates or replaces a subject (re-activating a deleted one), in the caller's transaction, with the full screening
     * the new version was given: the version it replaces moves to the history.
     */
    Stored put(Connection c, List<AuditLog.Draft> events, Actor actor, String externalId, SubjectData data,
               FullScreening screening) throws SQLException {
        Subject old = read(c, actor.agency(), externalId).orElse(null);
        String body = data.toJson();
        Instant now = Jdbc.now();
        Subject next = new Subject(actor.agency(), externalId, old == null ? 1 : old.version() + 1, true, data,
                data.fingerprint(), old == null ? now : old.createdAt(), now);
        if (old == null) {
            Row row = new Row(next, body, screening.matches());
            Jdbc.update(c, INSERT_SUBJECT, ps -> bindSubject(ps, row, actor.keyId(), screening.publications(), screening.at()));
        } else {
            replace(c, next, body, old.version(), actor.keyId(), screening);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", next.version());
        detail.put("created", old == null);
        detail.put("fingerprint", next.fingerprint());
        events.add(new AuditLog.Draft(actor, "subject.put", externalId, EntityJson.write(detail)));
        return new Stored(next, old == null, true);
    }

    /**
     * Stores a batch of subjects (a customer file's chunk) with their full screenings, in the caller's transaction, as
     * {@link #put} would one by one, except that a subject given exactly as it is stored keeps its version (a customer
     * file imported every day adds no versions; its screening is kept as evidence all the same). In a few statements:
     * the stored ones read by one prepared look-up, the new rows, evidence and history written in batches, and one
     * audit event naming every subject created or changed. An id given twice in the batch is stored twice, in order.
     *
     * @param matches per subject, in order, the entities its screening matched (JSON)
     * @return per subject, in order, what was stored
     */
    List<Stored> putAll(Connection c, List<AuditLog.Draft> events, Actor actor, List<Monitor.Enrollee> batch,
                        String publications, List<String> matches, Instant at) throws SQLException {
        Map<String, StoredRow> stored = new java.util.HashMap<>();
        List<String> ids = batch.stream().map(Monitor.Enrollee::externalId).distinct().toList();
        // one prepared look-up per id: the primary key finds each (an IN list of many is not always planned on it)
        try (PreparedStatement ps = c.prepareStatement("SELECT version, active, body, fingerprint, created_at FROM subject"
                + " WHERE agency_id = ? AND external_id = ?")) {
            ps.setString(1, actor.agency());
            for (String id : ids) {
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        stored.put(id, new StoredRow(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                                Jdbc.instant(rs, 5), false));
                    }
                }
            }
        }
        Instant now = Jdbc.now();
        List<Stored> out = new ArrayList<>(batch.size());
        Map<String, Row> inserts = new LinkedHashMap<>();
        List<Row> supersededInBatch = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        List<Integer> oldVersions = new ArrayList<>();
        List<Row> unchanged = new ArrayList<>();
        List<Map<String, Object>> told = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Monitor.Enrollee e = batch.get(i);
            String body = e.data().toJson();
            StoredRow old = stored.get(e.externalId());
            if (old != null && old.active() && old.body().equals(body)) {
                // the same body: the same fingerprint, as stored
                Subject same = new Subject(actor.agency(), e.externalId(), old.version(), true, e.data(), old.fingerprint(),
                        old.createdAt(), now);
                unchanged.add(new Row(same, body, matches.get(i)));
                out.add(new Stored(same, false, false));
                continue;
            }
            Subject next = new Subject(actor.agency(), e.externalId(), old == null ? 1 : old.version() + 1, true, e.data(),
                    e.data().fingerprint(), old == null ? now : old.createdAt(), now);
            Row row = new Row(next, body, matches.get(i));
            if (old == null || old.pending()) {
                // new, or written earlier in this batch and not yet in the table: that form goes straight to the history
                Row earlier = inserts.remove(e.externalId());
                if (earlier != null) supersededInBatch.add(earlier);
                inserts.put(e.externalId(), row);
            } else {
                updates.add(row);
                oldVersions.add(old.version());
            }
            stored.put(e.externalId(), new StoredRow(next.version(), true, body, next.fingerprint(), next.createdAt(),
                    old == null || old.pending()));
            out.add(new Stored(next, old == null, true));
            told.add(Map.of("id", e.externalId(), "version", next.version()));
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_SUBJECT)) {
            for (Row r : inserts.values()) {
                bindSubject(ps, r, actor.keyId(), publications, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!supersededInBatch.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_VERSION)) {
                for (Row r : supersededInBatch) {
                    bindVersion(ps, r, actor.keyId(), publications, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        // a changed subject was read in this transaction; one changed meanwhile by another writer fails the batch. In
        // order: an id changed twice in the batch moves its first change to the history before the second is written
        for (int i = 0; i < updates.size(); i++) {
            Row r = updates.get(i);
            replace(c, r.subject(), r.body(), oldVersions.get(i), actor.keyId(), new FullScreening(publications, r.matches(), at));
        }
        if (!unchanged.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_SCREENING)) {
                for (Row r : unchanged) {
                    bindScreening(ps, r.subject(), new FullScreening(publications, r.matches(), at));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!told.isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("subjects", batch.size());
            detail.put("created_or_changed", told);
            events.add(new AuditLog.Draft(actor, "subject.enrol", null, EntityJson.write(detail)));
        }
        return out;
    }

    /** A subject as stored, its body unparsed; pending: written earlier in the batch being stored. */
    private record StoredRow(int version, boolean active, String body, String fingerprint, Instant createdAt, boolean pending) {
    }

    /** A subject to write, with its body serialised once and what its screening matched (JSON; null: not screened). */
    private record Row(Subject subject, String body, String matches) {
    }

    /**
     * Counts a committed change of subjects, in its transaction (last, so the count's row is locked only while the
     * transaction commits): the epoch it makes (see {@link SubjectCache}).
     */
    long bumpEpoch(Connection c) throws SQLException {
        Jdbc.update(c, "UPDATE subject_epoch SET n = n + 1 WHERE id = 1", ps -> { });
        return epoch(c);
    }

    /** The fingerprint of one version of a subject, in the caller's transaction. */
    String fingerprint(Connection c, String agency, String externalId, int version) throws SQLException {
        return Jdbc.query(c, "SELECT fingerprint FROM subject WHERE agency_id = ? AND external_id = ? AND version = ? UNION ALL"
                + " SELECT fingerprint FROM subject_version WHERE agency_id = ? AND external_id = ? AND version = ?", ps -> {
                    for (int at = 0; at <= 3; at += 3) {
                        ps.setString(at + 1, agency);
                        ps.setString(at + 2, externalId);
                        ps.setInt(at + 3, version);
                    }
                }, rs -> rs.getString(1)).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("subject " + externalId + " has no version " + version));
    }

    /** How many changes of subjects have been committed. */
    long epoch() {
        return Jdbc.query(ds, EPOCH, ps -> { }, rs -> rs.getLong(1)).getFirst();
    }

    private static long epoch(Connection c) throws SQLException {
        return Jdbc.query(c, EPOCH, ps -> { }, rs -> rs.getLong(1)).getFirst();
    }

    private static final String EPOCH = "SELECT n FROM subject_epoch WHERE id = 1";

    /** Told of subjects this store changed in a transaction of its own, once it has committed, with its epoch. */
    private volatile java.util.function.BiConsumer<Long, List<Subject>> committed = (epoch, changed) -> { };

    void onCommitted(java.util.function.BiConsumer<Long, List<Subject>> listener) {
        this.committed = listener;
    }

    /** Stops monitoring a subject; it stays, with its history and alerts. */
    public Subject delete(Actor actor, String externalId) {
        record Deleted(Subject subject, long epoch) {
        }
        Deleted done = audit.transact((c, events) -> {
            Subject old = read(c, actor.agency(), externalId).filter(Subject::active)
                    .orElseThrow(() -> new NotFoundException("no monitored subject '" + externalId + "'"));
            Subject next = new Subject(old.agency(), externalId, old.version() + 1, false, old.data(), old.fingerprint(),
                    old.createdAt(), Jdbc.now());
            replace(c, next, old.data().toJson(), old.version(), actor.keyId(), null);
            events.add(new AuditLog.Draft(actor, "subject.delete", externalId, EntityJson.write(Map.of("version", next.version()))));
            return new Deleted(next, bumpEpoch(c));
        });
        committed.accept(done.epoch(), List.of(done.subject()));
        return done.subject();
    }

    /** A subject of this agency, monitored or not (deleted ones keep their history), or empty. */
    public Optional<Subject> subject(String agency, String externalId) {
        try (Connection c = ds.getConnection()) {
            return read(c, agency, externalId);
        } catch (SQLException e) {
            throw new dev.sieve.store.StoreException("cannot read subject " + externalId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Monitored subjects of every agency after (agency, id) in key order (null for the first), at most {@code limit}.
     * Read agency by agency, each a range of the primary key (a condition across agencies is not planned on it).
     */
    public List<Subject> active(String afterAgency, String afterId, int limit) {
        List<Subject> out = new ArrayList<>();
        String agency = afterAgency == null ? nextAgency(null) : afterAgency;
        String after = afterAgency == null ? "" : afterId;
        while (agency != null && out.size() < limit) {
            out.addAll(monitored(agency, after, limit - out.size()));
            if (out.size() < limit) {
                agency = nextAgency(agency);
                after = "";
            }
        }
        return out;
    }

    /** The first agency after this one (null: the first) with subjects, or null. */
    private String nextAgency(String after) {
        return Jdbc.query(ds, "SELECT MIN(agency_id) FROM subject WHERE agency_id > ?", ps -> ps.setString(1, after == null ? "" : after),
                rs -> rs.getString(1)).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** An agency's monitored subjects after {@code afterId} in id order (null for the first), at most {@code limit}. */
    public List<Subject> monitored(String agency, String afterId, int limit) {
        return Jdbc.query(ds, "SELECT " + COLUMNS + " FROM subject WHERE agency_id = ? AND active = TRUE AND external_id > ?"
                + " ORDER BY agency_id, external_id LIMIT ?", ps -> { // the key's own order: H2 then reads the range, not all
                    ps.setString(1, agency);
                    ps.setString(2, afterId == null ? "" : afterId);
                    ps.setInt(3, limit);
                }, SubjectStore::subject);
    }

    /** How many subjects are monitored (all agencies). */
    public long activeCount() {
        return Jdbc.query(ds, "SELECT COUNT(*) FROM subject WHERE active = TRUE", ps -> { }, rs -> rs.getLong(1)).getFirst();
    }

    /**
     * One screening of a subject: in full ({@code full}, against every list in {@code publications}) or by a
     * monitoring run (against what changed up to {@code publications}).
     *
     * @param publications the publications as JSON
     * @param entities the listed entities it alerted on (a run: the alerts it raised)
     */
    public record Screening(String kind, Long runId, int subjectVersion, String publications, List<String> entities,
                            Instant at) {
    }

    /**
     * Every screening of a subject, oldest first: full ones (each version's own, kept with it, and those of a subject
     * given again unchanged) and the monitoring runs whose chunks covered it.
     */
    public List<Screening> screenings(String agency, String externalId) {
        List<Screening> out = new ArrayList<>(Jdbc.query(ds, "SELECT version, publications, matches, screened_at FROM"
                + " subject_screening WHERE agency_id = ? AND external_id = ? UNION ALL SELECT version, screened_publications,"
                + " screened_matches, screened_at FROM subject_version WHERE agency_id = ? AND external_id = ? AND screened_at IS"
                + " NOT NULL UNION ALL SELECT version, screened_publications, screened_matches, screened_at FROM subject WHERE"
                + " agency_id = ? AND external_id = ? AND screened_at IS NOT NULL ORDER BY 4, 1", ps -> {
                    for (int at = 0; at <= 4; at += 2) {
                        ps.setString(at + 1, agency);
                        ps.setString(at + 2, externalId);
                    }
                }, rs -> new Screening("full", null, rs.getInt(1), rs.getString(2), entityIds(rs.getString(3)), Jdbc.instant(rs, 4))));
        List<Subject> versions = history(agency, externalId);
        record Covered(long run, String publications, Instant at) {
        }
        List<Covered> covered = Jdbc.query(ds, "SELECT k.run_id, r.to_pubs, k.read_at FROM monitoring_chunk k JOIN"
                + " monitoring_run r ON r.id = k.run_id WHERE k.every_subject = TRUE OR (k.from_agency < ? OR (k.from_agency = ?"
                + " AND k.from_subject <= ?)) AND (k.to_agency > ? OR (k.to_agency = ? AND k.to_subject >= ?)) ORDER BY k.run_id", ps -> {
                    ps.setString(1, agency);
                    ps.setString(2, agency);
                    ps.setString(3, externalId);
                    ps.setString(4, agency);
                    ps.setString(5, agency);
                    ps.setString(6, externalId);
                }, rs -> new Covered(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, 3)));
        Map<Long, List<String>> raisedByRun = new java.util.HashMap<>();
        Jdbc.query(ds, "SELECT run_id, entity_id FROM alert WHERE agency_id = ? AND subject_id = ? AND run_id IS NOT NULL"
                + " ORDER BY entity_id", ps -> {
                    ps.setString(1, agency);
                    ps.setString(2, externalId);
                }, rs -> raisedByRun.computeIfAbsent(rs.getLong(1), r -> new ArrayList<>()).add(rs.getString(2)));
        for (Covered k : covered) {
            // the chunk read the subjects monitored at its instant: this one, if its version then was active
            Subject then = null;
            for (Subject v : versions) if (!v.updatedAt().isAfter(k.at())) then = v;
            if (then == null || !then.active()) continue;
            out.add(new Screening("monitoring", k.run(), then.version(), k.publications(),
                    raisedByRun.getOrDefault(k.run(), List.of()), k.at()));
        }
        out.sort(java.util.Comparator.comparing(Screening::at));
        Map<Long, Object> known = new java.util.HashMap<>();
        return out.stream().map(sc -> new Screening(sc.kind(), sc.runId(), sc.subjectVersion(), expand(sc.publications(), known),
                sc.entities(), sc.at())).toList();
    }

    /**
     * The publications of a screening's evidence as people read them (id, source, date), from the compact form the
     * evidence keeps (each list's publication id; a run's also its databank entries, left out here).
     */
    private String expand(String evidence, Map<Long, Object> known) {
        com.fasterxml.jackson.databind.JsonNode n;
        try {
            n = EntityJson.mapper().readTree(evidence);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!n.isObject()) return evidence; // written out in full already
        List<Object> out = new ArrayList<>();
        n.properties().forEach(e -> {
            if (e.getKey().startsWith(Monitor.DATABANK_KEY)) return;
            long id = e.getValue().asLong();
            out.add(known.computeIfAbsent(id, k -> store.publication(k).<Object>map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id());
                m.put("source", p.source());
                m.put("published_at", p.publishedAt() == null ? null : p.publishedAt().toString());
                return m;
            }).orElse(Map.of("id", k, "source", e.getKey()))));
        });
        return EntityJson.write(out);
    }

    /** Every version of a subject, oldest first: those it superseded, then the current one. */
    public List<Subject> history(String agency, String externalId) {
        return Jdbc.query(ds, "SELECT v.agency_id, v.external_id, v.version, v.active, v.body, v.fingerprint, s.created_at,"
                + " v.changed_at FROM subject_version v JOIN subject s ON s.agency_id = v.agency_id AND s.external_id ="
                + " v.external_id WHERE v.agency_id = ? AND v.external_id = ? UNION ALL SELECT " + COLUMNS + " FROM subject"
                + " WHERE agency_id = ? AND external_id = ? ORDER BY 3", ps -> {
                    for (int at = 0; at <= 2; at += 2) {
                        ps.setString(at + 1, agency);
                        ps.setString(at + 2, externalId);
                    }
                }, SubjectStore::subject);
    }

    private static List<String> entityIds(String matchesJson) {
        List<String> ids = new ArrayList<>();
        try {
            EntityJson.mapper().readTree(matchesJson).forEach(m -> ids.add(m.path("id").asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    static Optional<Subject> read(Connection c, String agency, String externalId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM subject WHERE agency_id = ? AND external_id = ?", ps -> {
            ps.setString(1, agency);
            ps.setString(2, externalId);
        }, SubjectStore::subject).stream().findFirst();
    }

    /**
     * Writes the next version of a stored subject over the current one, which moves to the history first. The
     * current one must still be {@code oldVersion}: a subject changed meanwhile by another writer is a conflict.
     *
     * @param screening the full screening the new version was given, or null (a deleted subject is not screened)
     */
    private static void replace(Connection c, Subject s, String body, int oldVersion, String keyId, FullScreening screening)
            throws SQLException {
        int moved = Jdbc.update(c, "INSERT INTO subject_version (agency_id, external_id, version, active, fingerprint, body,"
                + " changed_by, changed_at, screened_publications, screened_matches, screened_at) SELECT agency_id, external_id,"
                + " version, active, fingerprint, body, changed_by, updated_at, screened_publications, screened_matches,"
                + " screened_at FROM subject WHERE agency_id = ? AND external_id = ? AND version = ?", ps -> {
                    ps.setString(1, s.agency());
                    ps.setString(2, s.externalId());
                    ps.setInt(3, oldVersion);
                });
        int n = moved != 1 ? 0 : Jdbc.update(c, "UPDATE subject SET version = ?, active = ?, fingerprint = ?, body = ?,"
                + " updated_at = ?, changed_by = ?, screened_publications = ?, screened_matches = ?, screened_at = ?"
                + " WHERE agency_id = ? AND external_id = ? AND version = ?", ps -> {
                    ps.setInt(1, s.version());
                    ps.setBoolean(2, s.active());
                    ps.setString(3, s.fingerprint());
                    ps.setString(4, body);
                    ps.setObject(5, Jdbc.utc(s.updatedAt()));
                    ps.setString(6, keyId);
                    ps.setString(7, screening == null ? null : screening.publications());
                    ps.setString(8, screening == null ? null : screening.matches());
                    if (screening == null) ps.setNull(9, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    else ps.setObject(9, Jdbc.utc(screening.at()));
                    ps.setString(10, s.agency());
                    ps.setString(11, s.externalId());
                    ps.setInt(12, oldVersion);
                });
        if (n != 1) throw new dev.sieve.store.ConflictException("subject " + s.externalId() + " was changed concurrently; try again");
    }

    private static final String INSERT_SUBJECT = "INSERT INTO subject (agency_id, external_id, version, active, fingerprint,"
            + " body, created_at, updated_at, changed_by, screened_publications, screened_matches, screened_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_VERSION = "INSERT INTO subject_version (agency_id, external_id, version, active,"
            + " fingerprint, body, changed_at, changed_by, screened_publications, screened_matches, screened_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SCREENING = "INSERT INTO subject_screening (agency_id, external_id, version,"
            + " publications, matches, screened_at) VALUES (?, ?, ?, ?, ?, ?)";

    /** The parameters of {@link #INSERT_SUBJECT}: a new subject with the screening it was given. */
    private static void bindSubject(PreparedStatement ps, Row r, String keyId, String publications, Instant at) throws SQLException {
        bindCommon(ps, r.subject(), r.body());
        ps.setObject(7, Jdbc.utc(r.subject().createdAt()));
        bindRest(ps, 8, r, keyId, publications, at);
    }

    /** The parameters of {@link #INSERT_VERSION}: a version superseded in the batch that wrote it. */
    private static void bindVersion(PreparedStatement ps, Row r, String keyId, String publications, Instant at) throws SQLException {
        bindCommon(ps, r.subject(), r.body());
        bindRest(ps, 7, r, keyId, publications, at);
    }

    /** The three leading columns every subject table shares: agency, external id and version. */
    private static void bindKey(PreparedStatement ps, Subject s) throws SQLException {
        ps.setString(1, s.agency());
        ps.setString(2, s.externalId());
        ps.setInt(3, s.version());
    }

    /** The six leading columns both tables of versions share, in the same order. */
    private static void bindCommon(PreparedStatement ps, Subject s, String body) throws SQLException {
        bindKey(ps, s);
        ps.setBoolean(4, s.active());
        ps.setString(5, s.fingerprint());
        ps.setString(6, body);
    }

    /** The last five from {@code first}: when the version was written, by whom, and its screening. */
    private static void bindRest(PreparedStatement ps, int first, Row r, String keyId, String publications, Instant at)
            throws SQLException {
        ps.setObject(first, Jdbc.utc(r.subject().updatedAt()));
        ps.setString(first + 1, keyId);
        ps.setString(first + 2, publications);
        ps.setString(first + 3, r.matches());
        ps.setObject(first + 4, Jdbc.utc(at));
    }

    /** The parameters of {@link #INSERT_SCREENING}: a full screening of a subject's stored version. */
    private static void bindScreening(PreparedStatement ps, Subject s, FullScreening screening) throws SQLException {
        bindKey(ps, s);
        ps.setString(4, screening.publications());
        ps.setString(5, screening.matches());
        ps.setObject(6, Jdbc.utc(screening.at()));
    }

    private static Subject subject(ResultSet rs) throws SQLException {
        return new Subject(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), SubjectData.fromJson(rs.getString(5)),
                rs.getString(6), Jdbc.instant(rs, 7), Jdbc.instant(rs, 8));
    }
}
