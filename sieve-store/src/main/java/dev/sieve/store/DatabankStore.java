package dev.sieve.store;

import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Entity;
import dev.sieve.model.Sharing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The entries member agencies contribute. Every change writes the entry's new state, a new row of its
 * history and an audit event in one transaction. Delisting keeps the entry and its history; updates
 * name the version they change (optimistic concurrency), so no update silently overwrites another.
 */
public final class DatabankStore {
    private static final String COLUMNS = "id, agency_id, version, delisted, sharing, reason, body, created_at, updated_at";

    private final DataSource dataSource;
    private final AuditLog audit;

    DatabankStore(DataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /**
     * Adds an entry for the actor's agency; its id ({@code db:<agency>:<token>}) is assigned here. The token is
     * random, not a counter: consecutive ids would tell any reader how many entries an agency keeps hidden.
     * {@code seq} stays, internal, for a stable order.
     */
    public DatabankEntry create(Actor actor, Entity draft, Sharing sharing, String reason) {
        return audit.transact((c, events) -> {
            int seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM databank_entry WHERE agency_id = ?")) {
                ps.setString(1, actor.agency());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1);
                }
            }
            String id = unusedId(c, actor.agency());
            Entity entity = identified(draft, id, actor.agency());
            Instant now = now();
            DatabankEntry entry = new DatabankEntry(entity, actor.agency(), 1, false, sharing, reason, now, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO databank_entry (id, agency_id, seq, version,"
                    + " delisted, sharing, reason, caption, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, actor.agency());
                ps.setInt(3, seq);
                ps.setInt(4, 1);
                ps.setBoolean(5, false);
                ps.setString(6, sharing.encode());
                ps.setString(7, reason);
                ps.setString(8, caption(entity));
                ps.setString(9, EntityJson.write(entity));
                ps.setObject(10, utc(now));
                ps.setObject(11, utc(now));
                ps.executeUpdate();
            }
            history(c, entry, "create", actor);
            events.add(event(actor, "databank.create", entry));
            return entry;
        });
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final char[] TOKEN_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray(); // Crockford's base 32

