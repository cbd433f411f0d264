package dev.sieve.server;

import dev.sieve.alerts.HoldStore;
import dev.sieve.alerts.Monitor;
import dev.sieve.channels.payment.Payment;
import dev.sieve.exemptions.Coverage;
import dev.sieve.exemptions.Exemption;
import dev.sieve.exemptions.ExemptionStore;
import dev.sieve.regimes.Action;
import dev.sieve.channels.payment.PaymentFormatException;
import dev.sieve.channels.payment.PaymentReader;
import dev.sieve.channels.payment.PaymentScreening;
import dev.sieve.channels.travel.Manifest;
import dev.sieve.channels.travel.ManifestFormatException;
import dev.sieve.channels.travel.ManifestScreening;
import dev.sieve.channels.travel.ManifestReader;
import dev.sieve.model.Match;
import dev.sieve.model.Publication;
import dev.sieve.model.ScreeningQuery;
import dev.sieve.screening.ScreeningService;
import dev.sieve.store.AuditLog;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /v1/screen}, {@code /v1/screen/batch}, payments and manifests. A screening is answered only once
 * its audit event is durable: an alert nobody can later account for is worse than a late one. A payment or
 * traveller that hits is held, its hits alerts to decide ({@link HoldStore}), before the answer.
 */
final class ScreeningHandlers {
    private final ScreeningService screening;
    private final AuditLog audit;
    private final Auth auth;
    private final ServerMetrics metrics;
    private final HoldStore holds;
    private final ExemptionStore exemptions;
    private final HeavyLane heavy = HeavyLane.forThisMachine();

    ScreeningHandlers(ScreeningService screening, HoldStore holds, ExemptionStore exemptions, AuditLog audit, Auth auth,
                      ServerMetrics metrics) {
        this.screening = screening;
        this.holds = holds;
        this.exemptions = exemptions;
        this.audit = audit;
        this.auth = auth;
        this.metrics = metrics;
    }

    void register(RouteTable routes) {
        routes.post("/v1/screen", this::screen);
        routes.post("/v1/screen/batch", this::batch);
        routes.post("/v1/screen/payment", this::payment);
        routes.post("/v1/screen/manifest", this::manifest);
    }

    /** A PAXLST passenger manifest as sent: the flight legs and a verdict per traveller. */
    private void manifest(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        Manifest manifest;
        try {
            manifest = ManifestReader.read("the manifest", message(ctx, "the PAXLST manifest"));
        } catch (ManifestFormatException e) {
            throw ApiException.badRequest(null, e.getMessage());
        }
        ScreeningService.Snapshot lists = screening.snapshot();
        ScreeningService.DatabankSnapshot databank = screening.databankSnapshot();
        List<Publication> publications = lists.publications();
        List<ManifestScreening.Result> results = heavy.run(() -> new ManifestScreening(q -> screening.screen(q, caller.agency()).matches())
                .screen(manifest)).stream().map(r -> covered(r, caller.agency())).toList();
        List<HoldStore.Item> items = new ArrayList<>();
        for (ManifestScreening.Result r : results) {
            Manifest.Traveller t = r.traveller();
            List<String> documents = t.documents().stream().map(Manifest.Document::number).filter(java.util.Objects::nonNull).sorted().toList();
            String fingerprint = HoldStore.fingerprint(t.fullName(), String.valueOf(t.birthDate()), t.nationality(),
                    String.join(" ", documents));
            List<HoldStore.Finding> findings = r.alerts().stream().map(m -> new HoldStore.Finding("traveller", t.fullName(),
                    fingerprint, m, Monitor.entityFingerprint(m.id(), lists, databank))).toList();
            items.add(new HoldStore.Item(HoldStore.Kind.TRAVELLER, manifest.reference(), t.fullName(), Views.map("segment",
                    t.segment(), "name", t.fullName(), "birth_date", t.birthDate(), "nationality", t.nationality(), "documents",
                    documents), findings));
        }
        List<HoldStore.Opened> held = hold(caller, items, publications);
        List<Object> travellers = new ArrayList<>();
        List<Object> audited = new ArrayList<>();
        int alerts = 0;
        for (int i = 0; i < results.size(); i++) {
            ManifestScreening.Result r = results.get(i);
            alerts += r.alerts().size();
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("traveller", r.traveller());
            t.put("verdict", r.verdict().label());
            if (r.action() != null) t.put("action", r.action());
            if (r.problem() != null) t.put("problem", r.problem());
            t.put("alerts", r.alerts());
            if (held.get(i) != null) t.put("hold", Views.HoldView.opened(held.get(i)));
            travellers.add(t);
            if (!r.alerts().isEmpty() || r.problem() != null) {
                audited.add(Views.map("segment", r.traveller().segment(), "name", r.traveller().fullName(), "verdict",
                        r.verdict().label(), "alerts", r.alerts().stream().map(Match::id).toList()));
            }
        }
        metrics.screened(results.size(), alerts);
        long seq = appendEvent(caller, "screen.manifest", manifest.reference(), Views.map("legs", manifest.legs(),
                "travellers", results.size(), "not_clear", audited,
                "publications", publications.stream().map(Publication::id).toList()));
        ApiJson.send(ctx, Views.map("manifest", manifest.reference(), "legs", manifest.legs(), "travellers", travellers,
                "publications", Views.publicationsJson(publications), "audit_event", seq));
    }

