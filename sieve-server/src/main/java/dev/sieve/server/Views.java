package dev.sieve.server;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.sieve.model.DatabankEntry;
import dev.sieve.model.Entity;
import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import dev.sieve.model.StoredEntity;
import dev.sieve.parties.Parties;
import dev.sieve.screening.ScreeningService;
import dev.sieve.model.Topics;
import dev.sieve.store.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's response documents. */
final class Views {
    private Views() {
    }

    record PublicationView(long id, String source, String format, Instant publishedAt, String dateSource,
                           Instant effectiveAt, Instant loadedAt, String sha256, int recordCount, int rejectedCount) {
        static PublicationView of(Publication p) {
            return new PublicationView(p.id(), p.source(), p.format(), p.publishedAt(), p.dateSource(), p.effectiveAt(),
                    p.loadedAt(), p.sha256(), p.recordCount(), p.rejectedCount());
        }
    }

    static List<PublicationView> publications(List<Publication> ps) {
        return ps.stream().map(PublicationView::of).toList();
    }

    private record Written(List<Publication> publications, RawValue json) {
    }

    private static volatile Written lastWritten = new Written(List.of(), new RawValue("[]"));

    /**
     * The publications an index was built from, as JSON, written once per index: every screening
     * answer carries them, and an index keeps the same list object until it is replaced.
     */
    static RawValue publicationsJson(List<Publication> ps) {
        Written last = lastWritten;
        if (last.publications() != ps) {
            last = new Written(ps, new RawValue(ApiJson.write(publications(ps))));
            lastWritten = last;
        }
        return last.json();
    }

    record ScreenResult(List<Match> matches, String summary, List<PartyView> parties, RawValue publications,
                        long auditEvent) {
    }

    record BatchItem(String id, List<Match> matches, String summary, List<PartyView> parties) {
    }

    /** The alerts of one party: the listings that alerted (best first) and its other listings. */
    record PartyView(String party, double score, List<String> listings, List<String> otherListings) {
        static List<PartyView> of(ScreeningService.Result r) {
            return r.groups().stream().map(g -> new PartyView(g.party(), g.score(),
                    g.listings().stream().map(Match::id).toList(), g.otherListings())).toList();
        }
    }

    record BatchResult(List<BatchItem> results, RawValue publications, long auditEvent) {
    }

