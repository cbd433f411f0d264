package dev.sieve.alerts;

import dev.sieve.model.Publication;
import dev.sieve.store.Jdbc;
import dev.sieve.store.Actor;
import dev.sieve.store.AuditLog;
import dev.sieve.store.ConflictException;
import dev.sieve.store.EntityJson;
import dev.sieve.store.ForbiddenException;
import dev.sieve.store.NotFoundException;
import dev.sieve.store.SieveStore;
import dev.sieve.store.StaleVersionException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Alerts and what happens to them. Every change (raised, assigned, reviewed, escalated, proposed, decided,
 * commented, delisted) writes the alert, a step of its history and an audit event in one transaction. An
 * alert belongs to its agency alone: every read and change is by (agency, id), and another agency's id
 * answers as one that does not exist.
 *
 * <p>A closed alert is the memory of its decision: while neither the subject's compared fields nor the
 * entity's content change, the pair does not alert again ({@link #raise}).
 */
public final class AlertStore {
    /** The key id the monitoring acts under in histories and the audit trail. */
    public static final String MONITOR_KEY = "monitor";
    public static final String ORIGIN_MONITORING = "monitoring";

    private static final String COLUMNS = "seq, id, agency_id, origin, subject_id, entity_id, entity_name, entity_source,"
            + " pair_round, subject_fingerprint, entity_fingerprint, score, state, version, assignee, proposal, proposed_by,"
            + " proposal_reason, proposed_at, decided_by, decision_reason, decided_at, previous_alert, run_id, detail,"
            + " created_at, updated_at";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] TOKEN = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final DataSource ds;
    private final AuditLog audit;

    public AlertStore(SieveStore store) {
        this.ds = store.dataSource();
        this.audit = store.audit();
    }

    /**
     * Raises an alert for each hit of {@code agency} unless its pair (origin, subject, entity) already has an
     * open one, or a closed one whose decision still holds (same fingerprints on both sides; a delisted one
     * never holds: the entity is back). A new alert after a closed one links it. In the caller's transaction.
     *
     * @return the alerts raised
     */
    List<Alert> raise(Connection c, List<AuditLog.Draft> events, Actor actor, List<Hit> hits, Long runId) throws SQLException {
        List<Alert> raised = new ArrayList<>();
        for (Hit h : hits) {
            Alert latest = Jdbc.query(c, "SELECT " + COLUMNS + " FROM alert WHERE agency_id = ? AND origin = ? AND subject_id = ?"
                    + " AND entity_id = ? ORDER BY pair_round DESC LIMIT 1", ps -> {
                        ps.setString(1, actor.agency());
                        ps.setString(2, h.origin());
                        ps.setString(3, h.subjectId());
                        ps.setString(4, h.match().id());
                    }, AlertStore::alert).stream().findFirst().orElse(null);
            if (latest != null) {
                if (!latest.state().closed()) continue;
                boolean same = latest.subjectFingerprint().equals(h.subjectFingerprint())
                        && latest.entityFingerprint().equals(h.entityFingerprint());
                if (same && latest.state() != AlertState.DELISTED) continue;
            }
            Instant now = Jdbc.now();
            String id = newId("al_");
            // an exemption covers it: raised out of the queue, with the exemption it relies on
            String exemption = dev.sieve.exemptions.Coverage.exemptionId(h.match());
            AlertState initial = exemption == null ? AlertState.OPEN : AlertState.COVERED;
            String detail = "{\"match\":" + EntityJson.write(EntityJson.shown().valueToTree(h.match()))
                    + ",\"publications\":" + Monitor.publicationsJson(foundIn(h.publications(), h.match().source()))
                    + ",\"screened_against\":" + Monitor.publicationsJson(h.publications())
                    + (h.context() == null ? "" : ",\"context\":" + h.context()) + "}";
            int round = latest == null ? 1 : latest.round() + 1;
            long seq;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (id, agency_id, origin, subject_id, entity_id,"
                    + " entity_name, entity_source, pair_round, subject_fingerprint, entity_fingerprint, score, state, version,"
                    + " previous_alert, run_id, detail, created_at, updated_at, exemption_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"seq"})) {
                ps.setString(1, id);
                ps.setString(2, actor.agency());
                ps.setString(3, h.origin());
                ps.setString(4, h.subjectId());
                ps.setString(5, h.match().id());
                ps.setString(6, Jdbc.cut(h.match().name(), 2000));
                ps.setString(7, h.match().source());
                ps.setInt(8, round);
                ps.setString(9, h.subjectFingerprint());
                ps.setString(10, h.entityFingerprint());
                ps.setDouble(11, h.match().score());
                ps.setString(12, initial.label());
                ps.setInt(13, 1);
                ps.setString(14, latest == null ? null : latest.id());
                if (runId == null) ps.setNull(15, java.sql.Types.BIGINT);
                else ps.setLong(15, runId);
                ps.setString(16, detail);
                ps.setObject(17, Jdbc.utc(now));
                ps.setObject(18, Jdbc.utc(now));
                ps.setString(19, exemption);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
            }
            String follows = latest == null ? null : "follows " + latest.id() + " (" + latest.state().label() + ")";
            String covered = exemption == null ? null : "covered by exemption " + h.match().exemption();
            step(c, seq, "created", actor.keyId(), null, initial, follows == null ? covered : covered == null ? follows
                    : follows + "; " + covered, now);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("subject", h.subjectId());
            d.put("entity", h.match().id());
            d.put("score", h.match().score());
            d.put("round", round);
            if (latest != null) d.put("previous_alert", latest.id());
            if (runId != null) d.put("run", runId);
            events.add(new AuditLog.Draft(actor, "alert.create", id, EntityJson.write(d)));
            Alert created = read(c, actor.agency(), id).orElseThrow();
            WebhookStore.enqueue(c, actor.agency(), WebhookStore.Event.ALERT_CREATED, told(created, null, null, null));
            raised.add(created);
        }
        return raised;
    }

    /** Raises alerts in a transaction of their own (see {@link #raise(Connection, List, Actor, List, Long)}). */
    public List<Alert> raise(Actor actor, List<Hit> hits) {
        return audit.transact((c, events) -> raise(c, events, actor, hits, null));
    }

    /**
     * Decides an alert that is at {@code expectedVersion}. Review and escalation apply at once (and withdraw a
     * pending proposal). A closing decision applies at once, or under four eyes is first proposed and applies
     * when another analyst makes the same decision; the proposer can never confirm it. Whether the agency works
     * under four eyes is read in the decision's own transaction, so a decision never races the setting.
     */
    public Alert decide(Actor actor, String id, int expectedVersion, Decision decision, String reason) {
        return audit.transact((c, events) -> {
            Alert a = forChange(c, actor, id, expectedVersion);
            boolean fourEyes = Jdbc.query(c, "SELECT four_eyes FROM agency WHERE id = ?", ps -> ps.setString(1, actor.agency()),
                    rs -> rs.getBoolean(1)).stream().findFirst().orElse(false);
            if (a.state().closed()) {
                throw new ConflictException("alert " + id + " is closed (" + a.state().label() + "); a closed alert is not"
                        + " decided again", "decision");
            }
            Instant now = Jdbc.now();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("decision", decision.label());
            d.put("reason", reason);
            if (!decision.closing()) {
                if (a.state() == decision.target()) {
                    throw new ConflictException("alert " + id + " is already " + a.state().label(), "decision");
                }
                Jdbc.update(c, "UPDATE alert SET state = ?, version = version + 1, proposal = NULL, proposed_by = NULL,"
                        + " proposal_reason = NULL, proposed_at = NULL, updated_at = ? WHERE seq = ?", ps -> {
                            ps.setString(1, decision.target().label());
                            ps.setObject(2, Jdbc.utc(now));
                            ps.setLong(3, a.seq());
                        });
                String note = a.proposal() == null ? reason
                        : reason + " (withdraws the proposal to close as " + a.proposal().decision().label() + ")";
                step(c, a.seq(), decision.label(), actor.keyId(), a.state(), decision.target(), note, now);
                events.add(new AuditLog.Draft(actor, "alert." + decision.label(), id, EntityJson.write(d)));
                Alert changed = read(c, actor.agency(), id).orElseThrow();
                WebhookStore.enqueue(c, actor.agency(), WebhookStore.Event.ALERT_DECIDED, told(changed, decision.label(), reason, actor.keyId()));
                return changed;
            }
            if (fourEyes && a.proposal() == null) {
                Jdbc.update(c, "UPDATE alert SET version = version + 1, proposal = ?, proposed_by = ?, proposal_reason = ?,"
                        + " proposed_at = ?, updated_at = ? WHERE seq = ?", ps -> {
                            ps.setString(1, decision.label());
                            ps.setString(2, actor.keyId());
                            ps.setString(3, reason);
                            ps.setObject(4, Jdbc.utc(now));
                            ps.setObject(5, Jdbc.utc(now));
                            ps.setLong(6, a.seq());
                        });
                step(c, a.seq(), "proposed", actor.keyId(), a.state(), a.state(), decision.label() + ": " + reason, now);
                events.add(new AuditLog.Draft(actor, "alert.propose", id, EntityJson.write(d)));
                return read(c, actor.agency(), id).orElseThrow();
            }
            if (fourEyes) {
                Alert.Proposal p = a.proposal();
                if (p.decision() != decision) {
                    throw new ConflictException("alert " + id + " has a pending proposal to close it as "
                            + p.decision().label() + ": confirm it with the same decision, or withdraw it with review or"
                            + " escalate", "decision");
                }
                if (p.by().equals(actor.keyId())) {
                    throw new ForbiddenException("four eyes: the proposal to close alert " + id + " as " + decision.label()
                            + " was made with this key; another analyst must confirm it");
                }
                d.put("proposed_by", p.by());
                d.put("proposal_reason", p.reason());
            }
            Jdbc.update(c, "UPDATE alert SET state = ?, version = version + 1, decided_by = ?, decision_reason = ?,"
                    + " decided_at = ?, updated_at = ? WHERE seq = ?", ps -> {
                        ps.setString(1, decision.target().label());
                        ps.setString(2, actor.keyId());
                        ps.setString(3, reason);
                        ps.setObject(4, Jdbc.utc(now));
                        ps.setObject(5, Jdbc.utc(now));
                        ps.setLong(6, a.seq());
                    });
            step(c, a.seq(), fourEyes ? "confirmed" : "decided", actor.keyId(), a.state(), decision.target(), reason, now);
            events.add(new AuditLog.Draft(actor, fourEyes ? "alert.confirm" : "alert.decide", id, EntityJson.write(d)));
            settleHold(c, events, actor, a);
            Alert decided = read(c, actor.agency(), id).orElseThrow();
            WebhookStore.enqueue(c, actor.agency(), WebhookStore.Event.ALERT_DECIDED, told(decided, decision.label(), reason, actor.keyId()));
            return decided;
        });
    }

    /** Assigns an open alert to one of the agency's live keys, or unassigns it (null). */
    public Alert assign(Actor actor, String id, int expectedVersion, String assignee) {
        return audit.transact((c, events) -> {
            Alert a = forChange(c, actor, id, expectedVersion);
            if (a.state().closed()) {
                throw new ConflictException("alert " + id + " is closed (" + a.state().label() + "); it is not assigned", "assignee");
            }
            if (assignee != null && Jdbc.query(c, "SELECT 1 FROM api_key WHERE id = ? AND agency_id = ? AND revoked_at IS NULL",
                    ps -> {
                        ps.setString(1, assignee);
                        ps.setString(2, actor.agency());
                    }, rs -> 1).isEmpty()) {
                throw new IllegalArgumentException("no live key '" + assignee + "' of agency " + actor.agency()
                        + " (an alert is assigned to a key id, as GET /v1/agencies/{agency}/keys lists them)");
            }
            Instant now = Jdbc.now();
            Jdbc.update(c, "UPDATE alert SET assignee = ?, version = version + 1, updated_at = ? WHERE seq = ?", ps -> {
                ps.setString(1, assignee);
                ps.setObject(2, Jdbc.utc(now));
                ps.setLong(3, a.seq());
            });
            step(c, a.seq(), assignee == null ? "unassigned" : "assigned", actor.keyId(), a.state(), a.state(), assignee, now);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("assignee", assignee);
            events.add(new AuditLog.Draft(actor, "alert.assign", id, EntityJson.write(d)));
            return read(c, actor.agency(), id).orElseThrow();
        });
    }

    /** Adds a comment to an alert's history (open or closed); the alert's state and version do not change. */
    public AlertEvent comment(Actor actor, String id, String text) {
        return audit.transact((c, events) -> {
            Alert a = read(c, actor.agency(), id).orElseThrow(() -> new NotFoundException("no alert " + id));
            Instant now = Jdbc.now();
            int n = step(c, a.seq(), "comment", actor.keyId(), a.state(), a.state(), text, now);
            events.add(new AuditLog.Draft(actor, "alert.comment", id, EntityJson.write(Map.of("comment", text))));
            return new AlertEvent(n, "comment", actor.keyId(), a.state(), a.state(), text, now);
        });
    }

    /**
     * Marks {@code delisted} the alerts on these entities (or on every entity of {@code sources}, lists that were
     * removed whole) that are not already delisted or cleared as false positives; in the caller's transaction.
     *
     * @return how many alerts were marked
     */
    int delist(Connection c, List<AuditLog.Draft> events, Collection<String> entityIds, Collection<String> sources,
               Long runId, String why) throws SQLException {
        List<Alert> affected = new ArrayList<>();
        String states = " AND state NOT IN ('delisted', 'false_positive')";
        for (String e : entityIds) {
            affected.addAll(Jdbc.query(c, "SELECT " + COLUMNS + " FROM alert WHERE entity_id = ?" + states,
                    ps -> ps.setString(1, e), AlertStore::alert));
        }
        for (String s : sources) {
            affected.addAll(Jdbc.query(c, "SELECT " + COLUMNS + " FROM alert WHERE entity_source = ?" + states,
                    ps -> ps.setString(1, s), AlertStore::alert));
        }
        Instant now = Jdbc.now();
        for (Alert a : affected) {
            Jdbc.update(c, "UPDATE alert SET state = ?, version = version + 1, updated_at = ? WHERE seq = ?", ps -> {
                ps.setString(1, AlertState.DELISTED.label());
                ps.setObject(2, Jdbc.utc(now));
                ps.setLong(3, a.seq());
            });
            step(c, a.seq(), "delisted", MONITOR_KEY, a.state(), AlertState.DELISTED, why, now);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("entity", a.entityId());
            d.put("reason", why);
            if (runId != null) d.put("run", runId);
            events.add(new AuditLog.Draft(new Actor(a.agency(), MONITOR_KEY), "alert.delist", a.id(), EntityJson.write(d)));
            settleHold(c, events, new Actor(a.agency(), MONITOR_KEY), a);
            WebhookStore.enqueue(c, a.agency(), WebhookStore.Event.ALERT_DECIDED,
                    told(read(c, a.agency(), a.id()).orElseThrow(), AlertState.DELISTED.label(), why, MONITOR_KEY));
        }
        return affected.size();
    }

    /**
     * Re-opens the alerts covered by exemptions that no longer cover anything (revoked, or past their last day): back in
     * their agency's queue, each with a history step saying why, on the audit trail, told to webhooks.
     *
     * @param stillCovers whether an exemption (by id) may still be relied on today
     * @return how many alerts were re-opened
     */
    public int reopenLapsed(java.util.function.Predicate<String> stillCovers) {
        List<String> exemptions = Jdbc.query(ds, "SELECT DISTINCT exemption_id FROM alert WHERE state = 'covered'"
                + " AND exemption_id IS NOT NULL", ps -> { }, rs -> rs.getString(1));
        List<String> lapsed = exemptions.stream().filter(e -> !stillCovers.test(e)).toList();
        if (lapsed.isEmpty()) return 0;
        return audit.transact((c, events) -> {
            int n = 0;
            for (String exemption : lapsed) {
                for (Alert a : Jdbc.query(c, "SELECT " + COLUMNS + " FROM alert WHERE exemption_id = ? AND state = 'covered'",
                        ps -> ps.setString(1, exemption), AlertStore::alert)) {
                    Instant now = Jdbc.now();
                    Jdbc.update(c, "UPDATE alert SET state = ?, version = version + 1, updated_at = ? WHERE seq = ?", ps -> {
                        ps.setString(1, AlertState.OPEN.label());
                        ps.setObject(2, Jdbc.utc(now));
                        ps.setLong(3, a.seq());
                    });
                    String why = "exemption " + exemption + " no longer covers it (revoked or expired)";
                    step(c, a.seq(), "reopened", MONITOR_KEY, AlertState.COVERED, AlertState.OPEN, why, now);
                    events.add(new AuditLog.Draft(new Actor(a.agency(), MONITOR_KEY), "alert.reopen", a.id(),
                            EntityJson.write(Map.of("exemption", exemption, "reason", why))));
                    WebhookStore.enqueue(c, a.agency(), WebhookStore.Event.ALERT_DECIDED,
                            told(read(c, a.agency(), a.id()).orElseThrow(), "reopened", why, MONITOR_KEY));
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * Notes on the alerts still in play (open, in review, escalated, covered) each measure they were raised under that no
     * longer binds (lifted, suspended), with its date and act, once: the analyst sees what changed; the alert itself
     * stays for the analyst to decide. In its own transaction, on the audit trail.
     *
     * @return how many notes were added
     */
    public int noteLiftedMeasures(dev.sieve.regimes.RegimeCatalogue catalogue, java.time.LocalDate today) {
        record Lifted(Alert alert, String note) {
        }
        List<Lifted> lifted = new ArrayList<>();
        for (Alert a : Jdbc.query(ds, "SELECT " + COLUMNS + " FROM alert WHERE state IN ('open', 'in_review', 'escalated', 'covered')",
                ps -> { }, AlertStore::alert)) {
            com.fasterxml.jackson.databind.JsonNode match;
            try {
                match = EntityJson.mapper().readTree(a.detail()).path("match");
            } catch (java.io.IOException e) {
                continue; // an unreadable detail names no measures
            }
            for (com.fasterxml.jackson.databind.JsonNode r : match.path("regimes")) {
                var regime = catalogue.regime(r.asText()).orElse(null);
                if (regime == null) continue;
                for (com.fasterxml.jackson.databind.JsonNode m : match.path("measures")) {
                    var measure = regime.measure(dev.sieve.regimes.MeasureType.of(m.asText())).orElse(null);
                    if (measure == null || measure.bindsOn(today)) continue;
                    var change = measure.on(today).orElseThrow();
                    lifted.add(new Lifted(a, m.asText() + " of " + regime.id() + " " + change.status().label() + " on " + change.date()
                            + " (" + change.act() + ")"));
                }
            }
        }
        if (lifted.isEmpty()) return 0;
        return audit.transact((c, events) -> {
            int n = 0;
            for (Lifted l : lifted) {
                boolean noted = !Jdbc.query(c, "SELECT n FROM alert_event WHERE alert_seq = ? AND action = 'measure' AND note = ?", ps -> {
                    ps.setLong(1, l.alert().seq());
                    ps.setString(2, l.note());
                }, rs -> rs.getInt(1)).isEmpty();
                if (noted) continue;
                step(c, l.alert().seq(), "measure", MONITOR_KEY, l.alert().state(), l.alert().state(), l.note(), Jdbc.now());
                events.add(new AuditLog.Draft(new Actor(l.alert().agency(), MONITOR_KEY), "alert.measure", l.alert().id(),
                        EntityJson.write(Map.of("change", l.note()))));
                n++;
            }
            return n;
        });
    }

    /** An alert as a webhook tells of it: what it is, where it stands, and the decision that moved it (when one did). */
    private static Map<String, Object> told(Alert a, String decision, String reason, String by) {
        Map<String, Object> m = a.summary();
        if (decision != null) {
            m.put("decision", decision);
            m.put("reason", reason);
            m.put("by", by);
        }
        if (a.previousAlert() != null) m.put("previous_alert", a.previousAlert());
        return m;
    }

    /** A closed alert of a held payment or traveller may settle it (released or rejected). */
    private static void settleHold(Connection c, List<AuditLog.Draft> events, Actor actor, Alert a) throws SQLException {
        var kind = HoldStore.kindOf(a.origin());
        if (kind.isPresent()) HoldStore.settle(c, events, actor, kind.get(), a.subjectId());
    }

    /** An alert of this agency, or empty (also when it is another agency's). */
    public Optional<Alert> alert(String agency, String id) {
        try (Connection c = ds.getConnection()) {
            return read(c, agency, id);
        } catch (SQLException e) {
            throw new dev.sieve.store.StoreException("cannot read alert " + id + ": " + e.getMessage(), e);
        }
    }

    /** An alert's history, oldest first. */
    public List<AlertEvent> history(Alert a) {
        return Jdbc.query(ds, "SELECT n, action, key_id, from_state, to_state, note, at FROM alert_event WHERE alert_seq = ?"
                + " ORDER BY n", ps -> ps.setLong(1, a.seq()), rs -> new AlertEvent(rs.getInt(1), rs.getString(2),
                rs.getString(3), state(rs.getString(4)), state(rs.getString(5)), rs.getString(6), Jdbc.instant(rs, 7)));
    }

    /**
     * What a head of compliance looks at: an agency's alerts counted by state, the ones still in play by age, and the
     * closing decisions of each of the last {@code days} days (UTC), oldest day first.
     */
    public record Summary(Map<String, Integer> byState, Map<String, Integer> inPlayByAge, List<DayCount> decisionsPerDay) {
    }

    /** The closing decisions taken on one day. */
    public record DayCount(java.time.LocalDate day, int trueMatch, int falsePositive) {
    }

    /** Age buckets of alerts in play: under a day, a week, a month, and older. */
    private static final List<Map.Entry<String, java.time.Duration>> AGES = List.of(
            Map.entry("under_1_day", java.time.Duration.ofDays(1)), Map.entry("1_to_7_days", java.time.Duration.ofDays(7)),
            Map.entry("7_to_30_days", java.time.Duration.ofDays(30)));

    /** Every agency's alerts counted by state (for the service's metrics, which name no agency). */
    public Map<String, Integer> countsByState() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (AlertState st : AlertState.values()) out.put(st.label(), 0);
        Jdbc.query(ds, "SELECT state, COUNT(*) FROM alert GROUP BY state", ps -> { }, rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    public Summary summary(String agency, Instant now, int days) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (AlertState s : AlertState.values()) byState.put(s.label(), 0);
        Jdbc.query(ds, "SELECT state, COUNT(*) FROM alert WHERE agency_id = ? GROUP BY state", ps -> ps.setString(1, agency),
                rs -> byState.put(rs.getString(1), rs.getInt(2)));
        // counted by the database: an agency may have many thousands of alerts in play
        Map<String, Integer> byAge = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT");
        for (var age : AGES) sql.append(" SUM(CASE WHEN created_at > ? THEN 1 ELSE 0 END),");
        sql.append(" COUNT(*) FROM alert WHERE agency_id = ? AND state IN ('open', 'in_review', 'escalated')");
        Jdbc.query(ds, sql.toString(), ps -> {
            int i = 1;
            for (var age : AGES) ps.setObject(i++, Jdbc.utc(now.minus(age.getValue())));
            ps.setString(i, agency);
        }, rs -> {
            int younger = 0;
            for (int i = 0; i < AGES.size(); i++) {
                int within = rs.getInt(i + 1); // younger than this age: includes the buckets before it
                byAge.put(AGES.get(i).getKey(), within - younger);
                younger = within;
            }
            byAge.put("over_30_days", rs.getInt(AGES.size() + 1) - younger);
            return null;
        });
        java.time.LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        java.time.LocalDate first = today.minusDays(days - 1L);
        Map<java.time.LocalDate, int[]> perDay = new java.util.TreeMap<>();
        for (java.time.LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) perDay.put(d, new int[2]);
        Jdbc.query(ds, "SELECT decided_at, state FROM alert WHERE agency_id = ? AND decided_at >= ? AND state IN ('true_match', 'false_positive')",
                ps -> {
                    ps.setString(1, agency);
                    ps.setObject(2, Jdbc.utc(first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
                }, rs -> {
                    int[] c = perDay.get(Jdbc.instant(rs, 1).atZone(java.time.ZoneOffset.UTC).toLocalDate());
                    if (c != null) c[rs.getString(2).equals("true_match") ? 0 : 1]++;
                    return c;
                });
        List<DayCount> decisions = new ArrayList<>();
        perDay.forEach((d, c) -> decisions.add(new DayCount(d, c[0], c[1])));
        return new Summary(byState, byAge, decisions);
    }

    /** A page of an agency's alerts, newest first. */
    public List<Alert> alerts(String agency, AlertFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alert WHERE agency_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(agency);
        if (f.state() != null) {
            sql.append(" AND state = ?");
            args.add(f.state().label());
        }
        if (f.subject() != null) {
            sql.append(" AND subject_id = ?");
            args.add(f.subject());
        }
        if (f.entity() != null) {
            sql.append(" AND entity_id = ?");
            args.add(f.entity());
        }
        if (f.origin() != null) {
            sql.append(" AND origin = ?");
            args.add(f.origin());
        }
        if (f.assignee() != null) {
            sql.append(" AND assignee = ?");
            args.add(f.assignee());
        }
        if (f.since() != null) {
            sql.append(" AND created_at >= ?");
            args.add(Jdbc.utc(f.since()));
        }
        if (f.before() != null) {
            sql.append(" AND seq < ?");
            args.add(f.before());
        }
        // newest first, written as the order of the index the filter's equalities lead into (agency and state, or
        // subject): H2 then walks that index from the cursor and stops after a page, instead of sorting every match
        sql.append(f.state() != null ? " ORDER BY agency_id DESC, state DESC, seq DESC"
                : f.subject() != null ? " ORDER BY agency_id DESC, subject_id DESC, seq DESC" : " ORDER BY agency_id DESC, seq DESC");
        sql.append(" LIMIT ?");
        args.add(f.limit());
        return Jdbc.query(ds, sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
        }, AlertStore::alert);
    }

    /** The alert, locked until the transaction ends (two analysts deciding at once are serialised), at the version expected. */
    private static Alert forChange(Connection c, Actor actor, String id, int expectedVersion) throws SQLException {
        Alert a = Jdbc.query(c, "SELECT " + COLUMNS + " FROM alert WHERE id = ? AND agency_id = ? FOR UPDATE", ps -> {
            ps.setString(1, id);
            ps.setString(2, actor.agency());
        }, AlertStore::alert).stream().findFirst().orElseThrow(() -> new NotFoundException("no alert " + id));
        if (a.version() != expectedVersion) {
            throw new StaleVersionException("alert " + id + " is at version " + a.version() + ", not " + expectedVersion
                    + ": it was changed since you read it", a.version());
        }
        return a;
    }

    private static Optional<Alert> read(Connection c, String agency, String id) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM alert WHERE id = ? AND agency_id = ?", ps -> {
            ps.setString(1, id);
            ps.setString(2, agency);
        }, AlertStore::alert).stream().findFirst();
    }

    /** Appends a step to an alert's history; returns its number. */
    private static int step(Connection c, long seq, String action, String keyId, AlertState from, AlertState to, String note,
                            Instant at) throws SQLException {
        int n = Jdbc.query(c, "SELECT COALESCE(MAX(n), 0) + 1 FROM alert_event WHERE alert_seq = ?", ps -> ps.setLong(1, seq),
                rs -> rs.getInt(1)).getFirst();
        Jdbc.update(c, "INSERT INTO alert_event (alert_seq, n, action, key_id, from_state, to_state, note, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, seq);
                    ps.setInt(2, n);
                    ps.setString(3, action);
                    ps.setString(4, keyId);
                    ps.setString(5, from == null ? null : from.label());
                    ps.setString(6, to == null ? null : to.label());
                    ps.setString(7, note == null ? null : Jdbc.cut(note, 4000));
                    ps.setObject(8, Jdbc.utc(at));
                });
        return n;
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        String proposal = rs.getString(16);
        long run = rs.getLong(24);
        Long runId = rs.wasNull() ? null : run;
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getDouble(12),
                AlertState.parse(rs.getString(13)), rs.getInt(14), rs.getString(15),
                proposal == null ? null : new Alert.Proposal(Decision.parse(proposal), rs.getString(17), rs.getString(18),
                        Jdbc.instant(rs, 19)),
                rs.getString(20), rs.getString(21), Jdbc.instant(rs, 22), rs.getString(23), runId, rs.getString(25),
                Jdbc.instant(rs, 26), Jdbc.instant(rs, 27));
    }

    private static AlertState state(String label) {
        return label == null ? null : AlertState.parse(label);
    }

    /** A random id with a prefix naming what it is ({@code al_}, {@code pay_}): unguessable, so ids leak nothing. */
    /**
     * Where an alert's entity was found: the screened publications of its list (none for a databank entry, which is in
     * no publication). An alert names these; the detail keeps every publication screened against beside them.
     */
    static List<Publication> foundIn(List<Publication> screened, String source) {
        return screened.stream().filter(p -> p.source().equals(source)).toList();
    }

    static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 16; i++) id.append(TOKEN[RANDOM.nextInt(TOKEN.length)]);
        return id.toString();
    }

}
