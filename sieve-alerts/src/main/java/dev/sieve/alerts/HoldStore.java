package dev.sieve.alerts;

import dev.sieve.model.Publication;
import dev.sieve.store.Jdbc;
import dev.sieve.model.Match;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditLog;
import dev.sieve.store.EntityJson;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Payments and travellers held by their alerts. Each hit of a payment or manifest screening is an alert
 * whose subject is the held item; the item stays {@code held} until every alert of it is closed, then is
 * {@code released} (none was a true match) or {@code rejected} (one was), in the transaction of the decision
 * that settles it. A hit whose screened name (or traveller) was cleared as a false positive before, against
 * the same content of the same entity, raises no alert: the item names the earlier decision instead, and an
 * item whose every hit is covered so is released at once.
 */
public final class HoldStore {
    /** What is held: its alerts' origin and the prefix of its ids. */
    public enum Kind {
        PAYMENT("pay_"), TRAVELLER("trv_");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String text) {
            for (Kind k : values()) if (k.label().equals(text)) return k;
            throw new IllegalArgumentException("unknown kind '" + text + "'; one of: payment, traveller");
        }
    }

    public enum Status {
        HELD, RELEASED, REJECTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String text) {
            for (Status s : values()) if (s.label().equals(text)) return s;
            throw new IllegalArgumentException("unknown status '" + text + "'; one of: held, released, rejected");
        }
    }

    /**
     * A held (or settled) payment or traveller.
     *
     * @param message the message or manifest it came in
     * @param reference the payment's reference, or the traveller's name
     * @param detail what was screened, and the hits an earlier decision covered, as JSON
     */
    public record Hold(long seq, String id, String agency, Kind kind, String message, String reference, Status status,
                       String detail, String settledBy, String settledNote, Instant createdAt, Instant settledAt) {
    }

    /**
     * One hit of a screened item.
     *
     * @param field where in the item it was found (a payment's party role, "text", a BIC)
     * @param fingerprint what was compared on the item's side ({@link #fingerprint})
     * @param entityFingerprint the listed entity's content hash
     */
    public record Finding(String field, String screened, String fingerprint, Match match, String entityFingerprint) {
    }

    /** An item to hold: what it is, where it came from, what was screened (JSON), and its hits. */
    public record Item(Kind kind, String message, String reference, Map<String, Object> screened, List<Finding> findings) {
    }

    /** A hit not raised again: the earlier alert whose false-positive decision covers it. */
    public record Covered(String entityId, String field, String alertId) {
    }

    /** What became of an item: held with its new alerts, or released at once because earlier decisions cover every hit. */
    public record Opened(Hold hold, List<Alert> raised, List<Covered> covered) {
    }

    private static final String COLUMNS = "seq, id, agency_id, kind, message, reference, status, detail, settled_by,"
            + " settled_note, created_at, settled_at";

    private final DataSource ds;
    private final AuditLog audit;
    private final AlertStore alerts;

    public HoldStore(SieveStore store, AlertStore alerts) {
        this.ds = store.dataSource();
        this.audit = store.audit();
        this.alerts = alerts;
    }

    /** The fingerprint of a screened text: a name written with other case or spacing is the same name. */
    public static String fingerprint(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(p == null ? "" : String.join(" ", p.strip().toUpperCase(Locale.ROOT).split("\\s+"))).append('\n');
        }
        return EntityJson.sha256(sb.toString());
    }

    /**
     * Holds the items that hit (items with no finding are skipped), raising their alerts, all in one
     * transaction: a message's items are held together or not at all.
     *
     * @return per item, in order, what became of it (null for an item with no finding)
     */
    public List<Opened> open(Actor actor, List<Item> items, List<Publication> publications) {
        return audit.transact((c, events) -> {
            List<Opened> out = new ArrayList<>();
            for (Item item : items) out.add(item.findings().isEmpty() ? null : open(c, events, actor, item, publications));
            return out;
        });
    }

    private Opened open(Connection c, List<AuditLog.Draft> events, Actor actor, Item item, List<Publication> publications)
            throws SQLException {
        String id = AlertStore.newId(item.kind().prefix);
        // one alert per entity: the best finding, the others named in its context
        Map<String, List<Finding>> byEntity = new LinkedHashMap<>();
        List<Finding> sorted = new ArrayList<>(item.findings());
        sorted.sort(Comparator.comparingDouble((Finding f) -> f.match().score()).reversed());
        for (Finding f : sorted) byEntity.computeIfAbsent(f.match().id(), k -> new ArrayList<>()).add(f);
        List<Hit> hits = new ArrayList<>();
        List<Covered> covered = new ArrayList<>();
        for (List<Finding> fs : byEntity.values()) {
            Finding best = fs.getFirst();
            String cleared = clearedBefore(c, actor.agency(), item.kind(), best);
            if (cleared != null) {
                covered.add(new Covered(best.match().id(), best.field(), cleared));
                continue;
            }
            List<Map<String, Object>> found = new ArrayList<>();
            for (Finding f : fs) found.add(ordered("field", f.field(), "screened", f.screened(), "score", f.match().score()));
            hits.add(new Hit(item.kind().label(), id, best.fingerprint(), best.match(), best.entityFingerprint(), publications,
                    EntityJson.write(ordered("message", item.message(), "reference", item.reference(), "found_in", found))));
        }
        Instant now = Jdbc.now();
        // a hit an exemption covers is still an alert to see, but holds nothing back
        boolean exempt = !hits.isEmpty() && hits.stream().allMatch(h -> dev.sieve.exemptions.Coverage.exemptionId(h.match()) != null);
        boolean release = hits.isEmpty() || exempt;
        Status status = release ? Status.RELEASED : Status.HELD;
        List<Map<String, Object>> coveredJson = new ArrayList<>();
        for (Covered cv : covered) coveredJson.add(ordered("entity_id", cv.entityId(), "field", cv.field(), "alert", cv.alertId()));
        String detail = EntityJson.write(ordered("screened", item.screened(), "covered", coveredJson));
        String note = hits.isEmpty() ? "every hit was cleared before as a false positive"
                : exempt ? "every hit is covered by an exemption: " + String.join("; ", hits.stream().map(h -> h.match().exemption())
                        .distinct().toList()) : null;
        Jdbc.update(c, "INSERT INTO hold (id, agency_id, kind, message, reference, status, detail, settled_by, settled_note,"
                + " created_at, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, id);
                    ps.setString(2, actor.agency());
                    ps.setString(3, item.kind().label());
                    ps.setString(4, Jdbc.cut(item.message(), 500));
                    ps.setString(5, Jdbc.cut(item.reference(), 2000));
                    ps.setString(6, status.label());
                    ps.setString(7, detail);
                    ps.setString(8, release ? actor.keyId() : null);
                    ps.setString(9, Jdbc.cut(note, 4000));
                    ps.setObject(10, Jdbc.utc(now));
                    ps.setObject(11, release ? Jdbc.utc(now) : null);
                });
        events.add(new AuditLog.Draft(actor, item.kind().label() + (release ? ".release" : ".hold"), id,
                EntityJson.write(ordered("message", item.message(), "reference", item.reference(), "entities",
                        hits.stream().map(h -> h.match().id()).toList(), "covered", coveredJson))));
        List<Alert> raised = alerts.raise(c, events, actor, hits, null);
        return new Opened(read(c, actor.agency(), id).orElseThrow(), raised, covered);
    }

    /** The agency's latest false-positive alert on this entity for the same screened text and entity content, or null. */
    private static String clearedBefore(Connection c, String agency, Kind kind, Finding f) throws SQLException {
        return Jdbc.query(c, "SELECT id FROM alert WHERE agency_id = ? AND origin = ? AND entity_id = ? AND subject_fingerprint = ?"
                + " AND entity_fingerprint = ? AND state = ? ORDER BY seq DESC LIMIT 1", ps -> {
                    ps.setString(1, agency);
                    ps.setString(2, kind.label());
                    ps.setString(3, f.match().id());
                    ps.setString(4, f.fingerprint());
                    ps.setString(5, f.entityFingerprint());
                    ps.setString(6, AlertState.FALSE_POSITIVE.label());
                }, rs -> rs.getString(1)).stream().findFirst().orElse(null);
    }

    /**
     * Settles a held item once its alerts are all closed: rejected when one is a true match, else released. Called
     * in the transaction of the decision (or delisting) that closed one of them; the item is locked, so two
     * decisions closing its last alerts at once settle it once.
     */
    static void settle(Connection c, List<AuditLog.Draft> events, Actor actor, Kind kind, String id) throws SQLException {
        Hold h = Jdbc.query(c, "SELECT " + COLUMNS + " FROM hold WHERE id = ? AND agency_id = ? FOR UPDATE", ps -> {
            ps.setString(1, id);
            ps.setString(2, actor.agency());
        }, HoldStore::hold).stream().findFirst().orElse(null);
        if (h == null || h.status() != Status.HELD) return;
        List<AlertState> states = Jdbc.query(c, "SELECT state FROM alert WHERE agency_id = ? AND origin = ? AND subject_id = ?",
                ps -> {
                    ps.setString(1, actor.agency());
                    ps.setString(2, kind.label());
                    ps.setString(3, id);
                }, rs -> AlertState.parse(rs.getString(1)));
        if (!states.stream().allMatch(AlertState::closed)) return;
        long trueMatches = states.stream().filter(s -> s == AlertState.TRUE_MATCH).count();
        Status status = trueMatches > 0 ? Status.REJECTED : Status.RELEASED;
        String note = trueMatches > 0 ? trueMatches + " of " + states.size() + " alerts decided a true match"
                : "all " + states.size() + " alerts closed without a true match";
        Instant now = Jdbc.now();
        Jdbc.update(c, "UPDATE hold SET status = ?, settled_by = ?, settled_note = ?, settled_at = ? WHERE seq = ?", ps -> {
            ps.setString(1, status.label());
            ps.setString(2, actor.keyId());
            ps.setString(3, note);
            ps.setObject(4, Jdbc.utc(now));
            ps.setLong(5, h.seq());
        });
        events.add(new AuditLog.Draft(actor, kind.label() + (status == Status.REJECTED ? ".reject" : ".release"), id,
                EntityJson.write(ordered("message", h.message(), "reference", h.reference(), "note", note))));
    }

    /** A held item of this agency, or empty (also when it is another agency's). */
    public Optional<Hold> hold(String agency, String id) {
        try (Connection c = ds.getConnection()) {
            return read(c, agency, id);
        } catch (SQLException e) {
            throw new StoreException("cannot read " + id + ": " + e.getMessage(), e);
        }
    }

    /** The alerts of a held item, oldest first. */
    public List<Alert> alertsOf(Hold h) {
        return alerts.alerts(h.agency(), new AlertFilter(null, h.id(), null, h.kind().label(), null, null, null,
                AlertFilter.MAX_LIMIT)).reversed();
    }

    /** A page of an agency's held items, newest first; kind and status when not null; before: the page cursor (a seq). */
    public List<Hold> holds(String agency, Kind kind, Status status, Long before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM hold WHERE agency_id = ?");
        List<Object> args = new ArrayList<>(List.of(agency));
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind.label());
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.label());
        }
        if (before != null) {
            sql.append(" AND seq < ?");
            args.add(before);
        }
        // the order of the index the equalities lead into (see AlertStore.alerts)
        sql.append(kind == null && status != null ? " ORDER BY agency_id DESC, status DESC, seq DESC" : " ORDER BY agency_id DESC, seq DESC");
        sql.append(" LIMIT ?");
        args.add(limit);
        return Jdbc.query(ds, sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
        }, HoldStore::hold);
    }

    private static Optional<Hold> read(Connection c, String agency, String id) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM hold WHERE id = ? AND agency_id = ?", ps -> {
            ps.setString(1, id);
            ps.setString(2, agency);
        }, HoldStore::hold).stream().findFirst();
    }

    private static Hold hold(java.sql.ResultSet rs) throws SQLException {
        return new Hold(rs.getLong(1), rs.getString(2), rs.getString(3), Kind.parse(rs.getString(4)), rs.getString(5),
                rs.getString(6), Status.parse(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                Jdbc.instant(rs, 11), Jdbc.instant(rs, 12));
    }

    /** Whether alerts of this origin belong to a held item. */
    static Optional<Kind> kindOf(String origin) {
        for (Kind k : Kind.values()) if (k.label().equals(origin)) return Optional.of(k);
        return Optional.empty();
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

}
