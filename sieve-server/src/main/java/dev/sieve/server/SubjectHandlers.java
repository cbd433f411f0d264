package dev.sieve.server;

import dev.sieve.alerts.Alert;
import dev.sieve.alerts.Monitor;
import dev.sieve.alerts.Subject;
import dev.sieve.alerts.SubjectStore;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * An agency's monitored subjects: {@code PUT}, {@code GET}, {@code DELETE /v1/subjects/{external_id}} and
 * {@code GET /v1/subjects/{external_id}/screenings}. A PUT screens the subject before it answers; its alerts
 * are in the answer and in {@code /v1/alerts}. Another agency's subject answers as one that does not exist.
 */
final class SubjectHandlers {
    private final Monitor monitor;
    private final Auth auth;

    SubjectHandlers(Monitor monitor, Auth auth) {
        this.monitor = monitor;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.put("/v1/subjects/{external_id}", this::put);
        routes.get("/v1/subjects/{external_id}", this::get);
        routes.delete("/v1/subjects/{external_id}", this::delete);
        routes.get("/v1/subjects/{external_id}/screenings", this::screenings);
    }

    private void put(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = Requests.externalId(ctx.pathParam("external_id"));
        var data = Requests.subject(ApiJson.read(ctx, Requests.SubjectBody.class));
        Monitor.Enrolment e = monitor.enrol(caller.actor(), id, data);
        ctx.status(e.created() ? 201 : 200).header("ETag", IfMatch.etag(e.subject().version()));
        if (e.created()) ctx.header("Location", "/v1/subjects/" + Views.pathSegment(id));
        Map<String, Object> out = Views.SubjectView.of(e.subject());
        out.put("screening", Views.map("matches", e.matches(), "alerts_raised", e.raised().stream().map(Alert::id).toList(),
                "publications", Views.publicationsJson(e.publications())));
        ApiJson.send(ctx, out);
    }

    private void get(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        Subject s = find(caller, ctx.pathParam("external_id"));
        ctx.header("ETag", IfMatch.etag(s.version()));
        ApiJson.send(ctx, Views.SubjectView.of(s));
    }

    private void delete(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = Requests.externalId(ctx.pathParam("external_id"));
        Subject s = monitor.subjects().delete(caller.actor(), id);
        ApiJson.send(ctx, Views.SubjectView.of(s));
    }

    private void screenings(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        Subject s = find(caller, ctx.pathParam("external_id"));
        List<SubjectStore.Screening> all = monitor.subjects().screenings(caller.agency(), s.externalId());
        ApiJson.send(ctx, Views.map("subject", s.externalId(), "screenings", all.stream().map(Views::screening).toList()));
    }

    private Subject find(Auth.Caller caller, String rawId) {
        String id = Requests.externalId(rawId);
        return monitor.subjects().subject(caller.agency(), id)
                .orElseThrow(() -> ApiException.notFound("no subject '" + id + "'"));
    }
}
