package dev.sieve.alerts;

import dev.sieve.store.Jdbc;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditLog;
import dev.sieve.store.EntityJson;
import dev.sieve.store.NotFoundException;
import dev.sieve.store.SieveStore;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * An agency's webhooks and their deliveries. An event is written as a delivery to every webhook of the agency
 * that asked for it, in the transaction of the change it tells of ({@link #enqueue}): a change that commits
 * has its deliveries, one that rolls back has none. {@link WebhookDeliverer} sends them.
 */
public final class WebhookStore {
    /** What a webhook may ask to be told of. */
    public enum Event {
        ALERT_CREATED("alert.created"), ALERT_DECIDED("alert.decided"), MONITORING_COMPLETED("monitoring.completed");

        private final String label;

        Event(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Event parse(String text) {
            for (Event e : values()) if (e.label.equals(text)) return e;
            throw new IllegalArgumentException("unknown event '" + text + "'; one of: "
                    + Arrays.stream(values()).map(Event::label).collect(Collectors.joining(", ")));
        }
    }

    public record Webhook(String id, String agency, URI url, Set<Event> events, boolean active, String createdBy,
                          Instant createdAt, Instant removedAt) {
    }

    /** A webhook just made, with its secret (shown this once). */
    public record Created(Webhook webhook, String secret) {
    }

    /**
     * One event for one webhook.
     *
     * @param status pending (to send or retry), delivered, or failed (every attempt failed)
     * @param lastStatus the HTTP status of the last attempt, or null when it got none
     */
    public record Delivery(long seq, String id, String webhookId, String agency, String event, String payload, String status,
                           int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                           Instant finishedAt) {
    }

    /** A delivery due, with where to send it and what to sign it with. */
    record Due(Delivery delivery, URI url, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WEBHOOK_COLUMNS = "id, agency_id, url, events, active, created_by, created_at, removed_at";
    private static final String DELIVERY_COLUMNS = "seq, id, webhook_id, agency_id, event, payload, status, attempts,"
            + " next_attempt_at, last_status, last_error, created_at, finished_at";

    private final DataSource ds;
    private final AuditLog audit;

    public WebhookStore(SieveStore store) {
        this.ds = store.dataSource();
        this.audit = store.audit();
    }

    /**
     * The URL a webhook may have: absolute http or https with a host, no user information (a password in a
     * URL ends up in logs).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static URI checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + url + "' is not an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw new IllegalArgumentException("'" + url + "' names no host");
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + url + "' holds user information; sign with the secret instead");
        }
        if (url.length() > 2000) throw new IllegalArgumentException("the URL is longer than 2000 characters");
        return uri;
    }

    /**
     * Refuses a URL whose host is, or resolves to, an address inside this network (loopback, private, link-local such
     * as a cloud's metadata service, unique-local, multicast or unspecified) unless the operator allows them: an
     * agency's administrator must not make the server call its neighbours. Checked when a webhook is made and before
     * every delivery (a name may resolve elsewhere later).
     *
     * @throws IllegalArgumentException saying what is refused and why
     */
    public static void checkAddress(URI url, boolean privateAllowed) {
        if (privateAllowed) return;
        java.net.InetAddress[] addresses;
        try {
            addresses = java.net.InetAddress.getAllByName(url.getHost());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("the host '" + url.getHost() + "' is not known");
        }
        for (java.net.InetAddress a : addresses) {
            boolean uniqueLocal = a instanceof java.net.Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress() || uniqueLocal) {
                throw new IllegalArgumentException("'" + url.getHost() + "' is " + a.getHostAddress() + ", an address inside this"
                        + " network; the operator allows such webhooks with `sieve serve --webhooks-to-private`");
            }
        }
    }

    /** Makes a webhook; the secret is generated when none is given. Audited. */
    public Created create(Actor actor, URI url, Set<Event> events, String secret) {
        if (events.isEmpty()) throw new IllegalArgumentException("no events");
        String id = AlertStore.newId("wh_");
        String key = secret != null ? secret : "whsec_" + HexFormat.of().formatHex(randomBytes(24));
        Instant now = Jdbc.now();
        return audit.transact((c, drafts) -> {
            Jdbc.update(c, "INSERT INTO webhook (id, agency_id, url, events, secret, active, created_by, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)", ps -> {
                        ps.setString(1, id);
                        ps.setString(2, actor.agency());
                        ps.setString(3, url.toString());
                        ps.setString(4, labels(events));
                        ps.setString(5, key);
                        ps.setString(6, actor.keyId());
                        ps.setObject(7, Jdbc.utc(now));
                    });
            drafts.add(new AuditLog.Draft(actor, "webhook.create", id, EntityJson.write(Map.of("url", url.toString(), "events",
                    labels(events)))));
            return new Created(new Webhook(id, actor.agency(), url, events, true, actor.keyId(), now, null), key);
        });
    }

    /** Stops a webhook: no more events are written for it; its pending deliveries are dropped as failed. Audited. */
    public Webhook remove(Actor actor, String id) {
        return audit.transact((c, drafts) -> {
            Webhook w = read(c, actor.agency(), id).filter(Webhook::active)
                    .orElseThrow(() -> new NotFoundException("no webhook " + id));
            Instant now = Jdbc.now();
            Jdbc.update(c, "UPDATE webhook SET active = FALSE, removed_at = ? WHERE id = ?", ps -> {
                ps.setObject(1, Jdbc.utc(now));
                ps.setString(2, id);
            });
            Jdbc.update(c, "UPDATE webhook_delivery SET status = 'failed', last_error = 'the webhook was removed', finished_at = ?"
                    + " WHERE webhook_id = ? AND status = 'pending'", ps -> {
                        ps.setObject(1, Jdbc.utc(now));
                        ps.setString(2, id);
                    });
            drafts.add(new AuditLog.Draft(actor, "webhook.remove", id, EntityJson.write(Map.of("url", w.url().toString()))));
            return read(c, actor.agency(), id).orElseThrow();
        });
    }

    /** The agency's webhooks, removed ones included, newest first. */
    public List<Webhook> webhooks(String agency) {
        return Jdbc.query(ds, "SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE agency_id = ? ORDER BY created_at DESC, id",
                ps -> ps.setString(1, agency), WebhookStore::webhook);
    }

    /** A webhook of this agency, or empty (also when it is another agency's). */
    public Optional<Webhook> webhook(String agency, String id) {
        try (Connection c = ds.getConnection()) {
            return read(c, agency, id);
        } catch (SQLException e) {
            throw new dev.sieve.store.StoreException("cannot read webhook " + id + ": " + e.getMessage(), e);
        }
    }

    /** A webhook's latest deliveries, newest first. */
    public List<Delivery> deliveries(Webhook w, int limit) {
        return Jdbc.query(ds, "SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE webhook_id = ? ORDER BY seq DESC"
                + " LIMIT ?", ps -> {
                    ps.setString(1, w.id());
                    ps.setInt(2, limit);
                }, WebhookStore::delivery);
    }

    /**
     * Writes an event as a delivery to each active webhook of the agency that asked for it, in the caller's
     * transaction. {@code data} is what the event is about; the payload adds the delivery's id, the event, the
     * agency and the time.
     */
    static void enqueue(Connection c, String agency, Event event, Map<String, Object> data) throws SQLException {
        List<String> hooks = Jdbc.query(c, "SELECT id, events FROM webhook WHERE agency_id = ? AND active = TRUE",
                ps -> ps.setString(1, agency), rs -> parseEvents(rs.getString(2)).contains(event) ? rs.getString(1) : null);
        Instant now = Jdbc.now();
        for (String hook : hooks) {
            if (hook == null) continue;
            String id = AlertStore.newId("whd_");
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", id);
            payload.put("event", event.label());
            payload.put("agency", agency);
            payload.put("occurred_at", now.toString());
            payload.put("data", data);
            Jdbc.update(c, "INSERT INTO webhook_delivery (id, webhook_id, agency_id, event, payload, status, attempts,"
                    + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)", ps -> {
                        ps.setString(1, id);
                        ps.setString(2, hook);
                        ps.setString(3, agency);
                        ps.setString(4, event.label());
                        ps.setString(5, EntityJson.write(payload));
                        ps.setObject(6, Jdbc.utc(now));
                        ps.setObject(7, Jdbc.utc(now));
                    });
        }
    }

    /** The agencies with an active webhook asking for this event. */
    static List<String> subscribers(Connection c, Event event) throws SQLException {
        return Jdbc.query(c, "SELECT DISTINCT agency_id, events FROM webhook WHERE active = TRUE", ps -> { },
                rs -> parseEvents(rs.getString(2)).contains(event) ? rs.getString(1) : null).stream()
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** Deliveries due now, oldest first, with where to send them. */
    List<Due> due(int limit) {
        return Jdbc.query(ds, "SELECT d.seq, d.id, d.webhook_id, d.agency_id, d.event, d.payload, d.status, d.attempts,"
                + " d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.finished_at, w.url, w.secret"
                + " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id"
                + " WHERE d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.seq LIMIT ?", ps -> {
                    ps.setObject(1, Jdbc.utc(Jdbc.now()));
                    ps.setInt(2, limit);
                }, rs -> new Due(delivery(rs), URI.create(rs.getString(14)), rs.getString(15)));
    }

    /**
     * Takes a due delivery for one attempt: moves its next attempt to {@code leaseUntil}, so neither this poller
     * nor another process's sends it meanwhile (a process that dies mid-attempt leaves it due again then).
     *
     * @return whether this caller got it
     */
    boolean claim(Delivery d, Instant leaseUntil) {
        // due still: whoever moved it first got it
        return update("UPDATE webhook_delivery SET next_attempt_at = ? WHERE seq = ? AND status = 'pending' AND attempts = ?"
                + " AND next_attempt_at <= ?", ps -> {
                    ps.setObject(1, Jdbc.utc(leaseUntil));
                    ps.setLong(2, d.seq());
                    ps.setInt(3, d.attempts());
                    ps.setObject(4, Jdbc.utc(Jdbc.now()));
                }) == 1;
    }

    /** Records an attempt: delivered, to be retried at {@code retryAt}, or (retryAt null) failed for good. */
    void attempted(Delivery d, boolean delivered, Integer httpStatus, String error, Instant retryAt) {
        String status = delivered ? "delivered" : retryAt == null ? "failed" : "pending";
        Instant now = Jdbc.now();
        update("UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_status = ?,"
                + " last_error = ?, finished_at = ? WHERE seq = ? AND status = 'pending'", ps -> {
                    ps.setString(1, status);
                    ps.setObject(2, Jdbc.utc(retryAt == null ? now : retryAt));
                    if (httpStatus == null) ps.setNull(3, java.sql.Types.INTEGER);
                    else ps.setInt(3, httpStatus);
                    ps.setString(4, error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error);
                    ps.setObject(5, status.equals("pending") ? null : Jdbc.utc(now));
                    ps.setLong(6, d.seq());
                });
    }

    private int update(String sql, Jdbc.Binder binder) {
        try (Connection c = ds.getConnection()) {
            return Jdbc.update(c, sql, binder);
        } catch (SQLException e) {
            throw new dev.sieve.store.StoreException("cannot record a webhook delivery: " + e.getMessage(), e);
        }
    }

    private static Optional<Webhook> read(Connection c, String agency, String id) throws SQLException {
        return Jdbc.query(c, "SELECT " + WEBHOOK_COLUMNS + " FROM webhook WHERE id = ? AND agency_id = ?", ps -> {
            ps.setString(1, id);
            ps.setString(2, agency);
        }, WebhookStore::webhook).stream().findFirst();
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString(1), rs.getString(2), URI.create(rs.getString(3)), parseEvents(rs.getString(4)),
                rs.getBoolean(5), rs.getString(6), Jdbc.instant(rs, 7), Jdbc.instant(rs, 8));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        int last = rs.getInt(10);
        Integer lastStatus = rs.wasNull() ? null : last;
        return new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), Jdbc.instant(rs, 9), lastStatus, rs.getString(11), Jdbc.instant(rs, 12),
                Jdbc.instant(rs, 13));
    }

    private static String labels(Set<Event> events) {
        return events.stream().sorted().map(Event::label).collect(Collectors.joining(","));
    }

    private static Set<Event> parseEvents(String text) {
        Set<Event> out = EnumSet.noneOf(Event.class);
        for (String s : text.split(",")) if (!s.isBlank()) out.add(Event.parse(s.strip()));
        return out;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The events of a list of labels. */
    public static Set<Event> events(List<String> labels) {
        Set<Event> out = EnumSet.noneOf(Event.class);
        for (String l : labels) out.add(Event.parse(l));
        return out;
    }
}
