package dev.sieve.server;

import dev.sieve.store.AuditLog;
import dev.sieve.store.Role;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * {@code GET /v1/audit}: an auditor reads the events its own agency's keys caused, oldest first, paged by
 * sequence number ({@code after}). Other agencies' events (their screenings and private entries) stay
 * out of sight; the whole chain is checked by the operator with {@code sieve audit verify}.
 */
final class AuditHandlers {
    private final AuditLog audit;
    private final Auth auth;

    AuditHandlers(AuditLog audit, Auth auth) {
        this.audit = audit;
        this.auth = auth;
    }

    void register(RouteTable routes) {
        routes.get("/v1/audit", this::events);
    }

    private void events(Context ctx) {
        Auth.Caller caller = auth.require(ctx, Role.AUDITOR);
        long after = Params.integer(ctx.queryParam("after"), "after", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx.queryParam("limit"), "limit", 100, 1, 1000);
        Instant from = Params.instant(ctx.queryParam("from"), "from", false);
        Instant to = Params.instant(ctx.queryParam("to"), "to", true);
        String action = ctx.queryParam("action");
        var events = audit.events(caller.agency(), after, from, to, action == null || action.isBlank() ? null : action, limit)
                .stream().map(Views.AuditView::of).toList();
        ApiJson.send(ctx, Views.map("events", events, "next_after", events.isEmpty() ? after : events.getLast().seq()));
    }
}
