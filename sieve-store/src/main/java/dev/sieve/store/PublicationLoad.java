package dev.sieve.store;

import dev.sieve.model.Entity;
import dev.sieve.model.Publication;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One load: a single database transaction holding one or more new publications. Nothing is visible to
 * anyone else until {@link #commit()}; closing without commit (an error, a crash, a kill) leaves the
 * databank exactly as it was.
 */
public final class PublicationLoad implements AutoCloseable {
    private static final int BATCH = 1000;

    private final Connection connection;
    private final AuditLog audit;
    private final Actor actor;
    private final List<Publication> finished = new ArrayList<>();
    private final Map<String, Set<String>> knownVersions = new HashMap<>();
    private boolean committed;
    private Open open;

    PublicationLoad(Connection connection, AuditLog audit, Actor actor) {
        this.connection = connection;
        this.audit = audit;
        this.actor = actor;
    }

    private final class Open {
        final long id;
        final String source;
        final Set<String> versions;
        final Set<String> ids = new HashSet<>();
        final PreparedStatement insertVersion;
        final PreparedStatement insertMember;
        int pendingVersions;
        int pendingMembers;
        int count;

        Open(long id, String source) throws SQLException {
            this.id = id;
            this.source = source;
            this.versions = knownVersions(source);
            insertVersion = connection.prepareStatement("INSERT INTO entity_version"
                    + " (source, entity_id, content_hash, schema_name, caption, body) VALUES (?, ?, ?, ?, ?, ?)");
            insertMember = connection.prepareStatement(
                    "INSERT INTO publication_entity (publication_id, entity_id, content_hash) VALUES (?, ?, ?)");
        }
    }

    /** The publication of this source with these exact bytes, if one was loaded before. */
    public Optional<Publication> existing(String source, String sha256) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + SieveStore.PUBLICATION_COLUMNS
                + " FROM publication WHERE source = ? AND sha256 = ?")) {
            ps.setString(1, source);
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SieveStore.publication(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail("cannot look up publication", e);
        }
    }

    /**
     * Starts a publication; entities follow through {@link #add}, then {@link #finish}.
     *
     * @param publishedAt the publication's date: found in the file, given by the user or by the download.
     *                    Never guessed: publications are ordered by it, so a load time standing in for it
     *                    would let an older list become the current one
     * @param dateSource how {@code publishedAt} was obtained ({@link Publication#DATE_IN_FILE}...)
     */
    public void start(String source, String format, Instant publishedAt, String dateSource, String sha256,
                      String origin) {
        if (open != null) throw new IllegalStateException("publication " + open.id + " is still open");
        java.util.Objects.requireNonNull(publishedAt, "publishedAt");
        java.util.Objects.requireNonNull(dateSource, "dateSource");
        Instant loaded = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO publication (source, format,"
                + " published_at, effective_at, sha256, loaded_at, record_count, rejected_count, origin, date_source)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)", new String[] {"id"})) {
            ps.setString(1, source);
            ps.setString(2, format);
            ps.setObject(3, utc(publishedAt));
            ps.setObject(4, utc(publishedAt));
            ps.setString(5, sha256);
            ps.setObject(6, utc(loaded));
            ps.setString(7, origin == null || origin.length() <= 2000 ? origin : origin.substring(0, 2000));
            ps.setString(8, dateSource);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                open = new Open(keys.getLong(1), source);
            }
        } catch (SQLException e) {
            throw fail("cannot start publication of " + source, e);
        }
    }

    /** Adds one entity to the open publication. An id the publication already has is an error. */
    public void add(Entity entity) {
        if (open == null) throw new IllegalStateException("no open publication");
        if (!open.ids.add(entity.id())) {
            throw new IllegalArgumentException("entity " + entity.id() + " appears twice in one publication");
        }
        String body = EntityJson.write(entity);
        String hash = sha256(body);
        try {
            if (open.versions.add(entity.id() + '\u0000' + hash)) {
                PreparedStatement v = open.insertVersion;
                v.setString(1, open.source);
                v.setString(2, entity.id());
                v.setString(3, hash);
                v.setString(4, entity.schema().label());
                String caption = entity.primaryName().value();
                v.setString(5, caption.length() <= 2000 ? caption : caption.substring(0, 2000));
                v.setString(6, body);
                v.addBatch();
                if (++open.pendingVersions == BATCH) flushVersions();
            }
            PreparedStatement m = open.insertMember;
            m.setLong(1, open.id);
            m.setString(2, entity.id());
            m.setString(3, hash);
            m.addBatch();
            if (++open.pendingMembers == BATCH) flushMembers();
            open.count++;
        } catch (SQLException e) {
            throw fail("cannot store entity " + entity.id(), e);
        }
    }

    /** Closes the open publication with its counts (still uncommitted) and returns it. */
    public Publication finish(int rejectedCount) {
        if (open == null) throw new IllegalStateException("no open publication");
        try {
            flushVersions();
            flushMembers();
            open.insertVersion.close();
            open.insertMember.close();
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE publication SET record_count = ?, rejected_count = ? WHERE id = ?")) {
                ps.setInt(1, open.count);
                ps.setInt(2, rejectedCount);
                ps.setLong(3, open.id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT " + SieveStore.PUBLICATION_COLUMNS + " FROM publication WHERE id = ?")) {
                ps.setLong(1, open.id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Publication p = SieveStore.publication(rs);
                    finished.add(p);
                    return p;
                }
            }
        } catch (SQLException e) {
            throw fail("cannot finish publication " + open.id, e);
        } finally {
            open = null;
        }
    }

    public void commit() {
        if (open != null) throw new IllegalStateException("publication " + open.id + " was not finished");
        try {
            List<AuditLog.Draft> events = new ArrayList<>();
            for (Publication p : finished) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("publication", p.id());
                detail.put("source", p.source());
                detail.put("format", p.format());
                detail.put("sha256", p.sha256());
                detail.put("published_at", p.publishedAt().toString());
                detail.put("date_source", p.dateSource());
                detail.put("records", p.recordCount());
                detail.put("rejected", p.rejectedCount());
                if (p.origin() != null) detail.put("origin", p.origin());
                events.add(new AuditLog.Draft(actor, "list.load", p.source(), EntityJson.write(detail)));
            }
            audit.commitWith(connection, events);
            committed = true;
        } catch (SQLException e) {
            throw fail("cannot commit the load", e);
        }
    }

    /** Rolls back whatever was not committed. */
    @Override
    public void close() {
        try {
            if (!committed) connection.rollback();
        } catch (SQLException ignored) {
            // the connection is going away; an uncommitted transaction dies with it
        } finally {
            try {
                connection.setAutoCommit(true);
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }

    private Set<String> knownVersions(String source) throws SQLException {
        Set<String> known = knownVersions.get(source);
        if (known != null) return known;
        known = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT entity_id, content_hash FROM entity_version WHERE source = ?")) {
            ps.setString(1, source);
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) known.add(rs.getString(1) + '\u0000' + rs.getString(2));
            }
        }
        knownVersions.put(source, known);
        return known;
    }

    private void flushVersions() throws SQLException {
        if (open.pendingVersions > 0) {
            open.insertVersion.executeBatch();
            open.pendingVersions = 0;
        }
    }

    private void flushMembers() throws SQLException {
        if (open.pendingMembers > 0) {
            open.insertMember.executeBatch();
            open.pendingMembers = 0;
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private StoreException fail(String what, SQLException e) {
        return new StoreException(what + ": " + e.getMessage(), e);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
