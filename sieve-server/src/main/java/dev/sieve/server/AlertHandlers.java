package dev.sieve.server;

import dev.sieve.alerts.Alert;
import dev.sieve.alerts.AlertEvent;
import dev.sieve.alerts.AlertFilter;
import dev.sieve.alerts.AlertState;
import dev.sieve.alerts.AlertStore;
import dev.sieve.alerts.Decision;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agency's alerts: listed newest first with filters, read with their history, assigned, commented and
 * decided. Changes name the version read ({@code If-Match}); under the agency's four-eyes rule a closing
 * decision is proposed by one analyst and confirmed by another.
 */
final class AlertHandlers {
    private final AlertStore alerts;
    private final Auth auth;

    AlertHandlers(AlertStore alerts, Auth auth) {
        this.alerts = alerts;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.get("/v1/alerts", this::list);
        routes.get("/v1/alerts/{id}", this::get);
        routes.post("/v1/alerts/{id}/decision", this::decide);
        routes.post("/v1/alerts/{id}/comments", this::comment);
        routes.post("/v1/alerts/{id}/assignment", this::assign);
    }

    private void list(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        AlertState state = null;
        String stateText = Params.blankToNull(ctx.queryParam("state"));
        if (stateText != null) {
            try {
                state = AlertState.parse(stateText);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state", "parameter 'state': " + e.getMessage());
            }
        }
        Instant since = Params.instant(ctx.queryParam("since"), "since", false);
        int limit = Params.integer(ctx.queryParam("limit"), "limit", 100, 1, AlertFilter.MAX_LIMIT);
        Long before = null;
        String cursor = Params.blankToNull(ctx.queryParam("before"));
        if (cursor != null) before = (long) Params.integer(cursor, "before", 0, 1, Integer.MAX_VALUE);
        AlertFilter f = new AlertFilter(state, Params.blankToNull(ctx.queryParam("subject")), Params.blankToNull(ctx.queryParam("entity")),
                Params.blankToNull(ctx.queryParam("source")), Params.blankToNull(ctx.queryParam("assignee")), since, before, limit);
        List<Alert> page = alerts.alerts(caller.agency(), f);
        Map<String, Object> out = Views.map("alerts", page.stream().map(a -> Views.AlertView.of(a, null)).toList());
        // the cursor of the next page: the oldest alert of this one; absent on the last page
        if (page.size() == limit) out.put("next_before", page.getLast().seq());
        ApiJson.send(ctx, out);
    }

    private void get(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR, Role.AUDITOR);
        Alert a = find(caller, ctx.pathParam("id"));
        send(ctx, a, 200);
    }

    private void decide(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        int expected = expectedVersion(ctx, caller, id);
        Requests.DecisionBody body = ApiJson.read(ctx, Requests.DecisionBody.class);
        if (body.decision() == null) {
            throw ApiException.badRequest("decision", "field 'decision' is required: review, escalate, true_match or false_positive");
        }
        Decision decision;
        try {
            decision = Decision.parse(body.decision());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("decision", "field 'decision': " + e.getMessage());
        }
        String reason = Requests.reason(body.reason());
        Alert a = alerts.decide(caller.actor(), id, expected, decision, reason);
        // a proposal is accepted but the decision is not yet in force
        send(ctx, a, decision.closing() && !a.state().closed() ? 202 : 200);
    }

    private void assign(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        int expected = expectedVersion(ctx, caller, id);
        Requests.AssignmentBody body = ApiJson.read(ctx, Requests.AssignmentBody.class);
        Alert a;
        try {
            a = alerts.assign(caller.actor(), id, expected, Params.blankToNull(body.assignee()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("assignee", "field 'assignee': " + e.getMessage());
        }
        send(ctx, a, 200);
    }

    private void comment(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.ANALYST, Role.CONTRIBUTOR);
        String id = ctx.pathParam("id");
        Requests.CommentBody body = ApiJson.read(ctx, Requests.CommentBody.class);
        if (body.text() == null || body.text().isBlank()) throw ApiException.badRequest("text", "field 'text' is required");
        if (body.text().length() > 4000) throw ApiException.badRequest("text", "field 'text' is longer than 4000 characters");
        AlertEvent e = alerts.comment(caller.actor(), id, body.text().strip());
        ctx.status(201);
        ApiJson.send(ctx, Views.AlertEventView.of(e));
    }

    /** The version in If-Match (required); {@code *} means the alert's current one. */
    private int expectedVersion(Context ctx, Auth.Caller caller, String id) {
        int v = IfMatch.version(ctx, true, "the alert");
        return v == IfMatch.ANY_VERSION ? find(caller, id).version() : v;
    }

    private Alert find(Auth.Caller caller, String id) {
        return alerts.alert(caller.agency(), id).orElseThrow(() -> ApiException.notFound("no alert " + id));
    }

    private void send(Context ctx, Alert a, int status) {
        ctx.status(status).header("ETag", IfMatch.etag(a.version()));
        ApiJson.send(ctx, Views.AlertView.of(a, alerts.history(a)));
    }
}
