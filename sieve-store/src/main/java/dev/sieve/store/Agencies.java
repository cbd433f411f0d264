package dev.sieve.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Member agencies and their API keys. A key is {@code sk_<key id>_<secret>}: 256 random bits of which
 * only the SHA-256 hash is stored; the key id (not secret) names the key in the audit trail.
 */
public final class Agencies {
    /** Agency ids appear in databank ids ({@code db:<agency>:<n>}): short, lower case, URL-safe. */
    public static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param disabledAt when the operator disabled it (its keys stop working), or null
     * @param fourEyes whether a closing decision on its alerts takes effect only once a second analyst confirms it
     */
    public record Agency(String id, String name, Instant createdAt, Instant disabledAt, boolean fourEyes) {
        public Agency(String id, String name, Instant createdAt) {
            this(id, name, createdAt, null, false);
        }
    }

    public record ApiKey(String id, String agency, Role role, Instant createdAt) {
    }

    /** A key as its agency's administrators see it: never the secret. */
    public record KeyInfo(String id, Role role, Instant createdAt, Instant revokedAt) {
    }

    /** A new key: the secret is shown once and never stored. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    private final DataSource dataSource;
    private final AuditLog audit;

    Agencies(DataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /**
     * Creates an agency. Its id is {@code requestedId} when given, else derived from the name; a taken
     * requested id is an error, a taken derived id gets a number appended.
     */
    public Agency create(Actor actor, String requestedId, String name) {
        return audit.transact((c, events) -> {
            String id;
            if (requestedId != null) {
                if (!AGENCY_ID.matcher(requestedId).matches()) {
                    throw new IllegalArgumentException("agency id '" + requestedId + "' must be 1-63 lower-case letters,"
                            + " digits or hyphens, starting with a letter or digit");
                }
                if (exists(c, requestedId)) throw new ConflictException("agency '" + requestedId + "' already exists");
                id = requestedId;
            } else {
                String base = slug(name);
                id = base;
                for (int n = 2; exists(c, id); n++) id = base + "-" + n;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO agency (id, name, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            events.add(new AuditLog.Draft(actor, "agency.create", id, EntityJson.write(Map.of("id", id, "name", name))));
            return new Agency(id, name, now);
        });
    }

    /** Creates the operator agency (which holds the administrators' keys) if it does not exist yet. */
    public void ensureOperator() {
        if (agency(Actor.OPERATOR_AGENCY).isEmpty()) create(Actor.cli(), Actor.OPERATOR_AGENCY, "Sieve operator");
    }

    public Optional<Agency> agency(String id) {
        return query("SELECT id, name, created_at, disabled_at, four_eyes FROM agency WHERE id = ?", id, Agencies::agency).stream().findFirst();
    }

    public List<Agency> agencies() {
        return query("SELECT id, name, created_at, disabled_at, four_eyes FROM agency ORDER BY id", null, Agencies::agency);
    }

    private static Agency agency(ResultSet rs) throws SQLException {
        OffsetDateTime disabled = rs.getObject(4, OffsetDateTime.class);
        return new Agency(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                disabled == null ? null : disabled.toInstant(), rs.getBoolean(5));
    }

    /** The keys of an agency, live and revoked, oldest first. */
    public List<KeyInfo> keys(String agency) {
        return query("SELECT id, role, created_at, revoked_at FROM api_key WHERE agency_id = ? ORDER BY created_at, id", agency, rs -> {
            OffsetDateTime revoked = rs.getObject(4, OffsetDateTime.class);
            return new KeyInfo(rs.getString(1), Role.parse(rs.getString(2)), rs.getObject(3, OffsetDateTime.class).toInstant(),
                    revoked == null ? null : revoked.toInstant());
        });
    }

    /**
     * Disables an agency (its keys stop authenticating; its entries, sightings and history stay) or enables it
     * again. The operator agency cannot be disabled: it would lock every administrator out.
     */
    public Agency setDisabled(Actor actor, String agency, boolean disabled) {
        if (disabled && Actor.OPERATOR_AGENCY.equals(agency)) {
            throw new IllegalArgumentException("the operator agency cannot be disabled: its administrators run the databank");
        }
        audit.transact((c, events) -> {
            if (!exists(c, agency)) throw new NotFoundException("no agency '" + agency + "'");
            try (PreparedStatement ps = c.prepareStatement("UPDATE agency SET disabled_at = ? WHERE id = ?")) {
                ps.setObject(1, disabled ? OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC) : null);
                ps.setString(2, agency);
                ps.executeUpdate();
            }
            events.add(new AuditLog.Draft(actor, disabled ? "agency.disable" : "agency.enable", agency,
                    EntityJson.write(Map.of("agency", agency))).concerning(agency));
            return null;
        });
        return agency(agency).orElseThrow();
    }

    /** Turns the four-eyes rule on or off for an agency's alert decisions; audited. */
    public Agency setFourEyes(Actor actor, String agency, boolean fourEyes) {
        audit.transact((c, events) -> {
            if (!exists(c, agency)) throw new NotFoundException("no agency '" + agency + "'");
            try (PreparedStatement ps = c.prepareStatement("UPDATE agency SET four_eyes = ? WHERE id = ?")) {
                ps.setBoolean(1, fourEyes);
                ps.setString(2, agency);
                ps.executeUpdate();
            }
            events.add(new AuditLog.Draft(actor, "agency.four-eyes", agency,
                    EntityJson.write(Map.of("agency", agency, "four_eyes", fourEyes))).concerning(agency));
            return null;
        });
        return agency(agency).orElseThrow();
    }

    /** Issues a new key for an agency; the secret is returned once. */
    public IssuedKey issueKey(Actor actor, String agency, Role role) {
        return audit.transact((c, events) -> {
            if (!exists(c, agency)) throw new NotFoundException("no agency '" + agency + "'");
            byte[] idBytes = new byte[6];
            byte[] secretBytes = new byte[32];
            RANDOM.nextBytes(idBytes);
            RANDOM.nextBytes(secretBytes);
            String id = HexFormat.of().formatHex(idBytes);
            String secret = "sk_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_key (id, key_hash, agency_id, role, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, hashKey(secret));
                ps.setString(3, agency);
                ps.setString(4, role.label());
                ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            events.add(new AuditLog.Draft(actor, "key.create", agency,
                    EntityJson.write(Map.of("key_id", id, "agency", agency, "role", role.label()))).concerning(agency));
            return new IssuedKey(new ApiKey(id, agency, role, now), secret);
        });
    }

    /** Revokes a key of an agency: it no longer authenticates. Throws {@link NotFoundException} if there is no such live key. */
    public void revokeKey(Actor actor, String agency, String keyId) {
        audit.transact((c, events) -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_key SET revoked_at = ? WHERE id = ? AND agency_id = ? AND revoked_at IS NULL")) {
                ps.setObject(1, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
                ps.setString(2, keyId);
                ps.setString(3, agency);
                if (ps.executeUpdate() != 1) throw new NotFoundException("no live key " + keyId + " of agency '" + agency + "'");
            }
            events.add(new AuditLog.Draft(actor, "key.revoke", agency, EntityJson.write(Map.of("key_id", keyId, "agency", agency)))
                    .concerning(agency));
            return null;
        });
    }

    /** The key a presented secret belongs to, if it is a live key. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith("sk_")) return Optional.empty();
        return query("SELECT k.id, k.agency_id, k.role, k.created_at FROM api_key k JOIN agency a ON a.id = k.agency_id"
                        + " WHERE k.key_hash = ? AND k.revoked_at IS NULL AND a.disabled_at IS NULL",
                hashKey(secret), rs -> new ApiKey(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).stream().findFirst();
    }

    public boolean anyKeys() {
        return !query("SELECT id FROM api_key WHERE revoked_at IS NULL LIMIT 1", null, rs -> rs.getString(1)).isEmpty();
    }

    static String hashKey(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String slug(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
        String s = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) s = s.substring(0, 40).replaceAll("-+$", "");
        return s.isEmpty() ? "agency" : s;
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM agency WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private <T> List<T> query(String sql, String arg, SieveStore.RowMapper<T> mapper) {
        return SieveStore.query(dataSource, sql, ps -> {
            if (arg != null) ps.setString(1, arg);
        }, mapper);
    }
}
