package dev.sieve.exemptions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sieve.model.Sharing;
import dev.sieve.regimes.RegimeCatalogue;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditLog;
import dev.sieve.store.EntityJson;
import dev.sieve.store.Jdbc;
import dev.sieve.store.NotFoundException;
import dev.sieve.store.SieveStore;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exemptions and licences agencies record: each agency's own, seen by others only where it shares them. Every
 * record and revocation is on the audit trail, in its transaction.
 */
public final class ExemptionStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, agency_id, reference, issuer, valid_from, valid_to, sharing, body, created_by,"
            + " created_at, revoked_by, revoked_at, revoke_reason";

    private final SieveStore store;
    private final RegimeCatalogue catalogue;

    public ExemptionStore(SieveStore store, RegimeCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    /**
     * Records an exemption for the actor's agency.
     *
     * @throws ExemptionException naming the field at fault (nothing is stored)
     * @throws dev.sieve.store.ConflictException when the agency has recorded that reference already
     */
    public Exemption create(Actor actor, ExemptionData data) {
        data.check(catalogue, id -> store.entity(id).isPresent() || store.databank().entry(id).isPresent());
        String id = newId();
        Instant now = Jdbc.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regimes", data.regimes());
        body.put("entities", data.entities());
        body.put("counterparties", data.counterparties());
        body.put("purpose", data.purpose());
        body.put("amount_limit", data.amountLimit() == null ? null : data.amountLimit().toPlainString());
        body.put("currency", data.currency());
        body.put("document_url", data.documentUrl());
        Exemption created = store.audit().transact((c, events) -> {
            boolean taken = !Jdbc.query(c, "SELECT id FROM exemption WHERE agency_id = ? AND reference = ?", ps -> {
                ps.setString(1, actor.agency());
                ps.setString(2, data.reference());
            }, rs -> rs.getString(1)).isEmpty();
            if (taken) {
                throw new dev.sieve.store.ConflictException("this agency has recorded an exemption with reference '"
                        + data.reference() + "' already", "reference");
            }
            Jdbc.update(c, "INSERT INTO exemption (id, agency_id, reference, issuer, valid_from, valid_to, sharing, body, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, id);
                        ps.setString(2, actor.agency());
                        ps.setString(3, data.reference());
                        ps.setString(4, data.issuer());
                        ps.setObject(5, data.validFrom());
                        ps.setObject(6, data.validTo());
                        ps.setString(7, data.sharing().encode());
                        ps.setString(8, EntityJson.write(body));
                        ps.setString(9, actor.keyId());
                        ps.setObject(10, Jdbc.utc(now));
                    });
            events.add(new AuditLog.Draft(actor, "exemption.create", id, EntityJson.write(Map.of("reference", data.reference(),
                    "issuer", data.issuer(), "valid_from", data.validFrom().toString(), "valid_to", String.valueOf(data.validTo())))));
            return read(c, id).orElseThrow();
        });
        snapshot = null;
        return created;
    }

    /** Revokes one of the actor's agency's exemptions from now on; hits it covered are covered no more. */
    public Exemption revoke(Actor actor, String id, String reason) {
        if (reason == null || reason.isBlank()) throw new ExemptionException("reason", "field 'reason' is required");
        Exemption revoked = store.audit().transact((c, events) -> {
            Exemption e = read(c, id).filter(x -> x.agency().equals(actor.agency()))
                    .orElseThrow(() -> new NotFoundException("no exemption '" + id + "'"));
            if (e.revokedAt() != null) {
                throw new dev.sieve.store.ConflictException("exemption '" + id + "' was revoked on " + e.revokedAt(), "id");
            }
            Jdbc.update(c, "UPDATE exemption SET revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE id = ?", ps -> {
                ps.setString(1, actor.keyId());
                ps.setObject(2, Jdbc.utc(Jdbc.now()));
                ps.setString(3, Jdbc.cut(reason, 4000));
                ps.setString(4, id);
            });
            events.add(new AuditLog.Draft(actor, "exemption.revoke", id, EntityJson.write(Map.of("reference", e.reference(),
                    "reason", reason))));
            return read(c, id).orElseThrow();
        });
        snapshot = null;
        return revoked;
    }

    /** One exemption the agency may see (its own, or shared with it), or empty. */
    public Optional<Exemption> exemption(String agency, String id) {
        return Jdbc.query(store.dataSource(), "SELECT " + COLUMNS + " FROM exemption WHERE id = ?", ps -> ps.setString(1, id),
                ExemptionStore::exemption).stream().filter(e -> e.visibleTo(agency)).findFirst();
    }

    /** Whether an exemption (by id) may still be relied on today: it exists, is not revoked and is within its dates. */
    public boolean stillCovers(String id) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return all().stream().anyMatch(e -> e.id().equals(id) && e.usableFor(today));
    }

    /** Every exemption the agency may rely on, revoked ones included, newest first. */
    public List<Exemption> visibleTo(String agency) {
        List<Exemption> out = new ArrayList<>();
        for (Exemption e : all()) if (e.visibleTo(agency)) out.add(e);
        return out;
    }

    /**
     * Every exemption, read at most once a few seconds (screenings ask on every hit): this process's own records and
     * revocations are seen at once, another process's within {@link #FRESH}.
     */
    private List<Exemption> all() {
        Snapshot s = snapshot;
        if (s != null && s.readAt() + FRESH.toNanos() > System.nanoTime()) return s.exemptions();
        long at = System.nanoTime();
        List<Exemption> read = Jdbc.query(store.dataSource(), "SELECT " + COLUMNS + " FROM exemption ORDER BY created_at DESC, id",
                ps -> { }, ExemptionStore::exemption);
        snapshot = new Snapshot(at, List.copyOf(read));
        return read;
    }

    private record Snapshot(long readAt, List<Exemption> exemptions) {
    }

    /** How long a read of the exemptions stands for another process's changes. */
    static final java.time.Duration FRESH = java.time.Duration.ofSeconds(5);
    private volatile Snapshot snapshot;

    private Optional<Exemption> read(Connection c, String id) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM exemption WHERE id = ?", ps -> ps.setString(1, id),
                ExemptionStore::exemption).stream().findFirst();
    }

    private static Exemption exemption(ResultSet rs) throws SQLException {
        JsonNode body;
        try {
            body = EntityJson.mapper().readTree(rs.getString(8));
        } catch (java.io.IOException e) {
            throw new SQLException("exemption " + rs.getString(1) + " has an unreadable body", e);
        }
        String limit = text(body, "amount_limit");
        return new Exemption(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), strings(body, "regimes"),
                strings(body, "entities"), strings(body, "counterparties"), text(body, "purpose"),
                limit == null ? null : new BigDecimal(limit), text(body, "currency"), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), text(body, "document_url"), Sharing.decode(rs.getString(7)), rs.getString(9),
                Jdbc.instant(rs, 10), rs.getString(11), Jdbc.instant(rs, 12), rs.getString(13));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode body, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : body.path(field)) out.add(v.asText());
        return out;
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("ex_");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 16; i++) id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return id.toString();
    }
}