    /** A listed entity with its history in the lists. */
    record ListedEntityView(Entity entity, String kind, List<String> topics, String party,
                            List<OtherListing> otherListings, PublicationView publication,
                            PublicationView firstSeen, PublicationView lastSeen, boolean delisted, List<Object> regimes) {
        static ListedEntityView of(StoredEntity s, Parties parties) {
            String id = s.entity().id();
            List<OtherListing> others = new ArrayList<>();
            for (Parties.Link l : parties.linksOf(id)) {
                others.add(new OtherListing(l.from().equals(id) ? l.to() : l.from(), l.rule(), l.evidence(), l.agreement()));
            }
            // listings joined through a third one have no direct link to this one
            for (String other : parties.listingsWith(id)) {
                if (!other.equals(id) && others.stream().noneMatch(o -> o.id().equals(other))) {
                    others.add(new OtherListing(other, "same party", "linked through another listing of the party", null));
                }
            }
            return new ListedEntityView(s.entity(), "list", Topics.of(s.entity()), parties.partyOf(id), others,
                    PublicationView.of(s.publication()), PublicationView.of(s.firstSeen()), PublicationView.of(s.lastSeen()),
                    s.delisted(), EntityHandlers.regimes(s.entity(), java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
        }
    }

    /** Another listing of the same party, and why they are linked. */
    record OtherListing(String id, String rule, String evidence, String agreement) {
    }

    /** A databank entry; the sharing is shown only to its owner. */
    record EntryView(Entity entity, String kind, List<String> topics, String agency, int version, boolean delisted,
                     Object sharing, String reason, Instant createdAt, Instant updatedAt) {
        static EntryView of(DatabankEntry e, String viewer) {
            boolean owner = e.agency().equals(viewer);
            Object sharing = switch (e.sharing().kind()) {
                case PRIVATE -> "private";
                case ALL -> "all";
                case AGENCIES -> e.sharing().agencies().stream().sorted().toList();
            };
            return new EntryView(e.entity(), "databank", Topics.of(e.entity()), e.agency(), e.version(), e.delisted(), owner ? sharing : null,
                    owner ? e.reason() : null, e.createdAt(), e.updatedAt());
        }
    }

    record SearchHit(String id, String name, String schema, String source) {
    }

    record SearchResult(List<SearchHit> results, int limit, int offset) {
    }

    record AuditView(long seq, Instant at, String agency, String keyId, String action, String target, Object detail,
                     String prevHash, String hash, String subjectAgency, String requestId) {
        static AuditView of(AuditEvent e) {
            Object detail;
            try {
                detail = ApiJson.MAPPER.readTree(e.detail());
            } catch (java.io.IOException ex) {
                detail = e.detail();
            }
            return new AuditView(e.seq(), e.at(), e.agency(), e.keyId(), e.action(), e.target(), detail, e.prevHash(), e.hash(),
                    e.subjectAgency(), e.requestId());
        }
    }

    /** A monitored subject as its agency sees it. */
    static final class SubjectView {
        private SubjectView() {
        }

        static Map<String, Object> of(dev.sieve.alerts.Subject s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("external_id", s.externalId());
            m.put("version", s.version());
            m.put("monitored", s.active());
            s.data().fields(true).forEach((k, v) -> {
                if (v != null) m.put(k, v);
            });
            m.put("fingerprint", s.fingerprint());
            m.put("created_at", s.createdAt());
            m.put("updated_at", s.updatedAt());
            return m;
        }
    }

    static Map<String, Object> screening(dev.sieve.alerts.SubjectStore.Screening s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.kind());
        if (s.runId() != null) m.put("run", s.runId());
        m.put("subject_version", s.subjectVersion());
        m.put("at", s.at());
        m.put("publications", json(s.publications()));
        m.put(s.runId() == null ? "matches" : "alerts_raised_on", s.entities());
        return m;
    }

    /** An alert; with its history when one alert is read. */
    static final class AlertView {
        private AlertView() {
        }

        static Map<String, Object> of(dev.sieve.alerts.Alert a, List<dev.sieve.alerts.AlertEvent> history) {
            Map<String, Object> m = a.summary();
            if (a.assignee() != null) m.put("assignee", a.assignee());
            if (a.proposal() != null) {
                m.put("proposal", map("decision", a.proposal().decision().label(), "proposed_by", a.proposal().by(),
                        "reason", a.proposal().reason(), "proposed_at", a.proposal().at()));
            }
            if (a.decidedBy() != null) {
                m.put("decision", map("decision", a.state().label(), "decided_by", a.decidedBy(), "reason", a.decisionReason(),
                        "decided_at", a.decidedAt()));
            }
            if (a.previousAlert() != null) m.put("previous_alert", a.previousAlert());
            if (a.runId() != null) m.put("monitoring_run", a.runId());
            var detail = json(a.detail());
            m.put("match", detail.get("match"));
            m.put("publications", detail.get("publications"));
            if (detail.has("screened_against")) m.put("screened_against", detail.get("screened_against"));
            if (detail.has("context")) m.put("context", detail.get("context"));
            m.put("created_at", a.createdAt());
            m.put("updated_at", a.updatedAt());
            if (history != null) m.put("history", history.stream().map(AlertEventView::of).toList());
            return m;
        }
    }

    /** A held payment or traveller: what became of it, its alerts, and the hits earlier decisions covered. */
    static final class HoldView {
        private HoldView() {
        }

        /** As the screening answers it: the alerts raised (ids) and the hits covered. */
        static Map<String, Object> opened(dev.sieve.alerts.HoldStore.Opened o) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.hold().id());
            m.put("status", o.hold().status().label());
            m.put("alerts", o.raised().stream().map(a -> map("id", a.id(), "entity_id", a.entityId(), "score", a.score())).toList());
            m.put("covered", o.covered().stream().map(c -> map("entity_id", c.entityId(), "field", c.field(), "alert",
                    c.alertId())).toList());
            return m;
        }

        static Map<String, Object> of(dev.sieve.alerts.HoldStore.Hold h, List<dev.sieve.alerts.Alert> alerts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("kind", h.kind().label());
            m.put("status", h.status().label());
            m.put("message", h.message());
            m.put("reference", h.reference());
            var detail = json(h.detail());
            m.put("screened", detail.get("screened"));
            m.put("covered", detail.get("covered"));
            if (h.settledAt() != null) {
                m.put("settled", map("by", h.settledBy(), "note", h.settledNote(), "at", h.settledAt()));
            }
            m.put("created_at", h.createdAt());
            if (alerts != null) {
                m.put("alerts", alerts.stream().map(a -> map("id", a.id(), "entity_id", a.entityId(), "entity_name",
                        a.entityName(), "score", a.score(), "state", a.state().label())).toList());
            }
            return m;
        }
    }

    static final class AlertEventView {
        private AlertEventView() {
        }

        static Map<String, Object> of(dev.sieve.alerts.AlertEvent e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", e.n());
            m.put("action", e.action());
            m.put("by", e.keyId());
            if (e.fromState() != null) m.put("from_state", e.fromState().label());
            if (e.toState() != null) m.put("to_state", e.toState().label());
            if (e.note() != null) m.put("note", e.note());
            m.put("at", e.at());
            return m;
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return ApiJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A path segment, percent-encoded (a subject's id is the agency's own and may hold '/' or spaces). */
    static String pathSegment(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