    /** A random id not yet used by any entry, past or present: 50 bits, so a clash is checked, not expected. */
    static String unusedId(Connection c, String agency) throws SQLException {
        while (true) {
            StringBuilder id = new StringBuilder("db:").append(agency).append(':');
            for (int i = 0; i < 10; i++) id.append(TOKEN_ALPHABET[RANDOM.nextInt(TOKEN_ALPHABET.length)]);
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM databank_entry WHERE id = ?")) {
                ps.setString(1, id.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return id.toString();
                }
            }
        }
    }

    /** Replaces an entry's content, sharing and reason, if {@code expectedVersion} is still its version. */
    public DatabankEntry update(Actor actor, String id, int expectedVersion, Entity draft, Sharing sharing, String reason) {
        return audit.transact((c, events) -> {
            DatabankEntry old = ownedForChange(c, actor, id, expectedVersion);
            if (old.delisted()) throw new ConflictException("entry " + id + " is delisted; create a new entry instead");
            DatabankEntry next = new DatabankEntry(identified(draft, id, old.agency()), old.agency(), old.version() + 1,
                    false, sharing, reason, old.createdAt(), now());
            write(c, next, old.version());
            history(c, next, "update", actor);
            events.add(event(actor, "databank.update", next));
            return next;
        });
    }

    /** Delists an entry: it is no longer screened, and it stays with its history. */
    public DatabankEntry delist(Actor actor, String id, Integer expectedVersion, String reason) {
        return audit.transact((c, events) -> {
            DatabankEntry old = ownedForChange(c, actor, id, expectedVersion);
            if (old.delisted()) throw new ConflictException("entry " + id + " is already delisted");
            DatabankEntry next = new DatabankEntry(old.entity(), old.agency(), old.version() + 1, true, old.sharing(),
                    reason, old.createdAt(), now());
            write(c, next, old.version());
            history(c, next, "delist", actor);
            events.add(event(actor, "databank.delist", next));
            return next;
        });
    }

    private DatabankEntry ownedForChange(Connection c, Actor actor, String id, Integer expectedVersion) throws SQLException {
        DatabankEntry old = read(c, id).orElse(null);
        if (old == null || !old.visibleTo(actor.agency())) throw new NotFoundException("no databank entry " + id);
        if (!old.agency().equals(actor.agency())) {
            throw new ForbiddenException("entry " + id + " belongs to agency " + old.agency() + "; only it may change it");
        }
        if (expectedVersion != null && expectedVersion != old.version()) {
            throw new StaleVersionException("entry " + id + " is at version " + old.version() + ", not "
                    + expectedVersion + ": it was changed since you read it", old.version());
        }
        return old;
    }

    private static void write(Connection c, DatabankEntry e, int oldVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE databank_entry SET version = ?, delisted = ?, sharing = ?,"
                + " reason = ?, caption = ?, body = ?, updated_at = ? WHERE id = ? AND version = ?")) {
            ps.setInt(1, e.version());
            ps.setBoolean(2, e.delisted());
            ps.setString(3, e.sharing().encode());
            ps.setString(4, e.reason());
            ps.setString(5, caption(e.entity()));
            ps.setString(6, EntityJson.write(e.entity()));
            ps.setObject(7, utc(e.updatedAt()));
            ps.setString(8, e.id());
            ps.setInt(9, oldVersion);
            if (ps.executeUpdate() != 1) {
                // another process changed it between our read and this write
                throw new StaleVersionException("entry " + e.id() + " was changed concurrently", -1);
            }
        }
    }

    private static void history(Connection c, DatabankEntry e, String action, Actor actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO databank_entry_version (entry_id, version, action,"
                + " delisted, sharing, reason, body, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id());
            ps.setInt(2, e.version());
            ps.setString(3, action);
            ps.setBoolean(4, e.delisted());
            ps.setString(5, e.sharing().encode());
            ps.setString(6, e.reason());
            ps.setString(7, EntityJson.write(e.entity()));
            ps.setString(8, actor.keyId());
            ps.setObject(9, utc(e.updatedAt()));
            ps.executeUpdate();
        }
    }

    private static AuditLog.Draft event(Actor actor, String action, DatabankEntry e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", e.version());
        detail.put("sharing", e.sharing().encode());
        detail.put("reason", e.reason());
        detail.put("entity", e.entity());
        return new AuditLog.Draft(actor, action, e.id(), EntityJson.write(detail));
    }

    public Optional<DatabankEntry> entry(String id) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, id);
        } catch (SQLException e) {
            throw new StoreException("cannot read databank entry " + id + ": " + e.getMessage(), e);
        }
    }

    /** An entry as {@code agency} may see it: empty both when there is none and when its sharing excludes the agency. */
    public Optional<DatabankEntry> entryVisibleTo(String id, String agency) {
        return entry(id).filter(e -> e.visibleTo(agency));
    }

    /** Every entry in its current state, delisted ones included. */
    public List<DatabankEntry> entries() {
        return SieveStore.query(dataSource, "SELECT " + COLUMNS + " FROM databank_entry ORDER BY agency_id, seq", ps -> { },
                DatabankStore::entry);
    }

    /** The entries to screen against: all that are not delisted. */
    public List<DatabankEntry> active() {
        return entries().stream().filter(e -> !e.delisted()).toList();
    }

    /** Every version of one entry, oldest first. */
    public List<DatabankEntry> history(String id) {
        return versions(" WHERE v.entry_id = ?", id, null);
    }

    /** Each entry as it stood at an instant (the latest version changed at or before it). */
    public List<DatabankEntry> asOf(Instant at) {
        Map<String, DatabankEntry> latest = new LinkedHashMap<>();
        for (DatabankEntry e : versions(" WHERE v.changed_at <= ?", null, at)) latest.put(e.id(), e);
        return new ArrayList<>(latest.values());
    }

    /**
     * Each entry as it stood at an instant, as {@code viewer} may see it: the version's sharing then allowed
     * it, and the owner has not withdrawn it since. A retraction (all → private) applies to the past too, for
     * everyone but the owner; the owner's own history and the audit trail keep everything.
     */
    public List<DatabankEntry> asOfVisibleTo(Instant at, String viewer) {
        Map<String, DatabankEntry> now = new java.util.HashMap<>();
        for (DatabankEntry e : entries()) now.put(e.id(), e);
        List<DatabankEntry> out = new ArrayList<>();
        for (DatabankEntry e : asOf(at)) {
            DatabankEntry current = now.get(e.id());
            if (e.visibleTo(viewer) && current != null && current.visibleTo(viewer)) out.add(e);
        }
        return out;
    }

    private List<DatabankEntry> versions(String where, String id, Instant at) {
        return SieveStore.query(dataSource, "SELECT v.entry_id, d.agency_id, v.version, v.delisted, v.sharing, v.reason, v.body,"
                + " d.created_at, v.changed_at FROM databank_entry_version v JOIN databank_entry d ON d.id = v.entry_id" + where
                + " ORDER BY d.agency_id, d.seq, v.version", ps -> {
                    if (id != null) ps.setString(1, id);
                    if (at != null) ps.setObject(1, utc(at));
                }, DatabankStore::entry);
    }

    private static Optional<DatabankEntry> read(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM databank_entry WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    private static DatabankEntry entry(ResultSet rs) throws SQLException {
        return new DatabankEntry(EntityJson.readEntity(rs.getString(7)), rs.getString(2), rs.getInt(3), rs.getBoolean(4),
                Sharing.decode(rs.getString(5)), rs.getString(6), rs.getObject(8, OffsetDateTime.class).toInstant(),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    private static Entity identified(Entity e, String id, String agency) {
        return new Entity(id, DatabankEntry.sourceOf(agency), e.schema(), e.names(), e.gender(), e.birthDates(),
                e.birthPlaces(), e.nationalities(), e.citizenships(), e.identifiers(), e.addresses(), e.programs(),
                e.listedOn(), e.remarks(), e.topics(), List.of());
    }

    private static String caption(Entity e) {
        String s = e.primaryName().value();
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