    /** A screening's matches with the exemptions of the agency that cover them today (none asked of the dealing). */
    private ScreeningService.Result covered(ScreeningService.Result r, String agency) {
        if (r.matches().isEmpty()) return r;
        List<Match> out = coveredToday(r.matches(), agency);
        return out == r.matches() ? r : new ScreeningService.Result(out, r.publications(), r.partiesOf());
    }

    private List<Match> coveredToday(List<Match> matches, String agency) {
        return Coverage.ofScreening(exemptions.visibleTo(agency), matches, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** A traveller's alerts with the exemptions that cover them; its action the strongest left. */
    private ManifestScreening.Result covered(ManifestScreening.Result r, String agency) {
        if (r.alerts().isEmpty()) return r;
        List<Match> alerts = coveredToday(r.alerts(), agency);
        return new ManifestScreening.Result(r.traveller(), r.verdict(), alerts, r.problem(), Action.strongest(alerts));
    }

    /** What a payment's cited licences and the agency's exemptions cover, on its value date (today without one). */
    private static Coverage.PaymentCover cover(PaymentScreening.Result r, List<Exemption> visible) {
        Payment p = r.payment();
        java.time.LocalDate day = p.amount().valueDate() != null ? p.amount().valueDate()
                : java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return Coverage.ofPayment(visible, r.alerts().stream().map(PaymentScreening.Alert::match).toList(), day,
                p.parties().stream().map(Payment.Party::name).toList(), p.texts().stream().map(Payment.Text::text).toList(),
                p.amount().currency(), p.amount().value());
    }

    private static PaymentScreening.Result covered(PaymentScreening.Result r, Coverage.PaymentCover cover) {
        if (r.alerts().isEmpty()) return r;
        List<PaymentScreening.Alert> alerts = new ArrayList<>();
        for (int i = 0; i < r.alerts().size(); i++) {
            PaymentScreening.Alert a = r.alerts().get(i);
            alerts.add(cover.covering().get(i).map(e -> new PaymentScreening.Alert(a.field(), a.screened(), Coverage.covered(a.match(), e)))
                    .orElse(a));
        }
        return new PaymentScreening.Result(r.payment(), r.verdict(), alerts, r.problem(),
                Action.strongest(alerts.stream().map(PaymentScreening.Alert::match).toList()));
    }

    /** The body of a message sent as is (not JSON), refused when empty. */
    private static String message(Context ctx, String what) {
        byte[] body = ApiJson.body(ctx, ApiJson.MAX_BODY);
        if (body.length == 0) throw ApiException.badRequest(null, "the request body is empty; send " + what);
        try {
            return dev.sieve.channels.text.TextDecoding.message(body, what);
        } catch (IllegalArgumentException e) {
            // never screen a name with replacement characters in it
            throw ApiException.badRequest(null, "could not screen: " + e.getMessage());
        }
    }

    /** A payment message (ISO 20022 XML or SWIFT MT, as sent): a verdict per payment in it. */
    private void payment(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        List<Payment> payments;
        try {
            payments = PaymentReader.read("the message", message(ctx, "the payment message"));
        } catch (PaymentFormatException e) {
            throw ApiException.badRequest(null, e.getMessage());
        }
        ScreeningService.Snapshot lists = screening.snapshot();
        ScreeningService.DatabankSnapshot databank = screening.databankSnapshot();
        List<Publication> publications = lists.publications();
        PaymentScreening channel = new PaymentScreening(q -> screening.screen(q, caller.agency()).matches(),
                screening::mayBeNamePart);
        List<Map<String, Object>> out = new ArrayList<>();
        List<Object> audited = new ArrayList<>();
        int alerts = 0;
        List<PaymentScreening.Result> uncovered = heavy.run(() -> payments.stream().map(channel::screen).toList());
        List<Exemption> visible = exemptions.visibleTo(caller.agency());
        List<Coverage.PaymentCover> covers = new ArrayList<>();
        List<PaymentScreening.Result> screened = new ArrayList<>();
        for (PaymentScreening.Result r : uncovered) {
            Coverage.PaymentCover cover = cover(r, visible);
            covers.add(cover);
            screened.add(covered(r, cover));
        }
        List<HoldStore.Item> items = new ArrayList<>();
        for (PaymentScreening.Result r : screened) {
            Payment p = r.payment();
            List<HoldStore.Finding> findings = r.alerts().stream().map(a -> new HoldStore.Finding(a.field(), a.screened(),
                    HoldStore.fingerprint(a.screened()), a.match(), Monitor.entityFingerprint(a.match().id(), lists, databank))).toList();
            items.add(new HoldStore.Item(HoldStore.Kind.PAYMENT, p.message(), p.reference(), Views.map("format", p.format(),
                    "parties", p.parties()), findings));
        }
        List<HoldStore.Opened> held = hold(caller, items, publications);
        for (int i = 0; i < payments.size(); i++) {
            Payment p = payments.get(i);
            PaymentScreening.Result r = screened.get(i);
            alerts += r.alerts().size();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message", p.message());
            m.put("format", p.format());
            m.put("reference", p.reference());
            m.put("verdict", r.verdict().name().toLowerCase(java.util.Locale.ROOT));
            if (r.action() != null) m.put("action", r.action());
            if (r.problem() != null) m.put("problem", r.problem());
            m.put("parties", p.parties());
            m.put("alerts", r.alerts());
            if (!covers.get(i).citations().isEmpty()) m.put("licences", covers.get(i).citations());
            if (held.get(i) != null) m.put("hold", Views.HoldView.opened(held.get(i)));
            out.add(m);
            audited.add(Views.map("message", p.message(), "verdict", m.get("verdict"), "alerts",
                    r.alerts().stream().map(a -> Views.map("field", a.field(), "id", a.match().id(), "score", a.match().score())).toList()));
        }
        metrics.screened(payments.size(), alerts);
        long seq = appendEvent(caller, "screen.payment", payments.getFirst().message(),
                Views.map("payments", audited, "publications", publications.stream().map(Publication::id).toList()));
        ApiJson.send(ctx, Views.map("payments", out, "publications", Views.publicationsJson(publications), "audit_event", seq));
    }

    /** Holds the items that hit, raising their alerts, in one transaction; null for an item that did not hit. */
    private List<HoldStore.Opened> hold(Auth.Caller caller, List<HoldStore.Item> items, List<Publication> publications) {
        if (items.stream().allMatch(i -> i.findings().isEmpty())) return java.util.Collections.nCopies(items.size(), null);
        return holds.open(caller.actor(), items, publications);
    }

    private void screen(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        Requests.ScreenBody body = ApiJson.read(ctx, Requests.ScreenBody.class);
        ScreeningQuery query = Requests.query(body, "");
        long started = System.nanoTime();
        ScreeningService.Result r = covered(screening.screen(query, caller.agency()), caller.agency());
        metrics.screening(System.nanoTime() - started, r.matches().stream().anyMatch(Match::alert));
        metrics.screened(1, r.matches().size());
        long seq = record(caller, "screen", List.of(body), List.of(r.matches()), r.publications());
        ApiJson.send(ctx, new Views.ScreenResult(r.matches(), r.describe(), Views.PartyView.of(r),
                Views.publicationsJson(r.publications()), seq));
    }

    private void batch(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        Requests.BatchBody body = ApiJson.read(ctx, Requests.BatchBody.class);
        if (body.queries() == null) throw ApiException.badRequest("queries", "field 'queries' is required (an array of queries)");
        if (body.queries().isEmpty()) throw ApiException.badRequest("queries", "field 'queries' is empty");
        if (body.queries().size() > Requests.MAX_BATCH) {
            throw ApiException.badRequest("queries", "field 'queries' holds " + body.queries().size()
                    + " queries; a batch takes at most " + Requests.MAX_BATCH);
        }
        // check every query before screening any
        List<ScreeningQuery> queries = new ArrayList<>();
        for (int i = 0; i < body.queries().size(); i++) {
            Requests.ScreenBody q = body.queries().get(i);
            if (q == null) throw ApiException.badRequest("queries[" + i + "]", "field 'queries[" + i + "]' is null");
            queries.add(Requests.query(q, "queries[" + i + "]."));
        }
        List<Views.BatchItem> items = new ArrayList<>();
        List<List<Match>> results = new ArrayList<>();
        List<Publication> publications = List.of();
        int alerts = 0;
        List<ScreeningService.Result> screened = heavy.run(() -> queries.stream().map(q -> covered(screening.screen(q, caller.agency()),
                caller.agency())).toList());
        for (int i = 0; i < queries.size(); i++) {
            ScreeningService.Result r = screened.get(i);
            publications = r.publications();
            String id = body.queries().get(i).id() != null ? body.queries().get(i).id() : String.valueOf(i);
            items.add(new Views.BatchItem(id, r.matches(), r.describe(), Views.PartyView.of(r)));
            results.add(r.matches());
            alerts += r.matches().size();
        }
        metrics.screened(queries.size(), alerts);
        long seq = record(caller, "screen.batch", body.queries(), results, publications);
        ApiJson.send(ctx, new Views.BatchResult(items, Views.publicationsJson(publications), seq));
    }

    private long record(Auth.Caller caller, String action, List<Requests.ScreenBody> queries, List<List<Match>> results,
                        List<Publication> publications) {
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("query", queries.get(i));
            e.put("results", results.get(i).stream().map(m -> Views.map("id", m.id(), "score", m.score())).toList());
            entries.add(e);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("screenings", entries);
        detail.put("publications", publications.stream().map(Publication::id).toList());
        String target = queries.size() == 1 ? queries.getFirst().name() : null;
        return appendEvent(caller, action, target, detail);
    }

    /** Appends the screening's audit event and waits until it is durable. */
    private long appendEvent(Auth.Caller caller, String action, String target, Object detail) {
        return ScreeningAudit.append(audit, caller, action, target, detail);
    }
}
