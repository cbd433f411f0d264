package dev.sieve.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sieve.model.Entity;
import dev.sieve.model.Publication;
import dev.sieve.model.StoredEntity;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The durable databank: publications of every list, the versions of every entity and which
 * publication listed which version. Plain JDBC on H2 (embedded default) or PostgreSQL; the schema is
 * managed by Flyway and kept portable between the two.
 */
public final class SieveStore implements AutoCloseable {
    static final String PUBLICATION_COLUMNS =
            "id, source, format, published_at, effective_at, sha256, loaded_at, record_count, rejected_count, origin,"
                    + " date_source";

    private final HikariDataSource dataSource;
    private final AuditLog audit;
    private final Agencies agencies;
    private final DatabankStore databank;
    private final SightingStore sightings;
    private final JobStore jobs;

    private SieveStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.audit = new AuditLog(dataSource, dataSource.getJdbcUrl().startsWith("jdbc:h2:"));
        this.agencies = new Agencies(dataSource, audit);
        this.databank = new DatabankStore(dataSource, audit);
        this.sightings = new SightingStore(dataSource, audit);
        this.jobs = new JobStore(dataSource, audit);
    }

    /** Asynchronous screening jobs over customer files. */
    public JobStore jobs() {
        return jobs;
    }

    /** Confirmed sightings of listed persons (movements). */
    public SightingStore sightings() {
        return sightings;
    }

    /**
     * Writes a consistent copy of the embedded databank to {@code zip} while it stays in use (H2's online
     * {@code BACKUP}); restoring is unzipping it into an empty data folder. PostgreSQL has its own tools.
     *
     * @throws StoreException on PostgreSQL (use pg_dump), or when the copy cannot be written
     */
    public void backupTo(java.nio.file.Path zip) {
        if (!dataSource.getJdbcUrl().startsWith("jdbc:h2:")) {
            throw new StoreException("backups of a PostgreSQL databank are made with PostgreSQL's tools (pg_dump or"
                    + " base backups); see docs/OPERATIONS.md");
        }
        // the copy holds at least the events up to here; the seal's checkpoints beyond it stay out of the copy
        long headBefore = audit.head().seq();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
            ps.setString(1, zip.toAbsolutePath().toString());
            ps.execute();
        } catch (SQLException e) {
            throw new StoreException("backup to " + zip + " failed: " + e.getMessage(), e);
        }
        // the copy holds the data and the password that opens it: its owner's alone, like the folder
        try {
            var view = java.nio.file.Files.getFileAttributeView(zip, java.nio.file.attribute.PosixFileAttributeView.class);
            if (view != null) view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            java.nio.file.Path folder = StoreConfig.jdbc(dataSource.getJdbcUrl()).embeddedFolder();
            if (folder != null) {
                // with the password and the audit trail's seal, a restored copy opens and verifies as the original
                try (java.nio.file.FileSystem z = java.nio.file.FileSystems.newFileSystem(zip)) {
                    for (String name : List.of(EmbeddedDatabank.PASSWORD_FILE, AuditSeal.KEY_FILE)) {
                        java.nio.file.Path f = folder.resolve(name);
                        if (java.nio.file.Files.exists(f)) java.nio.file.Files.copy(f, z.getPath(name));
                    }
                    if (java.nio.file.Files.exists(folder.resolve(AuditSeal.LOG_FILE))) {
                        AuditSeal.in(folder).copyUpTo(headBefore, z.getPath(AuditSeal.LOG_FILE));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new StoreException("backup to " + zip + " is incomplete: " + e.getMessage(), e);
        }
    }

    /**
     * The connection pool, for the stores of other modules that keep their tables in this schema (alerts
     * and monitoring) and commit their changes with {@link AuditLog#transact} like the stores here.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The hash-chained audit trail. */
    public AuditLog audit() {
        return audit;
    }

    private volatile AuditSeal seal;

    /**
     * Seals the audit trail with checkpoints kept in {@code folder}, outside the database ({@link AuditSeal});
     * a checkpoint is written now and when this store closes.
     */
    public SieveStore sealIn(java.nio.file.Path folder) {
        seal = AuditSeal.in(folder);
        seal.checkpoint(audit);
        return this;
    }

    /** The seal of the audit trail, or null when none was set. */
    public AuditSeal seal() {
        return seal;
    }

    /** Member agencies and their API keys. */
    public Agencies agencies() {
        return agencies;
    }

    /** The entries member agencies contribute. */
    public DatabankStore databank() {
        return databank;
    }

    /** Opens (creating if needed) the databank and brings its schema up to date. */
    public static SieveStore open(StoreConfig config) {
        if (config.isH2() && System.getProperty("h2.bindAddress") == null) {
            // AUTO_SERVER's port for other local processes: loopback only, never every interface
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        // one connection first: a wrong password or an unreachable server is said at once, where the pool
        // would keep retrying for its 30 s connection timeout
        try (Connection probe = java.sql.DriverManager.getConnection(config.jdbcUrl(),
                config.user() == null ? null : config.user(), config.password())) {
            probe.isValid(5);
        } catch (SQLException e) {
            throw new StoreException("cannot open the databank at " + redact(config.jdbcUrl()) + ": " + rootMessage(e), e);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) hc.setUsername(config.user());
        if (config.password() != null) hc.setPassword(config.password());
        hc.setMaximumPoolSize(config.isH2() ? 4 : 10);
        hc.setPoolName("sieve");
        hc.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            try (Connection c = ds.getConnection()) {
                c.isValid(5);
            }
            // a few steps differ between H2 and PostgreSQL: each has its own folder beside the common one
            Flyway.configure().dataSource(ds).locations("classpath:db/migration",
                    "classpath:db/vendor/" + (config.isH2() ? "h2" : "postgresql")).load().migrate();
            // H2 creates its files with the process's umask: make them the owner's alone
            if (config.embeddedFolder() != null) EmbeddedDatabank.restrictFiles(config.embeddedFolder());
        } catch (SQLException | RuntimeException e) {
            ds.close();
            throw new StoreException("cannot open the databank at " + redact(config.jdbcUrl()) + ": "
                    + rootMessage(e), e);
        }
        return new SieveStore(ds);
    }

    /** Starts a load by the operator's command line. */
    public PublicationLoad beginLoad() {
        return beginLoad(Actor.cli());
    }

    /**
     * Starts a load: one transaction in which one or more publications are written, all or nothing, with
     * one audit event per publication naming the actor.
     */
    public PublicationLoad beginLoad(Actor actor) {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            return new PublicationLoad(c, audit, actor);
        } catch (SQLException e) {
            throw new StoreException("cannot start a load: " + e.getMessage(), e);
        }
    }

    /** All publications, or those of one source, oldest first. */
    public List<Publication> publications(String source) {
        String sql = "SELECT " + PUBLICATION_COLUMNS + " FROM publication"
                + (source == null ? "" : " WHERE source = ?") + " ORDER BY source, effective_at, id";
        return query(sql, ps -> {
            if (source != null) ps.setString(1, source);
        }, SieveStore::publication);
    }

    /** Every publication grouped by source (sources in name order), each source's oldest first and newest last. */
    public java.util.Map<String, List<Publication>> publicationsBySource() {
        java.util.Map<String, List<Publication>> out = new java.util.LinkedHashMap<>();
        for (Publication p : publications(null)) out.computeIfAbsent(p.source(), k -> new java.util.ArrayList<>()).add(p);
        return out;
    }

    public Optional<Publication> publication(long id) {
        return query("SELECT " + PUBLICATION_COLUMNS + " FROM publication WHERE id = ?", ps -> ps.setLong(1, id),
                SieveStore::publication).stream().findFirst();
    }

    /** The sources that have at least one publication. */
    public List<String> sources() {
        return query("SELECT DISTINCT source FROM publication ORDER BY source", ps -> { }, rs -> rs.getString(1));
    }

    /** The publication of a source in force at an instant: the latest whose effective date is not after it. */
    public Optional<Publication> publicationAsOf(String source, Instant at) {
        return query("SELECT " + PUBLICATION_COLUMNS + " FROM publication WHERE source = ? AND effective_at <= ?"
                        + " ORDER BY effective_at DESC, id DESC LIMIT 1",
                ps -> {
                    ps.setString(1, source);
                    ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                }, SieveStore::publication).stream().findFirst();
    }

    public Optional<Publication> latestPublication(String source) {
        return publicationAsOf(source, Instant.parse("9999-12-31T00:00:00Z"));
    }

    /** Streams the entities one publication listed, in id order. */
    public void entitiesOf(long publicationId, Consumer<Entity> sink) {
        String sql = "SELECT v.body FROM publication_entity pe JOIN publication p ON p.id = pe.publication_id"
                + " JOIN entity_version v ON v.source = p.source AND v.entity_id = pe.entity_id"
                + " AND v.content_hash = pe.content_hash WHERE pe.publication_id = ? ORDER BY pe.entity_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, publicationId);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) sink.accept(EntityJson.readEntity(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read publication " + publicationId + ": " + e.getMessage(), e);
        }
    }

    public int countOf(long publicationId) {
        return query("SELECT COUNT(*) FROM publication_entity WHERE publication_id = ?", ps -> ps.setLong(1, publicationId),
                rs -> rs.getInt(1)).getFirst();
    }

    /**
     * An entity with its history: the version its source's latest listing of it holds, when it was
     * first and last seen, and whether the latest publication of its source has delisted it.
     * When several sources carry the id, a source that still lists it wins.
     */
    public Optional<StoredEntity> entity(String id) {
        record Seen(Publication pub, String hash) {
        }
        List<Seen> seen = query("SELECT " + prefixed("p") + ", pe.content_hash FROM publication_entity pe"
                        + " JOIN publication p ON p.id = pe.publication_id WHERE pe.entity_id = ?"
                        + " ORDER BY p.effective_at, p.id", ps -> ps.setString(1, id),
                rs -> new Seen(publication(rs), rs.getString(12)));
        if (seen.isEmpty()) return Optional.empty();
        Map<String, List<Seen>> bySource = new LinkedHashMap<>();
        for (Seen s : seen) bySource.computeIfAbsent(s.pub().source(), k -> new ArrayList<>()).add(s);
        StoredEntity best = null;
        for (var e : bySource.entrySet()) {
            List<Seen> list = e.getValue();
            Seen last = list.getLast();
            Publication latest = latestPublication(e.getKey()).orElseThrow();
            boolean delisted = latest.id() != last.pub().id();
            Entity entity = version(e.getKey(), id, last.hash());
            StoredEntity candidate = new StoredEntity(entity, last.pub(), list.getFirst().pub(), last.pub(), delisted);
            if (best == null || best.delisted() && !delisted) best = candidate;
        }
        return Optional.of(best);
    }

    /**
     * One step of an entity's history in one source: listed (first seen), amended (its record changed: the fields that
     * did), delisted (a publication no longer carries it) or relisted, with the publication where it happened.
     */
    public record TimelineEvent(String kind, Publication publication, List<EntityDiff.FieldChange> changes) {
    }

    /**
     * An entity's history across every publication of each source that ever carried it, oldest first; publications
     * that left it unchanged are not events. Empty when no publication carried the id.
     */
    public List<TimelineEvent> timeline(String id) {
        record Row(Publication pub, String hash) {
        }
        List<String> sources = query("SELECT DISTINCT p.source FROM publication_entity pe JOIN publication p"
                + " ON p.id = pe.publication_id WHERE pe.entity_id = ? ORDER BY p.source", ps -> ps.setString(1, id), rs -> rs.getString(1));
        List<TimelineEvent> out = new ArrayList<>();
        for (String source : sources) {
            // every publication of the source, with this entity's version in it (null: not carried)
            List<Row> rows = query("SELECT " + prefixed("p") + ", pe.content_hash FROM publication p LEFT JOIN publication_entity pe"
                    + " ON pe.publication_id = p.id AND pe.entity_id = ? WHERE p.source = ? ORDER BY p.effective_at, p.id", ps -> {
                ps.setString(1, id);
                ps.setString(2, source);
            }, rs -> new Row(publication(rs), rs.getString(12)));
            String previousHash = null;
            boolean seen = false;
            Map<String, Entity> versions = new java.util.HashMap<>(); // each version read once, though two amendments name it
            for (Row r : rows) {
                if (r.hash() == null) {
                    if (previousHash != null) out.add(new TimelineEvent("delisted", r.pub(), List.of()));
                } else if (previousHash == null) {
                    out.add(new TimelineEvent(seen ? "relisted" : "listed", r.pub(), List.of()));
                    seen = true;
                } else if (!previousHash.equals(r.hash())) {
                    Entity before = versions.computeIfAbsent(previousHash, h -> version(source, id, h));
                    Entity after = versions.computeIfAbsent(r.hash(), h -> version(source, id, h));
                    out.add(new TimelineEvent("amended", r.pub(), fieldChanges(before, after)));
                }
                previousHash = r.hash();
            }
        }
        out.sort(java.util.Comparator.comparing((TimelineEvent e) -> e.publication().effectiveAt()).thenComparing(e -> e.publication().id()));
        return out;
    }

    /** An entity as a publication lists it. */
    public record Listed(Entity entity, Publication publication) {
    }

    /**
     * The entity as the publication of its source in force on {@code day} lists it (the latest dated by the end of that
     * day, UTC), or empty when no source carrying the id listed it then: for "what applied to X on D".
     */
    public Optional<Listed> entityOn(String id, java.time.LocalDate day) {
        Instant at = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
        List<String> sources = query("SELECT DISTINCT p.source FROM publication_entity pe JOIN publication p"
                + " ON p.id = pe.publication_id WHERE pe.entity_id = ? ORDER BY p.source", ps -> ps.setString(1, id), rs -> rs.getString(1));
        for (String source : sources) {
            Optional<Publication> pub = publicationAsOf(source, at);
            if (pub.isEmpty()) continue;
            List<String> hash = query("SELECT content_hash FROM publication_entity WHERE publication_id = ? AND entity_id = ?", ps -> {
                ps.setLong(1, pub.get().id());
                ps.setString(2, id);
            }, rs -> rs.getString(1));
            if (!hash.isEmpty()) return Optional.of(new Listed(version(source, id, hash.getFirst()), pub.get()));
        }
        return Optional.empty();
    }

    private Entity version(String source, String id, String hash) {
        return query("SELECT body FROM entity_version WHERE source = ? AND entity_id = ? AND content_hash = ?", ps -> {
            ps.setString(1, source);
            ps.setString(2, id);
            ps.setString(3, hash);
        }, rs -> EntityJson.readEntity(rs.getString(1))).getFirst();
    }

    /**
     * What a later publication of a source lists anew: its version of each entity added or changed since
     * {@code fromId}, and the ids it no longer lists. Reads only those versions (no field-by-field diff).
     */
    public record Changes(List<Entity> current, java.util.Set<String> removed) {
    }

    public Changes changes(long fromId, long toId) {
        Publication to = publication(toId).orElseThrow(() -> new StoreException("no publication " + toId));
        Map<String, String> before = membership(fromId);
        Map<String, String> after = membership(toId);
        List<Entity> current = new ArrayList<>();
        for (var e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) current.add(version(to.source(), e.getKey(), e.getValue()));
        }
        java.util.Set<String> removed = new java.util.HashSet<>(before.keySet());
        removed.removeAll(after.keySet());
        return new Changes(current, removed);
    }

    /** Added, removed and changed entities between two publications of one source. */
    public EntityDiff diff(long fromId, long toId) {
        Publication from = publication(fromId).orElseThrow(() -> new StoreException("no publication " + fromId));
        Publication to = publication(toId).orElseThrow(() -> new StoreException("no publication " + toId));
        if (!from.source().equals(to.source())) {
            throw new StoreException("publications " + fromId + " (" + from.source() + ") and " + toId + " ("
                    + to.source() + ") are of different sources");
        }
        Map<String, String> before = membership(fromId);
        Map<String, String> after = membership(toId);
        List<String> addedIds = new ArrayList<>();
        List<String> removedIds = new ArrayList<>();
        List<String> changedIds = new ArrayList<>();
        for (var e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (old == null) addedIds.add(e.getKey());
            else if (!old.equals(e.getValue())) changedIds.add(e.getKey());
        }
        for (String id : before.keySet()) if (!after.containsKey(id)) removedIds.add(id);
        List<Entity> added = new ArrayList<>();
        for (String id : addedIds) added.add(version(to.source(), id, after.get(id)));
        List<Entity> removed = new ArrayList<>();
        for (String id : removedIds) removed.add(version(from.source(), id, before.get(id)));
        List<EntityDiff.Change> changed = new ArrayList<>();
        for (String id : changedIds) {
            Entity a = version(from.source(), id, before.get(id));
            Entity b = version(to.source(), id, after.get(id));
            changed.add(new EntityDiff.Change(id, b.primaryName().value(), fieldChanges(a, b)));
        }
        return new EntityDiff(from, to, added, removed, changed);
    }

    /** One entity found by {@link #search}. */
    public record SearchHit(String id, String source, String schema, String caption) {
    }

    /**
     * Entities of the official lists whose primary name, aliases or other text contain {@code text}
     * (case-insensitive; all when blank), as listed by the publications in force at {@code asOf} (the
     * latest when null), in name order.
     */
    public List<SearchHit> search(String text, String schemaLabel, String source, Instant asOf, int limit, int offset) {
        List<Long> pubs = new ArrayList<>();
        for (String s : sources()) {
            if (source != null && !source.equals(s)) continue;
            (asOf == null ? latestPublication(s) : publicationAsOf(s, asOf)).ifPresent(p -> pubs.add(p.id()));
        }
        if (pubs.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder("SELECT pe.entity_id, p.source, v.schema_name, v.caption FROM publication_entity pe"
                + " JOIN publication p ON p.id = pe.publication_id JOIN entity_version v ON v.source = p.source"
                + " AND v.entity_id = pe.entity_id AND v.content_hash = pe.content_hash WHERE pe.publication_id IN (");
        for (int i = 0; i < pubs.size(); i++) sql.append(i == 0 ? "?" : ", ?");
        sql.append(")");
        String pattern = text == null || text.isBlank() ? null
                : "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        if (pattern != null) sql.append(" AND (LOWER(v.caption) LIKE ? ESCAPE '\\' OR LOWER(v.body) LIKE ? ESCAPE '\\')");
        if (schemaLabel != null) sql.append(" AND v.schema_name = ?");
        sql.append(" ORDER BY v.caption, pe.entity_id LIMIT ? OFFSET ?");
        return query(sql.toString(), ps -> {
            int i = 1;
            for (long id : pubs) ps.setLong(i++, id);
            if (pattern != null) {
                ps.setString(i++, pattern);
                ps.setString(i++, pattern);
            }
            if (schemaLabel != null) ps.setString(i++, schemaLabel);
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
        }, rs -> new SearchHit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /**
     * What has changed so far, by this or any other process: the newest publication and the number of
     * publications (a removed source lowers it) and of databank entry versions. Servers poll it to know which
     * index to rebuild.
     */
    public record ChangeMarker(long lastPublication, long publications, long databankVersions) {
        /** True when the lists are as they were at {@code other}; only the databank may have changed. */
        public boolean sameLists(ChangeMarker other) {
            return other != null && lastPublication == other.lastPublication && publications == other.publications;
        }
    }

    public ChangeMarker changeMarker() {
        return query("SELECT (SELECT MAX(id) FROM publication), (SELECT COUNT(*) FROM publication),"
                        + " (SELECT COUNT(*) FROM databank_entry_version)",
                ps -> { }, rs -> new ChangeMarker(rs.getLong(1), rs.getLong(2), rs.getLong(3))).getFirst();
    }

    /** What {@link #removeSource} removed: the source's publications and how many entity versions went with them. */
    public record Removal(String source, List<Publication> publications, int entityVersions) {
    }

    /**
     * Removes a source and every publication of it, with one audit event that records what was removed
     * (each publication's id, dates, record count and SHA-256), all in one transaction. An operator's act for
     * a source loaded by mistake or no longer licensed; the history of the other sources is untouched.
     *
     * @throws StoreException when the source has no publications
     */
    public Removal removeSource(Actor actor, String source) {
        List<Publication> pubs = publications(source);
        if (pubs.isEmpty()) throw new StoreException("no source '" + source + "' in the databank (see sieve lists)");
        return audit.transact((c, events) -> {
            int versions;
            try (PreparedStatement links = c.prepareStatement(
                    "DELETE FROM publication_entity WHERE publication_id IN (SELECT id FROM publication WHERE source = ?)");
                 PreparedStatement bodies = c.prepareStatement("DELETE FROM entity_version WHERE source = ?");
                 PreparedStatement publications = c.prepareStatement("DELETE FROM publication WHERE source = ?")) {
                links.setString(1, source);
                links.executeUpdate();
                bodies.setString(1, source);
                versions = bodies.executeUpdate();
                publications.setString(1, source);
                int removed = publications.executeUpdate();
                // a load that committed between the look-up and here would be removed unreported: refuse instead
                if (removed != pubs.size()) throw new StoreException("source '" + source + "' changed while being removed; nothing was removed");
            }
            List<Map<String, Object>> detail = new ArrayList<>();
            for (Publication p : pubs) {
                Map<String, Object> d = new java.util.LinkedHashMap<>();
                d.put("id", p.id());
                d.put("format", p.format());
                d.put("published_at", p.publishedAt() == null ? null : p.publishedAt().toString());
                d.put("loaded_at", p.loadedAt().toString());
                d.put("records", p.recordCount());
                d.put("sha256", p.sha256());
                detail.add(d);
            }
            events.add(new AuditLog.Draft(actor, "list.remove", source,
                    EntityJson.write(Map.of("publications", detail, "entity_versions", versions))));
            return new Removal(source, pubs, versions);
        });
    }

    /** The record components that differ between two versions of an entity. */
    public static List<EntityDiff.FieldChange> fieldChanges(Entity a, Entity b) {
        List<EntityDiff.FieldChange> out = new ArrayList<>();
        for (RecordComponent rc : Entity.class.getRecordComponents()) {
            try {
                Object x = rc.getAccessor().invoke(a);
                Object y = rc.getAccessor().invoke(b);
                if (!Objects.equals(x, y)) out.add(new EntityDiff.FieldChange(rc.getName(), x, y));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private Map<String, String> membership(long publicationId) {
        Map<String, String> m = new java.util.TreeMap<>();
        query("SELECT entity_id, content_hash FROM publication_entity WHERE publication_id = ?",
                ps -> ps.setLong(1, publicationId), rs -> m.put(rs.getString(1), rs.getString(2)));
        return m;
    }

    static Publication publication(ResultSet rs) throws SQLException {
        OffsetDateTime published = rs.getObject(4, OffsetDateTime.class);
        return new Publication(rs.getLong(1), rs.getString(2), rs.getString(3),
                published == null ? null : published.toInstant(), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getInt(8), rs.getInt(9), rs.getString(10),
                rs.getString(11));
    }

    private static String prefixed(String alias) {
        return alias + "." + PUBLICATION_COLUMNS.replace(", ", ", " + alias + ".");
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        return query(dataSource, sql, binder, mapper);
    }

    /** One query on a pooled connection, its rows mapped; failures become {@link StoreException}s. */
    static <T> List<T> query(DataSource dataSource, String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(mapper.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        audit.close();
        AuditSeal s = seal;
        if (s != null) {
            try {
                s.checkpoint(audit);
            } catch (RuntimeException e) {
                // the databank closes all the same; the next checkpoint covers these events
            }
        }
        dataSource.close();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        if (m != null && m.contains("Database may be already in use")) {
            return "the database is in use by another Sieve process (the embedded database allows one at a time)";
        }
        return m;
    }
}
